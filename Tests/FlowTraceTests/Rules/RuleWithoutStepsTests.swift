import Testing
@testable import FlowTrace

/// A rule needs a step: every condition tests one, so a rule without steps could only be built of
/// empty `all:` (true of every trace) and `any:` (true of none) lists, and both are refused.
@Suite struct RuleWithoutStepsTests {
    /// ``RuleFileErrorTests/valid`` with its `steps:` and `when:` (lines 7–12) replaced by
    /// `replacement`, and a message that needs no capture (else that would be the error).
    private func rule(_ replacement: String) -> String {
        let valid = RuleFileErrorTests.valid.replacingOccurrences(of: " saw {thing}", with: "")
        let steps = try! #require(valid.range(of: "steps:\n"))
        let examples = try! #require(valid.range(of: "examples:\n"))
        return valid.replacingCharacters(in: steps.lowerBound..<examples.lowerBound, with: replacement)
    }

    @Test(arguments: [("steps: {}\nwhen:\n  all: []\n", 8), ("steps:\nwhen:\n  any: []\n", 7), ("steps: ~\nwhen:\n  not: { any: [] }\n", 8)])
    func aRuleWithNoStepsIsRefusedAtSteps(_ replacement: String, _ column: Int) throws {
        let failure = try #require(Rule.loadingError(rule(replacement)), "\(replacement) loaded")
        #expect(failure.message == "steps: a rule needs at least one step")
        #expect(failure.hint?.contains("steps: {") == true)
        #expect(failure.location == .init(file: "team/rule.yaml", line: 7, column: column))
    }

    @Test(arguments: ["all", "any"])
    func anEmptyListOfConditionsIsRefused(_ form: String) throws {
        let yaml = rule("""
            steps:
              seen:
                regex: 'saw (?<thing>\\w+)'
            when:
              all:
                - exists: seen
                - \(form): []

            """)
        let failure = try #require(Rule.loadingError(yaml), "\(form): [] loaded")
        #expect(failure.message.contains("an empty '\(form)' tests nothing"))
        #expect(failure.location == .init(file: "team/rule.yaml", line: 13, column: 12))
    }

    /// A rule of one absence has a step, and stays legitimate: it fires on a trace without the step.
    @Test func aRuleOfOneAbsenceLoads() throws {
        let yaml = RuleFileErrorTests.valid
            .replacingOccurrences(of: "  exists: seen\n", with: "  absent: seen\n")
            .replacingOccurrences(of: "{thing}", with: "nothing")
            .replacingOccurrences(of: "saw ghosts", with: "noticed ghosts")
            .replacingOccurrences(of: "nothing for user", with: "saw ghosts for user")
        let loaded = try Rule(yaml: yaml, file: "team/rule.yaml")
        let results = try RuleExampleRunner.run(loaded, options: try ScanOptions.builtin())
        #expect(results.map(\.passed) == [true, true])
    }
}
