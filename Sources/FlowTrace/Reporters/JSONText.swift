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
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            text += String(value)
        }
        text += "]"
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

    /// Appends `value` as a JSON string literal. Runs of bytes that need no escape are appended
    /// whole.
    public static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        guard value.utf8.contains(where: mayStartEscape) else {
            output += value
            output += "\""
            return
        }
        let utf8 = value.utf8
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let (escape, width) = escape(at: index, in: utf8)
            if let escape {
                output += value[run..<index]
                output += escape
                index = utf8.index(index, offsetBy: width)
                run = index
            } else {
                index = utf8.index(after: index)
            }
        }
        output += value[run..<index]
        output += "\""
    }

    /// Whether a scalar starting with `byte` may need an escape (see ``escape(at:in:)``).
    private static func mayStartEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// The escape of the scalar starting at `index`, if it needs one, and its length in bytes:
    /// quotes, backslashes, C0 and C1 controls, DEL, and the line and paragraph separators.
    private static func escape(at index: String.UTF8View.Index, in utf8: String.UTF8View) -> (String?, Int) {
        switch utf8[index] {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20, 0x7F: return (unicodeEscape(UInt32(utf8[index])), 1)
        case 0xC2:
            // U+0080...U+009F are C2 80...C2 9F.
            let second = utf8[utf8.index(after: index)]
            return second < 0xA0 ? (unicodeEscape(UInt32(second)), 2) : (nil, 1)
        case 0xE2:
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            let second = utf8[utf8.index(after: index)]
            let third = utf8[utf8.index(index, offsetBy: 2)]
            guard second == 0x80, third == 0xA8 || third == 0xA9 else { return (nil, 1) }
            return (third == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default:
            return (nil, 1)
        }
    }

    /// `\u` and four lower-case hex digits.
    private static func unicodeEscape(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    public static func quoted(_ value: String) -> String {
        var output = ""
        appendQuoted(value, to: &output)
        return output
    }
}
