/// A ``RuleCondition`` with its steps resolved to slots (see ``StepTable``) and its `same:` fields
/// to the rule's field numbers (see ``RuleFields``), evaluated once per trace with no lookup by name.
indirect enum CompiledCondition {
    case exists(Int)
    case absent(Int)
    case followedBy(Int, Int, same: [Int])
    case notFollowedBy(Int, Int, same: [Int])
    case count(Int, atLeast: Int)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)

    /// `condition`, whose step names are among `slots` and whose `same:` fields are among `fields`
    /// (the rule file was validated).
    init(_ condition: RuleCondition, slots: [String: Int], fields: RuleFields) {
        func slot(_ name: String) -> Int { slots[name]! }
        func numbers(_ names: [String]) -> [Int] { names.map { fields.index(of: $0)! } }
        switch condition {
        case .exists(let step): self = .exists(slot(step))
        case .absent(let step): self = .absent(slot(step))
        case .followedBy(let first, let second, let same): self = .followedBy(slot(first), slot(second), same: numbers(same))
        case .notFollowedBy(let first, let second, let same):
            self = .notFollowedBy(slot(first), slot(second), same: numbers(same))
        case .count(let step, let atLeast): self = .count(slot(step), atLeast: atLeast)
        case .all(let conditions): self = .all(conditions.map { CompiledCondition($0, slots: slots, fields: fields) })
        case .any(let conditions): self = .any(conditions.map { CompiledCondition($0, slots: slots, fields: fields) })
        case .not(let condition): self = .not(CompiledCondition(condition, slots: slots, fields: fields))
        }
    }

    /// Whether the condition can hold only where one of its steps matched (most can): then a trace
    /// where none did need not be evaluated.
    var needsMatch: Bool {
        switch self {
        case .exists, .followedBy, .notFollowedBy: true
        case .absent: false
        case .count(_, let atLeast): atLeast > 0
        case .all(let conditions): conditions.contains { $0.needsMatch }
        case .any(let conditions): conditions.allSatisfy { $0.needsMatch }
        case .not(let condition): !condition.needsMatch
        }
    }

    /// The steps (by slot) that must all have matched for the condition to hold: a trace where one
    /// of them did not is not evaluated. Most traces match a rule's common step (a client use)
    /// and not its rare one (a rejection).
    var requiredSlots: Set<Int> {
        switch self {
        case .exists(let slot): [slot]
        case .absent, .not: []
        case .followedBy(let first, let second, _): [first, second]
        case .notFollowedBy(let first, _, _): [first]
        case .count(let slot, let atLeast): atLeast > 0 ? [slot] : []
        case .all(let conditions): conditions.reduce(into: Set()) { $0.formUnion($1.requiredSlots) }
        case .any(let conditions):
            conditions.dropFirst().reduce(conditions.first?.requiredSlots ?? []) { $0.intersection($1.requiredSlots) }
        }
    }

    /// Whether the condition holds over `trace`'s matches, and the matches that show it. `fields`
    /// are those of the condition's rule.
    func evaluate(_ trace: MatchedTrace, fields: RuleFields) -> [TraceMatches.Reference]? {
        switch self {
        case .exists(let slot):
            return trace.matches.hits[slot].isEmpty ? nil : Array(trace.matches.references(slot))
        case .absent(let slot):
            return trace.matches.hits[slot].isEmpty ? [] : nil
        case .count(let slot, let atLeast):
            return trace.matches.hits[slot].count >= atLeast ? Array(trace.matches.references(slot)) : nil
        case .followedBy(let first, let second, let same):
            for earlier in trace.matches.references(first) {
                if let later = trace.matches.references(second).first(where: { trace.follows($0, earlier, agreeingOn: same, of: fields) }) {
                    return [earlier, later]
                }
            }
            return nil
        case .notFollowedBy(let first, let second, let same):
            let unanswered = Array(trace.matches.references(first)).filter { earlier in
                !trace.matches.references(second).contains { trace.follows($0, earlier, agreeingOn: same, of: fields) }
            }
            return unanswered.isEmpty ? nil : unanswered
        case .all(let conditions):
            var evidence: [TraceMatches.Reference] = []
            for condition in conditions {
                guard let shown = condition.evaluate(trace, fields: fields) else { return nil }
                evidence += shown
            }
            return evidence
        case .any(let conditions):
            for condition in conditions {
                if let shown = condition.evaluate(trace, fields: fields) { return shown }
            }
            return nil
        case .not(let condition):
            return condition.evaluate(trace, fields: fields) == nil ? [] : nil
        }
    }
}
