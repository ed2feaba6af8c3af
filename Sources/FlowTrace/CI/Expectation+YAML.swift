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
        var text = "# The findings flowtrace must report on \(Expectation.commentText(fixture)) (flowtrace check).\n"
        text += "# Written by `flowtrace check --update`; review the diff before committing.\n"
        if findings.isEmpty { text += "findings: []\n" } else { text += "findings:\n" }
        for entry in findings {
            if let note = entry.note { text += "  # \(Expectation.commentText(note))\n" }
            text += "  - rule: \(Expectation.scalar(entry.rule))\n"
            for (key, value) in [("user", entry.user), ("request", entry.request), ("generation", entry.generation)] {
                if let value { text += "    \(key): \(Expectation.quoted(value))\n" }
            }
            if entry.count != 1 { text += "    count: \(entry.count)\n" }
            if let lines = entry.lines { text += "    lines: [\(lines.map(String.init).joined(separator: ", "))]\n" }
        }
        if let inputError { text += "input_error: \(Expectation.scalar(inputError))\n" }
        return text
    }

    /// A YAML scalar: plain for kebab-case words, otherwise double-quoted (see ``quoted(_:)``).
    static func scalar(_ value: String) -> String {
        value.range(of: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression) != nil
            && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(value)
            ? value : quoted(value)
    }

    /// `value` as a double-quoted YAML scalar that reads back as `value`: quotes, backslashes and
    /// every character YAML cannot carry as it is (see ``isPlainText(_:)``) are escaped.
    static func quoted(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            default: output += isPlainText(scalar) ? String(scalar) : escape(scalar)
            }
        }
        return output + "\""
    }

    /// `text` made safe for the rest of a `#` comment line: every character YAML reads as a line
    /// break or cannot carry is shown as an escape (`\u2028`), so the comment ends where it should.
    static func commentText(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            output += isPlainText(scalar) ? String(scalar) : escape(scalar)
        }
        return output
    }

    /// Whether YAML reads `scalar` as itself on one line: printable (YAML's `c-printable`) and not a
    /// line break. YAML 1.1, which Yams implements, also breaks lines at NEL, U+2028 and U+2029.
    private static func isPlainText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `\u` and four hex digits (all the escaped characters are in the Basic Multilingual Plane).
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
