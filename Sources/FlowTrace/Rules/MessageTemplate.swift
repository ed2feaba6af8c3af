/// A finding's message with `{field}` placeholders, filled from the evidence's captured fields and
/// the trace's entities. Log content is untrusted: the reporters escape and redact the result.
///
/// A placeholder is a `{`, a name without braces, and a `}`; any other brace is text. The message
/// is rendered in one pass from left to right, so a value is never read again: a value that holds
/// `{user}` is shown as it is, and the output does not depend on the order of the fields.
public struct MessageTemplate: Sendable {
    public let source: String
    /// The placeholders, in order of appearance.
    public let fields: [String]
    /// The text around the placeholders: one more than ``fields``, `texts[i]` before `fields[i]`.
    private let texts: [String]

    public init(_ source: String) {
        self.source = source
        var fields: [String] = []
        var texts: [String] = []
        var text = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let name = rest[rest.index(after: open)...]
            guard let end = name.firstIndex(where: { $0 == "{" || $0 == "}" }) else {
                rest = rest[open...]
                break
            }
            if name[end] == "{" {
                // `{{user}`: the first brace opens nothing.
                text += "{"
                rest = name
                continue
            }
            texts.append(text)
            text = ""
            fields.append(String(name[..<end]))
            rest = name[name.index(after: end)...]
        }
        texts.append(text + rest)
        self.fields = fields
        self.texts = texts
    }

    /// The message with each placeholder replaced by its value (`?` when there is none).
    public func render(_ values: [String: String]) -> String {
        var output = texts[0]
        for (index, field) in fields.enumerated() {
            output += values[field] ?? "?"
            output += texts[index + 1]
        }
        return output
    }
}
