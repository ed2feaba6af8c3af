/// A step's regular expression, as the engine runs it: the pattern, and for each of its named
/// groups the rule field it fills (groups of fields the rule does not use are not kept).
final class StepRegex {
    /// The step's name, for the limit report.
    let step: String
    let pattern: Pattern
    /// For each named group of the pattern, the number of the rule field it fills, or -1.
    let groupFields: [Int32]

    init(_ regex: RuleRegex, step: String, fields: RuleFields) {
        self.step = step
        pattern = regex.pattern
        groupFields = regex.groupNames.map { Int32(fields.index(of: $0) ?? -1) }
    }

    /// Whether the pattern matches `message` (the message of the event on `line`); keeps the groups it
    /// captured in `matches`. A match that hits the regex limits does not match and is reported in `limits`.
    func matches(_ message: UnsafeRawBufferPointer, line: Int, capturingInto matches: inout TraceMatches,
                 scratch: inout MatchScratch, limits: inout RegexLimitReport) -> Bool {
        switch pattern.firstMatch(in: message, scratch: &scratch) {
        case .noMatch:
            return false
        case .limitExceeded:
            limits.record(step: step, line: line)
            return false
        case .match(let match):
            for (group, field) in groupFields.enumerated() where field >= 0 {
                if let range = match.range(ofGroup: group) { matches.capture(.init(field: field, range: range)) }
            }
            return true
        }
    }
}
