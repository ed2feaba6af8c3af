/// What the engine needs of one rule for every trace, resolved once: its fields and its
/// conditions over step slots. A class, so that judging a trace copies none of it.
final class CompiledRule {
    /// A compiled condition, and whether it needs a match (see ``CompiledCondition/needsMatch``).
    struct Condition {
        let compiled: CompiledCondition
        let needsMatch: Bool

        init(_ condition: RuleCondition, slots: [String: Int], fields: RuleFields) {
            compiled = CompiledCondition(condition, slots: slots, fields: fields)
            needsMatch = compiled.needsMatch
        }
    }

    /// A ``CrossTraceCondition`` with compiled conditions.
    struct Across {
        let entity: EntityKind
        let windowMilliseconds: Int64
        let earlier: Condition
        let later: Condition
    }

    let fields: RuleFields
    /// The slots of the rule's steps.
    let slots: [Int]
    let condition: Condition?
    /// Whether `condition` tests for something absent (see ``RuleCondition/usesAbsence``).
    let usesAbsence: Bool
    let across: Across?

    /// `rule`, whose fields are `fields` and whose steps are in `slots` by name.
    init(_ rule: Rule, fields: RuleFields, slots: [String: Int]) {
        self.fields = fields
        self.slots = slots.values.sorted()
        condition = rule.condition.map { Condition($0, slots: slots, fields: fields) }
        usesAbsence = rule.condition?.usesAbsence ?? false
        across = rule.across.map { across in
            Across(entity: across.entity, windowMilliseconds: across.windowMilliseconds,
                   earlier: Condition(across.earlier, slots: slots, fields: fields),
                   later: Condition(across.later, slots: slots, fields: fields))
        }
    }

    /// Whether `condition`, one of the rule's, holds over `trace`, and the matches that show it;
    /// not evaluated when it needs a match and none of the rule's steps matched.
    func evaluate(_ condition: Condition, over trace: MatchedTrace) -> [TraceMatches.Reference]? {
        if condition.needsMatch, !slots.contains(where: { !trace.matches.hits[$0].isEmpty }) { return nil }
        return condition.compiled.evaluate(trace, fields: fields)
    }
}
