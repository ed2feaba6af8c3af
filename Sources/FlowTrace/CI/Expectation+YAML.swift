import Foundation
import Yams

/// Reading and writing expectation files, with every problem located at its line and column.
extension Expectation {
    static let keys: Set<String> = ["findings", "input_error"]
    static let entryKeys: Set<String> = ["rule", "user", "request", "generation", "count", "lines"]

    /// Reads an expectation file.
    public init(yaml: String, file: String) throws {
        let root = try ConfigNode.parse(yaml, file: file)
        let fields = try root.mapping(allowedKeys: Expectation.keys)
        guard let list = fields["findings"] else {
            throw root.error("an expectation needs 'findings' (use 'findings: []' for a clean fixture)")
        }
        guard case .sequence = list.node else { throw list.error("expected a list of findings") }
        findings = try list.items().map { item in
            let entry = try item.mapping(allowedKeys: Expectation.entryKeys)
            guard let rule = entry["rule"] else { throw item.error("a finding needs 'rule'") }
            let count = try entry["count"]?.int() ?? 1
            guard count >= 1 else { throw entry["count"]!.error("count must be at least 1") }
            let lines = try entry["lines"].map { try $0.items().map { try $0.int() } }
            if lines != nil, count != 1 { throw item.error("'lines' pins one finding: use it only with count 1") }
            return Entry(rule: try rule.string(), user: try entry["user"]?.string(), request: try entry["request"]?.string(),
                         generation: try entry["generation"]?.string(), count: count, lines: lines)
        }
        inputError = try fields["input_error"]?.string()
    }

    /// The expectation as a file: a header naming `fixture`, then the YAML.
    public func yaml(fixture: String) -> String {
        var text = "# The findings flowtrace must report on \(fixture) (flowtrace check).\n"
        text += "# Written by `flowtrace check --update`; review the diff before committing.\n"
        if findings.isEmpty { text += "findings: []\n" } else { text += "findings:\n" }
        for entry in findings {
            if let note = entry.note { text += "  # \(note.replacingOccurrences(of: "\n", with: " "))\n" }
            text += "  - rule: \(Expectation.scalar(entry.rule))\n"
            for (key, value) in [("user", entry.user), ("request", entry.request), ("generation", entry.generation)] {
                if let value { text += "    \(key): \(JSONText.quoted(value))\n" }
            }
            if entry.count != 1 { text += "    count: \(entry.count)\n" }
            if let lines = entry.lines { text += "    lines: [\(lines.map(String.init).joined(separator: ", "))]\n" }
        }
        if let inputError { text += "input_error: \(Expectation.scalar(inputError))\n" }
        return text
    }

    /// A YAML scalar: plain for kebab-case words, otherwise double-quoted (JSON escaping is valid YAML).
    static func scalar(_ value: String) -> String {
        value.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil
            && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(value)
            ? value : JSONText.quoted(value)
    }
}
