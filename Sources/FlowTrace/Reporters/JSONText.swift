/// Builds JSON text for reports: strings escaped so that untrusted log content can never break
/// out of its value, every control character included.
public struct JSONText {
    private var text = ""
    private var needsComma = false

    /// Starts an object; finish it with ``closed()``.
    public init() { text = "{" }

    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { JSONText.appendQuoted(value, to: &text) } else { text += "null" }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        addKey(key)
        text += value.map(String.init) ?? "null"
    }

    public mutating func add(_ key: String, _ value: Bool) {
        addKey(key)
        text += value ? "true" : "false"
    }

    public mutating func add(_ key: String, _ values: [Int]) {
        addKey(key)
        text += "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    public mutating func add(_ key: String, _ values: [String]) {
        addKey(key)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            JSONText.appendQuoted(value, to: &text)
        }
        text += "]"
    }

    /// Adds a nested object.
    public mutating func add(_ key: String, object: JSONText) {
        addKey(key)
        text += object.closed()
    }

    /// The finished object's text.
    public func closed() -> String { text + "}" }

    private mutating func addKey(_ key: String) {
        if needsComma { text += "," }
        needsComma = true
        JSONText.appendQuoted(key, to: &text)
        text += ":"
    }

    /// Appends `value` as a JSON string literal.
    public static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    public static func quoted(_ value: String) -> String {
        var output = ""
        appendQuoted(value, to: &output)
        return output
    }
}
