/// The cheap screen that keeps most lines away from the regular expressions: a line passes when it contains
/// at least one of a few literal strings, searched on bytes with `memchr` and `memcmp` (no allocation).
///
/// A prefilter may pass lines the patterns then reject, but must never reject a line a pattern would match.
/// Build one with ``init(for:)`` from the patterns it guards, which finds each pattern's required literal
/// with ``requiredLiteral(of:)`` and gives up when any pattern has none.
///
/// Case-insensitive prefilters fold ASCII letters only. PCRE2's caseless matching also folds `k` with the
/// Kelvin sign and `s` with the long s, and non-ASCII letters by Unicode: so each literal is first cut down
/// to its longest stretch of ASCII without `k` or `s`, which PCRE2 can only match as ASCII letters.
/// A literal with no such stretch (or an empty one) makes the prefilter pass every line.
public struct LiteralPrefilter: Sendable {
    /// The literals as given.
    public let literals: [String]
    /// Whether ASCII letters match regardless of case.
    public let caseInsensitive: Bool
    /// What is searched; empty when every line passes.
    let needles: [LiteralNeedle]

    /// A prefilter passing lines that contain any of `literals`. With no literals, every line passes.
    public init(literals: [String], caseInsensitive: Bool = false) {
        self.literals = literals
        self.caseInsensitive = caseInsensitive
        var needles: [LiteralNeedle] = []
        for literal in literals {
            let bytes = caseInsensitive ? Self.caselessSafePart(of: literal) : Array(literal.utf8)
            guard !bytes.isEmpty else {
                needles = []
                break
            }
            needles.append(LiteralNeedle(bytes, caseInsensitive: caseInsensitive))
        }
        self.needles = needles
    }

    /// A prefilter for lines any of `patterns` may match, or nil when one of them has no required literal
    /// (or none worth searching): then every line must go to the patterns.
    public init?(for patterns: [Pattern]) {
        var literals: [String] = []
        for pattern in patterns {
            guard let literal = Self.requiredLiteral(of: pattern.source) else { return nil }
            literals.append(literal)
        }
        self.init(literals: literals, caseInsensitive: patterns.contains { $0.caseInsensitive })
        if passesEveryLine { return nil }
    }

    /// Whether the prefilter lets every line through (it screens nothing).
    public var passesEveryLine: Bool { needles.isEmpty }

    /// Whether `line` contains one of the literals, so that a pattern may match it. False means that no
    /// pattern this prefilter was built for matches the line.
    @inline(__always)
    public func mayMatch(_ line: UnsafeRawBufferPointer) -> Bool {
        if needles.isEmpty { return true }
        for index in needles.indices where needles[index].occurs(in: line) {
            return true
        }
        return false
    }

    /// Literals one of which every match of `pattern` contains: for a pattern of top-level alternatives
    /// (`a|b`), one per alternative, else just ``requiredLiteral(of:)``. Nil when one alternative has none.
    public static func requiredLiterals(of pattern: String) -> [String]? {
        var parser = RequiredLiteralParser(pattern)
        return parser.requiredLiteralPerAlternative()
    }

    /// A literal every match of `pattern` contains, when one is obviously there; nil otherwise (nil means
    /// "no prefilter", never a wrong one). Understands literal text, escaped punctuation, groups, classes,
    /// quantifiers and anchors; gives up on alternation outside groups, inline options such as `(?i)`,
    /// backreferences, `\Q…\E`, verbs, and any escape it does not know.
    public static func requiredLiteral(of pattern: String) -> String? {
        var parser = RequiredLiteralParser(pattern)
        return parser.requiredLiteral()
    }

    /// The longest stretch of `literal` that PCRE2 caseless matching can only match with ASCII letters of
    /// either case: ASCII bytes other than k, K, s and S.
    static func caselessSafePart(of literal: String) -> [UInt8] {
        let unsafe: Set<UInt8> = [UInt8(ascii: "k"), UInt8(ascii: "K"), UInt8(ascii: "s"), UInt8(ascii: "S")]
        var best: ArraySlice<UInt8> = []
        let bytes = Array(literal.utf8)
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] >= 0x80 || unsafe.contains(bytes[end]) {
            if end - start > best.count { best = bytes[start..<end] }
            start = end + 1
        }
        return Array(best)
    }
}
