import Foundation
import Testing
@testable import FlowTrace

/// The engine remembers what a step's regex found in a message whose template names one text,
/// and must read again every message whose template masks UUIDs or numbers.
@Suite struct RegexOutcomeCacheTests {
    private static func capture(_ field: Int32, _ start: Int, _ count: Int) -> TraceMatches.Capture {
        TraceMatches.Capture(field: field, range: TextRange(start: start, count: count))
    }

    @Test func anOutcomeIsKeptByTemplateAndSlot() {
        let cache = RegexOutcomeCache()
        let captures = [Self.capture(0, 4, 6), Self.capture(2, 14, 5)]
        cache.keep(template: 7, slot: 3, matched: true, captures: captures[...])
        cache.keep(template: 8, slot: 3, matched: false, captures: [][...])
        #expect(cache.outcome(template: 7, slot: 4) == nil)
        #expect(cache.outcome(template: 9, slot: 3) == nil)
        #expect(cache.outcome(template: 8, slot: 3)?.matched == false)
        let kept = try? #require(cache.outcome(template: 7, slot: 3))
        #expect(kept?.matched == true)
        var matches = TraceMatches(slots: 4)
        kept?.replay(into: &matches)
        #expect(matches.captures.map(\.field) == [0, 2])
        #expect(matches.captures.map(\.range) == captures.map(\.range))
        #expect(cache.reusedCount == 2)
        // More groups than an entry holds: not kept.
        cache.keep(template: 10, slot: 1, matched: true,
                   captures: (0...RegexOutcomeCache.maxCaptures).map { Self.capture(Int32($0), $0, 1) }[...])
        #expect(cache.outcome(template: 10, slot: 1) == nil)
    }

    private static func rule(_ regex: String, message: String) -> String {
        """
        id: regex-cache
        title: A regex with a group
        severity: warning
        description: Flags lines its regex matches.
        remediation: None.
        message: "\(message)"
        steps:
          seen:
            tag: DATABASE
            regex: '\(regex)'
        when:
          exists: seen
        examples:
          trigger:
            - log: "🔑 [DATABASE] Using SERVICE client for select on users"
          no_trigger:
            - log: "🔑 [DATABASE] Using ANON client for select on users"
        """
    }

    /// Scans `lines` with `rule`, each in a request of its own (a credit check for another user,
    /// minutes apart); returns the findings' messages and how many regex outcomes were reused.
    private func scan(_ lines: [String], rule yaml: String) throws -> (messages: [String], reused: Int) {
        let log = lines.enumerated().map { index, line in
            let user = "22cb3917-57f6-49c6-ac96-" + String(format: "%012d", index)
            return "2025-08-02 07:\(10 + index):00,000 - services.generation_service - INFO - "
                + "🔍 [GENERATION] Starting credit check for user \(user), credits_required: 10\n"
                + "2025-08-02 07:\(10 + index):00,100 - repositories.user_repository - INFO - \(line)"
        }.joined(separator: "\n")
        let rule = try Rule(yaml: yaml, file: "team/rule.yaml")
        let options = try ScanOptions.builtin()
        let collector = FindingCollector()
        let engine = RuleEngine(ruleSet: try RuleSet(rules: [rule]), flowNames: options.correlation.flows.map(\.id))
        _ = try Scanner(options: options, reporter: collector, judge: engine.judge)
            .scan(LineReader(bytes: Array(log.utf8), name: "test"))
        let messages = collector.findings.sorted { $0.lines.first ?? 0 < $1.lines.first ?? 0 }.map(\.message)
        return (messages, engine.caches.regexOutcomes.reusedCount)
    }

    /// Repeats of one text take the first one's outcome, groups included. (The parser gives a
    /// message a template the second time it sees it: the third and later repeats reuse.)
    @Test func repeatedTextsReuseTheOutcomeAndItsGroups() throws {
        let lines = ["🔑 [DATABASE] Using SERVICE client for select on users",
                     "🔑 [DATABASE] Using SERVICE client for insert on credit_transactions",
                     "🔑 [DATABASE] Using ANON client for select on users"]
        let rule = Self.rule(#"Using SERVICE client for (?<operation>\w+) on (?<table>\w+)"#, message: "{operation} on {table}")
        let (messages, reused) = try scan(Array(Array(repeating: lines, count: 5).joined()), rule: rule)
        #expect(messages == Array(Array(repeating: ["select on users", "insert on credit_transactions"], count: 5).joined()))
        #expect(reused == 6)
    }

    /// Lines of one template whose UUIDs, or numbers, differ where the regex reads them (after a
    /// literal they all contain, so that each passes the step's screen): each is matched on its
    /// own bytes.
    @Test(arguments: [
        ([("22cb3917-57f6-49c6-ac96-ec266570081b", true), ("0b5f3d86-268e-4c45-9c6b-f1e1a399f82a", false),
          ("22cb0000-1111-4222-8333-444444444444", true), ("11111111-2222-4333-8444-555555555555", false)],
         #"profile for (?<user>[2-3][2-3]cb[-\w]+)"#),
        ([("1500", true), ("2500", false), ("1999", true), ("3000", false), ("1700", true)], #"balance (?<balance>[01]\d*)"#),
    ])
    func maskedDigitsAreReadInEveryMessage(_ values: [(String, Bool)], _ regex: String) throws {
        let lines = values.map { "🔑 [DATABASE] Loaded profile for \($0.0) with balance \($0.0)" }
        let (messages, reused) = try scan(lines, rule: Self.rule(regex, message: "found"))
        #expect(messages.count == values.filter(\.1).count)
        #expect(reused == 0)
    }
}
