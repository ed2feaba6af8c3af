/// What one ``Pattern/firstMatch(in:scratch:)`` call found.
public enum MatchOutcome {
    /// The pattern does not match the bytes.
    case noMatch
    /// The first (leftmost) match; a view over the scratch, valid until its next match.
    case match(Match)
    /// PCRE2 gave up before deciding: the match, depth, heap or JIT stack limit of the ``MatchScratch`` was
    /// hit. The line is neither a match nor a non-match; callers report it rather than guess.
    case limitExceeded

    /// The match, if there is one.
    public var match: Match? {
        if case .match(let match) = self { return match }
        return nil
    }
}
