/// A rule step's regular expression: a ``Pattern`` (PCRE2, JIT-compiled once, shareable between
/// threads), matched with the caller's ``MatchScratch`` under PCRE2's match and depth limits, so
/// that a catastrophic pattern costs bounded time and is reported, never hangs. Named groups
/// become fields.
public final class RuleRegex: @unchecked Sendable {
    public let pattern: Pattern
    /// Literals one of which every match contains (one per top-level alternative), used as the step's
    /// prefilter when it gives none.
    public let requiredLiterals: [String]?
    /// Whether the pattern, and so its required literals, ignore case: by option or by a leading `(?i)`.
    public let ignoresCase: Bool

    public var source: String { pattern.source }
    public var groupNames: [String] { pattern.groupNames }

    public init(_ source: String, caseInsensitive: Bool, location: FlowTraceError.Location?) throws {
        pattern = try Pattern(source, caseInsensitive: caseInsensitive, location: location)
        // A leading `(?i)` sets the option for the whole pattern.
        let inlineCaseless = source.hasPrefix("(?i)")
        requiredLiterals = LiteralPrefilter.requiredLiterals(of: inlineCaseless ? String(source.dropFirst(4)) : source)
        ignoresCase = caseInsensitive || inlineCaseless
    }
}
