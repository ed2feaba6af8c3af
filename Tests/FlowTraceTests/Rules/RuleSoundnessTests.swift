import Foundation
import Testing
@testable import FlowTrace

/// Rules that load but could never work are refused, located at the offending node: a `same:`
/// field neither step can have, a count of less than one, a list that tests nothing.
@Suite struct RuleSoundnessTests {
    /// ``RuleFileErrorTests/valid`` with a second step and a `followed_by` condition comparing `field`.
    private func followedBy(same field: String) -> String {
        RuleFileErrorTests.valid
            .replacingOccurrences(of: "    regex: 'saw (?<thing>\\w+)'\n", with: """
                    regex: 'saw (?<thing>\\w+)'
                  later:
                    regex: 'then (?<other>\\w+)'
                  third:
                    regex: 'third (?<elsewhere>\\w+)'

                """)
            .replacingOccurrences(of: "  exists: seen\n", with: """
                  all:
                    - followed_by: [seen, later]
                      same: [user, \(field)]
                    - exists: third

                """)
    }

    private func error(_ yaml: String) -> FlowTraceError? { Rule.loadingError(yaml) }

    @Test func sameMayNameEventFieldsAndTheStepsGroups() throws {
        for field in ["table", "http_status", "thing", "other"] {
            let rule = try Rule(yaml: followedBy(same: field), file: "team/rule.yaml")
            #expect(rule.sameFields == ["user", field])
        }
    }

    @Test func sameNamingAFieldNeitherStepHasIsLocated() throws {
        for field in ["nosuchfield", "elsewhere", "flow"] {
            let failure = try #require(error(followedBy(same: field)), "same: [\(field)] loaded")
            #expect(failure.message.contains("'same' names '\(field)'"))
            #expect(failure.location?.file == "team/rule.yaml")
            #expect(failure.location?.line == 18)
            #expect(failure.location?.column == 20)
        }
    }

    @Test func countsBelowOneAreRefused() throws {
        for atLeast in ["-3", "0"] {
            let yaml = RuleFileErrorTests.valid.replacingOccurrences(of: "  exists: seen\n", with: "  count: seen\n  at_least: \(atLeast)\n")
            let failure = try #require(error(yaml), "at_least: \(atLeast) loaded")
            #expect(failure.message.contains("at_least must be 1 or more"))
            #expect(failure.location?.line == 13)
            #expect(failure.location?.column == 13)
        }
        let two = RuleFileErrorTests.valid.replacingOccurrences(of: "  exists: seen\n", with: "  count: seen\n  at_least: 2\n")
        #expect(error(two) == nil)
    }

    @Test func emptyListsAndLiteralsAreRefused() throws {
        for (line, expected) in [("contains: []", "an empty list"), ("tag: []", "an empty list"), ("contains: ['']", "an empty literal")] {
            let yaml = RuleFileErrorTests.valid.replacingOccurrences(of: "    tag: GENERATION", with: "    \(line)")
            let failure = try #require(error(yaml), "\(line) loaded")
            #expect(failure.message.contains(expected))
            #expect(failure.location?.line == 9)
        }
    }
}
