/// Builds JSON text for reports: strings escaped so that untrusted log content can never break
/// out of its value, every control character included.
public struct JSONText {
    /// The object so far, as UTF-8: built on bytes, which appends cost far less than on a String.
    private var bytes: [UInt8] = []
    private var needsComma = false

    /// Starts an object; finish it with ``closed()``.
    public init() {
        bytes.reserveCapacity(256)
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { JSONText.appendQuoted(value, to: &bytes) } else { append("null") }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        addKey(key)
        if let value { JSONText.appendDecimal(value, to: &bytes) } else { append("null") }
    }

    public mutating func add(_ key: String, _ value: Bool) {
        addKey(key)
        append(value ? "true" : "false")
    }

    public mutating func add(_ key: String, _ values: [Int]) {
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendDecimal(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func add(_ key: String, _ values: [String]) {
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Adds a nested object.
    public mutating func add(_ key: String, object: JSONText) {
        addKey(key)
        bytes += object.bytes
        bytes.append(UInt8(ascii: "}"))
    }

    /// The finished object's text.
    public func closed() -> String {
        var closed = bytes
        closed.append(UInt8(ascii: "}"))
        // Every byte came from a String or an escape: valid UTF-8, decoded as it is.
        return String(decoding: closed, as: UTF8.self)
    }

    private mutating func addKey(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        JSONText.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Room for the 20 digits of the largest magnitude, filled from the end.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            output.append(contentsOf: buffer[start...])
        }
    }

    /// Appends `value` as a JSON string literal. Runs of bytes that need no escape are appended
    /// whole.
    public static func appendQuoted(_ value: String, to output: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a JSON string literal, as UTF-8.
    static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var run = 0
            var index = 0
            while index < utf8.count {
                guard mayStartEscape(utf8[index]) else {
                    index += 1
                    continue
                }
                let (escape, width) = escape(at: index, in: utf8)
                if let escape {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                    output += escape.utf8
                    index += width
                    run = index
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether a scalar starting with `byte` may need an escape (see ``escape(at:in:)``).
    private static func mayStartEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// The escape of the scalar starting at `index`, if it needs one, and its length in bytes:
    /// quotes, backslashes, C0 and C1 controls, DEL, and the line and paragraph separators.
    private static func escape(at index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (String?, Int) {
        switch utf8[index] {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20, 0x7F: return (unicodeEscape(UInt32(utf8[index])), 1)
        case 0xC2:
            // U+0080...U+009F are C2 80...C2 9F (valid UTF-8: a continuation byte follows).
            let second = utf8[index + 1]
            return second < 0xA0 ? (unicodeEscape(UInt32(second)), 2) : (nil, 1)
        case 0xE2:
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            let second = utf8[index + 1]
            let third = utf8[index + 2]
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
