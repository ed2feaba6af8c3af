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
}
