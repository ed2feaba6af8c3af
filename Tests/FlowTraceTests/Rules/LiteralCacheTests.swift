import Testing
@testable import FlowTrace

/// The engine remembers which literals a message template contains, and must not when a literal
/// can run into a UUID, whose digits differ between messages of one template.
@Suite struct LiteralCacheTests {
    @Test(arguments: [
        ("for user 22cb", true), ("22cb3917", true), ("- 200 OK", true), ("deadbeef", true),
        ("id: 0b5f3d86-268e-4c45-9c6b-f1e1a399f82a!", true),
        (": 0 rows", false), ("Credits deducted", false), ("deduction complete", false),
        ("permission denied", false), ("Invalid API key", false), ("[GENERATION]", false),
    ])
    func literalsThatCanOverlapAUUID(_ literal: String, _ mayOverlap: Bool) {
        #expect(UUIDSpans.mayOverlap(Array(literal.utf8)) == mayOverlap)
    }

    @Test(arguments: [
        (": 0 rows", true), ("7 credits", true), ("HTTP/2 401", true), ("/rest/v1/users", false),
        ("user_2 x", false), ("v2.1 api", true), ("Credits deducted", false), ("abc123", false),
    ])
    func literalsThatCanOverlapANumber(_ literal: String, _ mayOverlap: Bool) {
        #expect(NumberSpans.mayOverlap(Array(literal.utf8)) == mayOverlap)
    }

    /// Exact templates are relied on unless a literal can overlap a UUID; templates with numbers
    /// masked, unless one can overlap a UUID or a number.
    @Test func whichTemplatesALiteralSetMayRelyOn() {
        let exact: UInt32 = 7
        let masked = TemplateIDSource.numbersMasked | 7
        for (literals, keys) in [([], [exact, masked]), (["Credits deducted"], [exact, masked]),
                                 ([": 0 rows"], [exact, 0]), (["user 22cb"], [0, 0]), ([": 0 rows", "x"], [exact, 0])] {
            var use = TemplateUse()
            for literal in literals { use.add(Array(literal.utf8)) }
            #expect([use.key(exact), use.key(masked), use.key(0)] == keys + [0], "\(literals)")
        }
    }

    /// What `cache` returns for `messages` in turn, all of template `template`.
    private func found(_ messages: [String], template: UInt32, literals: [String]) -> [UInt64] {
        var pool = StepLiterals()
        _ = pool.add(LiteralPrefilter(literals: literals))
        let cache = LiteralCache()
        return pool.withView { view in
            messages.map { message in
                Array(message.utf8).withUnsafeBytes { cache.found(in: $0, template: template, literals: view) }
            }
        }
    }

    @Test func aTemplatesLiteralsAreRememberedByItsID() {
        let messages = ["I saw ghosts", "I saw nothing"]
        // Of one template: the second message takes what the first contained.
        #expect(found(messages, template: 7, literals: ["saw ghosts"]) == [1, 1])
        // No template: each is scanned.
        #expect(found(messages, template: 0, literals: ["saw ghosts"]) == [1, 0])
        // A literal that can run into a UUID: each is scanned.
        #expect(found(["user 22cb3917", "user 0b5f3d86"], template: 7, literals: ["user 22cb"]) == [1, 0])
    }

    private static let rule = """
        id: literal-into-uuid
        title: A literal that runs into the user's id
        severity: warning
        description: Flags the users whose id starts with 22cb.
        remediation: None.
        message: "user {user} matched"
        steps:
          seen:
            tag: GENERATION
            contains: 'for user 22cb'
        when:
          exists: seen
        examples:
          trigger:
            - log: "🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b"
          no_trigger:
            - log: "🔍 [GENERATION] Starting credit check for user 0b5f3d86-268e-4c45-9c6b-f1e1a399f82a"
        """

    /// Lines of one template whose UUIDs differ where the literal reads them: each is judged by
    /// its own bytes, not by what an earlier line of its template contained.
    @Test func aLiteralRunningIntoAUUIDIsReadInEveryMessage() throws {
        let users = ["22cb3917-57f6-49c6-ac96-ec266570081b", "0b5f3d86-268e-4c45-9c6b-f1e1a399f82a",
                     "22cb0000-1111-4222-8333-444444444444", "11111111-2222-4333-8444-555555555555",
                     "22CB9999-8888-4777-8666-555555555555"]
        let log = users.enumerated().map { index, user in
            "2025-08-02 07:00:0\(index),000 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check "
                + "for user \(user), credits_required: 10"
        }.joined(separator: "\n")
        let rule = try Rule(yaml: Self.rule, file: "team/rule.yaml")
        let found = try RuleExampleRunner.findings(of: rule, on: Array(log.utf8), options: try ScanOptions.builtin())
        #expect(Set(found.compactMap(\.user)) == [users[0], users[2]])
    }
}
