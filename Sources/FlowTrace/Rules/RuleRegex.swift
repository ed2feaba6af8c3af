/// A rule step's regular expression: a ``Pattern`` (PCRE2, JIT-compiled once, shareable between
/// threads), matched with the caller's ``MatchScratch`` under PCRE2's match and depth limits, so
/// that a catastrophic pattern costs bounded time and is reported, never hangs. Named groups
/// become fields.
public final class RuleRegex: @unchecked Sendable {
    public enum Outcome {
        case noMatch
        /// The named groups that took part, with their byte ranges in the subject.
        case match([(String, TextRange)])
        case limitExceeded
    }

    public let pattern: Pattern
    /// A literal every match contains, used as the step's prefilter when it gives none.
    public let requiredLiteral: String?

    public var source: String { pattern.source }
    public var groupNames: [String] { pattern.groupNames }

    public init(_ source: String, caseInsensitive: Bool, location: FlowTraceError.Location?) throws {
        pattern = try Pattern(source, caseInsensitive: caseInsensitive, location: location)
        requiredLiteral = caseInsensitive ? nil : LiteralPrefilter.requiredLiteral(of: source)
    }

    /// Runs the expression on `subject` with `scratch` (one per thread).
    public func match(_ subject: UnsafeRawBufferPointer, scratch: inout MatchScratch) -> Outcome {
        switch pattern.firstMatch(in: subject, scratch: &scratch) {
        case .noMatch:
            return .noMatch
        case .limitExceeded:
            return .limitExceeded
        case .match(let match):
            var groups: [(String, TextRange)] = []
            for (index, name) in pattern.groupNames.enumerated() {
                if let range = match.range(ofGroup: index) { groups.append((name, range)) }
            }
            return .match(groups)
        }
    }
}
