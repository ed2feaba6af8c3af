/// What the engine needs of one rule for every trace, resolved once: its fields and its
/// conditions over step slots. A class, so that judging a trace copies none of it.
final class CompiledRule {
    /// A ``CrossTraceCondition`` with compiled conditions.
    struct Across {
        let entity: EntityKind
        let windowMilliseconds: Int64
        let earlier: CompiledCondition
        let later: CompiledCondition
    }

    let fields: RuleFields
    let condition: CompiledCondition?
    /// Whether `condition` tests for something absent (see ``RuleCondition/usesAbsence``).
    let usesAbsence: Bool
    let across: Across?

    /// `rule`, whose fields are `fields` and whose steps are in `slots` by name.
    init(_ rule: Rule, fields: RuleFields, slots: [String: Int]) {
        self.fields = fields
        condition = rule.condition.map { CompiledCondition($0, slots: slots, fields: fields) }
        usesAbsence = rule.condition?.usesAbsence ?? false
        across = rule.across.map { across in
            Across(entity: across.entity, windowMilliseconds: across.windowMilliseconds,
                   earlier: CompiledCondition(across.earlier, slots: slots, fields: fields),
                   later: CompiledCondition(across.later, slots: slots, fields: fields))
        }
    }
}
