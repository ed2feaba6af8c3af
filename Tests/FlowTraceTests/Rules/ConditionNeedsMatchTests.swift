import Testing
@testable import FlowTrace

/// The engine skips a condition that needs a match on a trace where no step of its rule matched:
/// that must be exactly the conditions that do not hold over no matches. It also skips one where a
/// step it requires did not match: such a condition must never hold there.
@Suite struct ConditionNeedsMatchTests {
    private static let steps = ["a", "b", "c"]
    private static let slots = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1, $0) })
    private static let fields = RuleFields(Rule(id: "r", title: "", severity: .error, description: "", remediation: "",
                                                message: MessageTemplate(""), steps: steps.map { RuleStep(name: $0) },
                                                examples: [], file: ""))

    /// A random condition over ``steps``, compiled.
    private func randomCompiledCondition(using random: inout SeededGenerator) -> CompiledCondition {
        CompiledCondition(randomCondition(depth: 0, using: &random), slots: Self.slots, fields: Self.fields)
    }

    private func randomCondition(depth: Int, using random: inout SeededGenerator) -> RuleCondition {
        func step() -> String { Self.steps.randomElement(using: &random)! }
        switch Int.random(in: depth > 2 ? 0...4 : 0...7, using: &random) {
        case 0: return .exists(step())
        case 1: return .absent(step())
        case 2: return .followedBy(step(), step(), same: [])
        case 3: return .notFollowedBy(step(), step(), same: [])
        case 4: return .count(step(), atLeast: Int.random(in: 0...2, using: &random))
        case 5: return .all((0..<Int.random(in: 1...3, using: &random)).map { _ in randomCondition(depth: depth + 1, using: &random) })
        case 6: return .any((0..<Int.random(in: 1...3, using: &random)).map { _ in randomCondition(depth: depth + 1, using: &random) })
        default: return .not(randomCondition(depth: depth + 1, using: &random))
        }
    }

    @Test func needsMatchIsNotHoldingOverNoMatches() {
        var random = SeededGenerator(seed: 5)
        let fields = Self.fields
        let nothing = MatchedTrace(matches: TraceMatches(slots: Self.steps.count), events: [],
                                   text: UnsafeRawBufferPointer(start: nil, count: 0))
        for _ in 0..<500 {
            let condition = randomCompiledCondition(using: &random)
            #expect(condition.needsMatch == (condition.evaluate(nothing, fields: fields) == nil))
        }
    }

    @Test func conditionsDoNotHoldWhereARequiredStepDidNotMatch() {
        var random = SeededGenerator(seed: 11)
        let fields = Self.fields
        var skipped = 0
        var holding = 0
        for _ in 0..<2000 {
            let condition = randomCompiledCondition(using: &random)
            // Each step matches on none, one or two of four lines, in a random order.
            var matches = TraceMatches(slots: Self.steps.count)
            for line in (1...4).shuffled(using: &random) {
                let slot = Int.random(in: 0...Self.steps.count, using: &random)
                if slot < Self.steps.count {
                    matches.record(slot: slot, event: line - 1, lineNumber: line, capturesFrom: 0)
                }
            }
            let trace = MatchedTrace(matches: matches, events: [], text: UnsafeRawBufferPointer(start: nil, count: 0))
            let holds = condition.evaluate(trace, fields: fields) != nil
            if holds { holding += 1 }
            if condition.requiredSlots.contains(where: { matches.hits[$0].isEmpty }) {
                skipped += 1
                #expect(!holds)
            }
        }
        // The property was tried on both sides.
        #expect(skipped > 200 && holding > 200)
    }
}
