/// What must hold over a trace's matched steps for a rule to fire, as a rule file declares it
/// under `when:`. Conditions are judged when the trace closes, so absence is well defined.
public indirect enum RuleCondition: Sendable {
    /// Some event matched the step.
    case exists(String)
    /// No event matched the step by the time the trace closed.
    case absent(String)
    /// An event of the first step is followed by one of the second, agreeing on `same` fields.
    case followedBy(String, String, same: [String])
    /// An event of the first step is not followed by any of the second agreeing on `same` fields.
    case notFollowedBy(String, String, same: [String])
    /// At least `atLeast` events matched the step.
    case count(String, atLeast: Int)
    case all([RuleCondition])
    case any([RuleCondition])
    case not(RuleCondition)

    /// The steps the condition refers to.
    public var steps: [String] {
        switch self {
        case .exists(let step), .absent(let step), .count(let step, _): [step]
        case .followedBy(let first, let second, _), .notFollowedBy(let first, let second, _): [first, second]
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.steps)
        case .not(let condition): condition.steps
        }
    }

    /// The fields its `followed_by` / `not_followed_by` parts compare.
    public var sameFields: [String] {
        switch self {
        case .followedBy(_, _, let same), .notFollowedBy(_, _, let same): same
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.sameFields)
        case .not(let condition): condition.sameFields
        case .exists, .absent, .count: []
        }
    }

    /// Whether the condition needs the trace to be complete (it tests for something absent).
    public var usesAbsence: Bool {
        switch self {
        case .absent, .notFollowedBy, .not: true
        case .exists, .followedBy, .count: false
        case .all(let conditions), .any(let conditions): conditions.contains(where: \.usesAbsence)
        }
    }

    /// Whether the condition holds over `matches`, and the matches that show it.
    func evaluate(_ matches: [String: [StepMatch]]) -> [StepMatch]? {
        switch self {
        case .exists(let step):
            return matches[step].flatMap { $0.isEmpty ? nil : $0 }
        case .absent(let step):
            return (matches[step] ?? []).isEmpty ? [] : nil
        case .count(let step, let atLeast):
            let found = matches[step] ?? []
            return found.count >= atLeast ? found : nil
        case .followedBy(let first, let second, let same):
            for earlier in matches[first] ?? [] {
                if let later = (matches[second] ?? []).first(where: { $0.follows(earlier, agreeingOn: same) }) {
                    return [earlier, later]
                }
            }
            return nil
        case .notFollowedBy(let first, let second, let same):
            let unanswered = (matches[first] ?? []).filter { earlier in
                !(matches[second] ?? []).contains { $0.follows(earlier, agreeingOn: same) }
            }
            return unanswered.isEmpty ? nil : unanswered
        case .all(let conditions):
            var evidence: [StepMatch] = []
            for condition in conditions {
                guard let shown = condition.evaluate(matches) else { return nil }
                evidence += shown
            }
            return evidence
        case .any(let conditions):
            for condition in conditions {
                if let shown = condition.evaluate(matches) { return shown }
            }
            return nil
        case .not(let condition):
            return condition.evaluate(matches) == nil ? [] : nil
        }
    }
}

extension StepMatch {
    /// Whether this match comes after `earlier` and has the same value for each of `fields`
    /// (a field neither side captured does not constrain).
    func follows(_ earlier: StepMatch, agreeingOn fields: [String]) -> Bool {
        guard lineNumber > earlier.lineNumber else { return false }
        for field in fields {
            guard let mine = captures[field], let theirs = earlier.captures[field] else { continue }
            if mine.lowercased() != theirs.lowercased() { return false }
        }
        return true
    }
}
