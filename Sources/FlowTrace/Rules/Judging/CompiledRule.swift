/// What the engine needs of one rule for every trace, resolved once: its fields and its
/// conditions over step slots. A class, so that judging a trace copies none of it.
final class CompiledRule {
    /// A compiled condition, whether it needs a match (see ``CompiledCondition/needsMatch``) and
    /// the steps it requires (``CompiledCondition/requiredSlots``).
    struct Condition {
        let compiled: CompiledCondition
        let needsMatch: Bool
        /// The bits of the required slots below 63 (see ``TraceMatches/bit(ofSlot:)``), and the
        /// required slots from 63 on, which share a bit.
        let requiredBits: UInt64
        let requiredHighSlots: [Int]

        init(_ condition: RuleCondition, slots: [String: Int], fields: RuleFields) {
            compiled = CompiledCondition(condition, slots: slots, fields: fields)
            needsMatch = compiled.needsMatch
            let required = compiled.requiredSlots
            requiredBits = required.filter { $0 < 63 }.reduce(0) { $0 | TraceMatches.bit(ofSlot: $1) }
            requiredHighSlots = required.filter { $0 >= 63 }.sorted()
        }

        /// Whether every step the condition requires matched in `matches`.
        @inline(__always)
        func requiredStepsMatched(_ matches: TraceMatches) -> Bool {
            matches.matchedSlots & requiredBits == requiredBits
                && requiredHighSlots.allSatisfy { !matches.hits[$0].isEmpty }
        }
    }

    /// A ``CrossTraceCondition`` with compiled conditions.
    struct Across {
        let entity: EntityKind
        let windowMilliseconds: Int64
        let earlier: Condition
        let later: Condition
        /// Whether `earlier` and `later` test for something absent: neither holds on a trace cut
        /// off while it awaited a call (see ``RuleCondition/usesAbsence``).
        let earlierUsesAbsence: Bool
        let laterUsesAbsence: Bool
    }

    let fields: RuleFields
    /// The slots of the rule's steps, and their bits (see ``TraceMatches/bit(ofSlot:)``).
    let slots: [Int]
    let slotMask: UInt64
    /// Whether each of the rule's conditions needs a match: then a trace where none of its steps
    /// matched is not judged by it at all.
    let needsMatch: Bool
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
                   later: Condition(across.later, slots: slots, fields: fields),
                   earlierUsesAbsence: across.earlier.usesAbsence, laterUsesAbsence: across.later.usesAbsence)
        }
        slotMask = self.slots.reduce(0) { $0 | TraceMatches.bit(ofSlot: $1) }
        let conditions = [condition, across?.earlier, across?.later].compactMap { $0 }
        needsMatch = conditions.allSatisfy(\.needsMatch)
    }

    /// Whether some step of the rule may have matched in `matches` (bit 63, shared by many slots,
    /// may tell so wrongly; the other bits never do).
    @inline(__always)
    func mayHaveMatched(_ matches: TraceMatches) -> Bool {
        matches.matchedSlots & slotMask != 0
    }

    /// Whether `condition`, one of the rule's, holds over `trace`, and the matches that show it;
    /// not evaluated when it needs a match and none of the rule's steps matched, or when a step
    /// it requires did not match.
    func evaluate(_ condition: Condition, over trace: MatchedTrace) -> [TraceMatches.Reference]? {
        if condition.needsMatch, !hasMatched(trace.matches) { return nil }
        if !condition.requiredStepsMatched(trace.matches) { return nil }
        return condition.compiled.evaluate(trace, fields: fields)
    }

    /// Whether some step of the rule matched in `matches`.
    private func hasMatched(_ matches: TraceMatches) -> Bool {
        let shared = matches.matchedSlots & slotMask
        if shared & ~TraceMatches.bit(ofSlot: 63) != 0 { return true }
        return shared != 0 && slots.contains { !matches.hits[$0].isEmpty }
    }
}
