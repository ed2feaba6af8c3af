import Foundation

/// A finding's message with `{field}` placeholders, filled from the evidence's captured fields and
/// the trace's entities. Log content is untrusted: the reporters escape and redact the result.
public struct MessageTemplate: Sendable {
    public let source: String
    /// The placeholders, in order of appearance.
    public let fields: [String]

    public init(_ source: String) {
        self.source = source
        var fields: [String] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            fields.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        self.fields = fields
    }

    /// The message with each placeholder replaced by its value (`?` when there is none).
    public func render(_ values: [String: String]) -> String {
        var output = source
        for field in Set(fields) {
            output = output.replacingOccurrences(of: "{\(field)}", with: values[field] ?? "?")
        }
        return output
    }
}
