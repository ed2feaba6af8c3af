/// A step's regular expression, as the engine runs it: the pattern, and for each of its named
/// groups the rule field it fills (groups of fields the rule does not use are not kept).
final class StepRegex {
    /// The step's name, for the limit report.
    let step: String
    let pattern: Pattern
    /// For each named group of the pattern that fills a rule field, in group order: the field's
    /// number and the group's number in PCRE2's offsets.
    private let captures: [(field: Int32, group: Int)]

    init(_ regex: RuleRegex, step: String, fields: RuleFields) {
        self.step = step
        pattern = regex.pattern
        captures = zip(regex.groupNames, regex.pattern.groupNumbers).compactMap { name, group in
            fields.index(of: name).map { (Int32($0), group) }
        }
    }

    /// What a match attempt came to.
    enum Outcome {
        case matched
        case unmatched
        /// It hit the regex limits (and does not match).
        case limitExceeded
    }

    /// Whether the pattern matches `message` (the message of the event on `line`); keeps the groups it
    /// captured in `matches`. A match that hits the regex limits does not match and is reported in `limits`.
    func matches(_ message: UnsafeRawBufferPointer, line: Int, capturingInto matches: inout TraceMatches,
                 scratch: inout MatchScratch, limits: inout RegexLimitReport) -> Outcome {
        // The offsets are read at once, from the scratch: no ``Match`` is made.
        let status = pattern.matchStatus(in: message, scratch: scratch)
        guard status > 0 else {
            if case .limitExceeded = Pattern.outcome(ofFailure: status) {
                limits.record(step: step, line: line)
                return .limitExceeded
            }
            return .unmatched
        }
        let offsets = scratch.ovector
        for capture in captures {
            let start = offsets[2 * capture.group]
            let end = offsets[2 * capture.group + 1]
            // PCRE2_UNSET (all bits set) marks a group that took no part; it imports as -1.
            guard start >= 0, end >= start else { continue }
            matches.capture(.init(field: capture.field, range: TextRange(start: start, count: end - start)))
        }
        return .matched
    }
}
