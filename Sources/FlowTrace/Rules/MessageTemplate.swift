import Foundation

/// A finding's message with `{field}` placeholders, filled from the evidence's captured fields and
/// the trace's entities. Log content is untrusted: the reporters escape and redact the result.
public struct MessageTemplate: Sendable {
    public let source: String
    /// The placeholders, in order of appearance.
    public let fields: [String]
    /// The text around the placeholders (one more than ``fields``), when the template is ASCII and
    /// its only braces are its placeholders': then it renders in one pass (see ``render(_:)``).
    private let texts: [String]?

    public init(_ source: String) {
        self.source = source
        var fields: [String] = []
        var texts: [String] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            texts.append(String(rest[..<open]))
            fields.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        texts.append(String(rest))
        self.fields = fields
        let plain = source.utf8.allSatisfy { $0 < 0x80 }
            && texts.allSatisfy { !$0.contains("{") && !$0.contains("}") } && fields.allSatisfy { !$0.contains("{") }
        self.texts = plain ? texts : nil
    }

    /// The message with each placeholder replaced by its value (`?` when there is none).
    public func render(_ values: [String: String]) -> String {
        if let texts {
            // Values that bring no brace of their own cannot make a placeholder: replacing one
            // placeholder after another, as below, comes to replacing each in place.
            var output = texts[0]
            for (index, field) in fields.enumerated() {
                let value = values[field] ?? "?"
                guard value.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "{") }) else { return renderInTurn(values) }
                output += value
                output += texts[index + 1]
            }
            return output
        }
        return renderInTurn(values)
    }

    /// The message with each placeholder replaced by its value, one field after another.
    private func renderInTurn(_ values: [String: String]) -> String {
        var output = source
        for field in Set(fields) {
            output = MessageTemplate.replacing("{\(field)}", with: values[field] ?? "?", in: output)
        }
        return output
    }

    /// `text` with every occurrence of `target` replaced, left to right, as Foundation's
    /// `replacingOccurrences` does; on bytes when all is ASCII (where the two agree), which is
    /// many times faster.
    private static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let isASCII = { (string: String) in string.utf8.allSatisfy { $0 < 0x80 } }
        guard isASCII(text), isASCII(target), isASCII(replacement), !target.isEmpty else {
            return text.replacingOccurrences(of: target, with: replacement)
        }
        let bytes = Array(text.utf8)
        let needle = Array(target.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == needle[0], bytes[index...].starts(with: needle) {
                output += replacement.utf8
                index += needle.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
