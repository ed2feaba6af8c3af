import Foundation

/// What a bracketed tag can be (``TagBracket``): upper-case letters, digits, `_` and `-`, with a
/// letter, at most 78 bytes. A rule or flow step that requires any other tag can never match, so
/// its file is refused, with the spelling it probably meant.
public enum TagSpelling {
    /// The longest tag a line can carry: a `[` with its `]` within 80 bytes.
    public static let maxLength = 78

    /// Why `tag` can never be a line's tag, with the spelling it probably meant; nil when it can be.
    public static func problem(_ tag: String) -> (reason: String, suggestion: String?)? {
        if isTag(tag) { return nil }
        var candidate = tag.trimmingCharacters(in: .whitespaces)
        if candidate.hasPrefix("["), candidate.hasSuffix("]"), candidate.count >= 2 {
            candidate = String(candidate.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        // ASCII letters only: no other letter can be in a tag.
        let upper = String(String.UnicodeScalarView(candidate.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 0x20)! : scalar
        }))
        let suggestion = isTag(upper) ? upper : nil
        let reason = if tag.isEmpty {
            "an empty tag tests nothing"
        } else if tag.utf8.count > maxLength {
            "a tag is at most \(maxLength) characters"
        } else if tag.contains("[") || tag.contains("]") {
            "a tag is written without its brackets"
        } else if tag.unicodeScalars.allSatisfy({ isTagByte($0) || ("a"..."z").contains($0) }),
                  tag.unicodeScalars.contains(where: { ("a"..."z").contains($0) }) {
            "tags are upper-case"
        } else if tag.unicodeScalars.allSatisfy(isTagByte) {
            "a tag needs a letter (a bracket of digits and signs is no tag)"
        } else {
            "a tag is upper-case letters, digits, '_' and '-'"
        }
        return (reason, suggestion)
    }

    /// Whether `text` can be a line's tag.
    public static func isTag(_ text: String) -> Bool {
        (1...maxLength).contains(text.utf8.count) && text.unicodeScalars.allSatisfy(isTagByte)
            && text.unicodeScalars.contains { ("A"..."Z").contains($0) }
    }

    private static func isTagByte(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }
}

extension ConfigNode {
    /// A tag a line can carry, as written between its brackets.
    func tag() throws -> String {
        let tag = try string()
        if let problem = TagSpelling.problem(tag) {
            throw error("tag '\(tag)' can never match: \(problem.reason)",
                        hint: problem.suggestion.map { "did you mean \($0)?" }
                            ?? "write it as it appears between brackets on a line, e.g. CREDIT-SERVICE for [CREDIT-SERVICE]")
        }
        return tag
    }

    /// A list of tags (a single tag counts as a list of one).
    func tags() throws -> [String] {
        try items().map { try $0.tag() }
    }
}
