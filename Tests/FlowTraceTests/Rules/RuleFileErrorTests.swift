import Foundation
import Testing
@testable import FlowTrace

/// Broken rule files: each problem is reported with the file, line and column (and for a regex,
/// PCRE2's own message and offset); nothing is silently ignored.
@Suite struct RuleFileErrorTests {
    /// A valid rule, to break one piece at a time.
    static let valid = """
        id: sample-rule
        title: A sample
        severity: warning
        description: Flags a sample.
        remediation: Fix the sample.
        message: "user {user} saw {thing}"
        steps:
          seen:
            tag: GENERATION
            regex: 'saw (?<thing>\\w+)'
        when:
          exists: seen
        examples:
          trigger:
            - log: "🔍 [GENERATION] saw ghosts for user 22cb3917-57f6-49c6-ac96-ec266570081b"
          no_trigger:
            - log: "🔍 [GENERATION] nothing for user 22cb3917-57f6-49c6-ac96-ec266570081b"
        """

    private func error(_ yaml: String) -> FlowTraceError? { Rule.loadingError(yaml) }

    @Test func theValidRuleLoadsAndItsExamplesPass() throws {
        let rule = try Rule(yaml: Self.valid, file: "team/rule.yaml")
        let results = try RuleExampleRunner.run(rule, options: try ScanOptions.builtin())
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.passed })
        #expect(results[0].findings.first?.message == "user 22cb3917-57f6-49c6-ac96-ec266570081b saw ghosts")
    }

    @Test func badYAMLIsLocated() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "  seen:\n", with: "  seen: [\n")))
        #expect(failure.code == .invalidConfiguration)
        #expect(failure.location?.file == "team/rule.yaml")
        #expect(failure.location?.line != nil)
    }

    @Test func unknownFieldIsLocatedAtItsLine() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "    tag: GENERATION", with: "    tag: GENERATION\n    tagz: DATABASE")))
        #expect(failure.message.contains("unknown key 'tagz'"))
        #expect(failure.location?.line == 10)
        #expect(failure.location?.column == 5)
    }

    @Test func badRegexGivesPCRE2sMessageAndOffset() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "'saw (?<thing>\\w+)'", with: "'saw (?<thing>\\w+'")))
        #expect(failure.code == .invalidPattern)
        #expect(failure.message.contains("missing closing parenthesis"))
        #expect(failure.message.contains("offset 16"))
        #expect(failure.location?.line == 10)
    }

    @Test func placeholdersStepsAndExamplesAreCrossChecked() throws {
        let placeholder = try #require(error(Self.valid.replacingOccurrences(of: "{thing}", with: "{stuff}")))
        #expect(placeholder.message.contains("{stuff}"))
        let unknownStep = try #require(error(Self.valid.replacingOccurrences(of: "exists: seen", with: "exists: heard")))
        #expect(unknownStep.message.contains("'heard'"))
        let noCounterExample = try #require(error(String(Self.valid.prefix { $0 != "\u{0}" })
            .components(separatedBy: "  no_trigger:")[0]))
        #expect(noCounterExample.message.contains("examples"))
        let badSeverity = try #require(error(Self.valid.replacingOccurrences(of: "severity: warning", with: "severity: fatal")))
        #expect(badSeverity.location?.line == 3)
        let badId = try #require(error(Self.valid.replacingOccurrences(of: "id: sample-rule", with: "id: Sample_Rule")))
        #expect(badId.message.contains("kebab-case"))
    }

    /// A catastrophic pattern costs a bounded time on a hostile line and is reported, never hangs.
    @Test func catastrophicRegexIsBoundedAndReported() throws {
        let yaml = Self.valid.replacingOccurrences(of: "'saw (?<thing>\\w+)'", with: "'saw (?<thing>(\\w+\\s?)*)$'")
        let rule = try Rule(yaml: yaml, file: "team/rule.yaml")
        let hostile = "🔍 [GENERATION] saw " + String(repeating: "x", count: 5000) + "! for user 22cb3917-57f6-49c6-ac96-ec266570081b"
        let engine = RuleEngine(ruleSet: try RuleSet(rules: [rule]))
        let collector = FindingCollector()
        let scanner = Scanner(options: try ScanOptions.builtin(), reporter: collector, judge: engine.judge)
        let started = Date()
        _ = try scanner.scan(LineReader(bytes: Array(hostile.utf8), name: "hostile"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(engine.limits.count == 1)
        #expect(collector.findings.isEmpty)
    }

    @Test func duplicateIdsAndUnknownSelectionsAreErrors() throws {
        let rule = try Rule(yaml: Self.valid, file: "a.yaml")
        #expect(throws: FlowTraceError.self) { try RuleSet(rules: [rule, rule]) }
        let set = try RuleSet(rules: [rule])
        #expect(throws: FlowTraceError.self) { try set.selecting(only: ["nope"], disabled: []) }
    }
}
