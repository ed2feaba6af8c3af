import Testing
@testable import FlowTrace

/// Rule-engine behaviour found wanting by an audit: absence on cut-off traces in `across:` rules,
/// secrets carried by regex captures into messages, `(*NO_JIT)` regexes, `same:` with a missing
/// value, and one line matching a step twice.
@Suite struct RuleEngineAuditFixTests {
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func rule(_ body: String, id: String) throws -> Rule {
        let yaml = """
            id: \(id)
            title: t
            severity: warning
            description: d
            remediation: r

            """ + body + """

            examples:
              trigger:
                - log: |
                    x
              no_trigger:
                - log: |
                    y
            """
        return try Rule(yaml: yaml, file: "team/\(id).yaml")
    }

    private func findings(_ rule: Rule, _ log: String) throws -> [Finding] {
        try RuleExampleRunner.findings(of: rule, on: Array(log.utf8), options: try ScanOptions.builtin())
    }

    // MARK: 1. across: a cut-off trace proves no absence

    private var balanceThenGeneration: String {
        """
        2025-08-02 07:09:55,000 - middleware.request_logging - INFO - [db5b5fab-8f4d-4e27-9da1-494c73cf256d] GET /api/v1/credits/balance - Started
        2025-08-02 07:09:55,010 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user \(user)
        2025-08-02 07:09:55,121 - services.user_service - INFO - ✅ [USER_SERVICE] Successfully retrieved 1200 credits for user \(user)
        2025-08-02 07:09:55,122 - middleware.request_logging - INFO - [db5b5fab-8f4d-4e27-9da1-494c73cf256d] GET /api/v1/credits/balance - 200 - 87ms
        2025-08-02 07:09:57,000 - middleware.request_logging - INFO - [3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - Started
        2025-08-02 07:09:57,050 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user \(user), credits_required: 10
        2025-08-02 07:09:57,100 - repositories.user_repository - INFO - 👤 [USER_REPO] Getting user by ID: \(user)
        2025-08-02 07:09:57,101 - database - INFO - 🔑 [DATABASE] Using SERVICE client for select on users
        """
    }

    /// After a balance on an earlier trace, a later trace that starts a credit check and never
    /// finds the user: an absence, which a trace cut off while it awaited a call cannot prove.
    private func acrossRule() throws -> Rule {
        try rule("""
            message: "found {user}"
            steps:
              bal:
                regex: 'Successfully retrieved'
              start:
                regex: 'Starting credit check'
              found:
                regex: 'User found in database'
            across:
              entity: user
              window: 10m
              earlier: {exists: bal}
              later:
                all:
                  - exists: start
                  - absent: found
            """, id: "across-abs")
    }

    @Test func acrossLaterAbsenceNeedsACompleteTrace() throws {
        let rule = try acrossRule()
        #expect(try findings(rule, balanceThenGeneration).isEmpty)
        let completed = balanceThenGeneration + """

            2025-08-02 07:09:57,110 - database - INFO - ✅ [DATABASE] SELECT result for users: 0 rows
            2025-08-02 07:09:57,131 - middleware.request_logging - WARNING - [3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - 400 - 131ms
            """
        #expect(try findings(rule, completed).count == 1)
    }

    // MARK: 2. secrets in captures

    private var secretLog: String {
        """
        2025-08-02 07:09:57,000 - middleware.request_logging - INFO - [3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - Started
        2025-08-02 07:09:57,050 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user \(user), credits_required: 10
        2025-08-02 07:09:57,060 - middleware.auth - ERROR - ❌ [AUTH] auth eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyMmNiMzkxNyIsInJvbGUiOiJhdXRoZW50aWNhdGVkIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk4 password=hunter2secret user=alice
        2025-08-02 07:09:57,131 - middleware.request_logging - WARNING - [3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - 400 - 131ms
        """
    }

    @Test func capturedSecretsAreRedactedInMessages() throws {
        let rule = try rule(#"""
            message: "token {tok} pw {pw} who {who}"
            steps:
              s:
                regex: 'auth (?<tok>\S+) password=(?<pw>\S+) user=(?<who>\S+)'
            when:
              exists: s
            """#, id: "secret-cap")
        let found = try findings(rule, secretLog)
        #expect(found.count == 1)
        let message = try #require(found.first?.message)
        #expect(!message.contains("hunter2secret"))
        #expect(!message.contains("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"))
        #expect(message == "token [REDACTED:jwt] pw [REDACTED] who alice")
    }

    @Test func capturedSecretsAreRedactedInRememberedEvidence() throws {
        let rule = try rule(#"""
            message: "pw {pw} then {later}"
            steps:
              s:
                regex: 'password=(?<pw>\S+)'
              b:
                regex: '(?<later>Successfully) retrieved'
            across:
              entity: user
              window: 10m
              earlier: {exists: s}
              later: {exists: b}
            """#, id: "secret-across")
        let log = secretLog + """

            2025-08-02 07:09:59,000 - middleware.request_logging - INFO - [db5b5fab-8f4d-4e27-9da1-494c73cf256d] GET /api/v1/credits/balance - Started
            2025-08-02 07:09:59,010 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user \(user)
            2025-08-02 07:09:59,121 - services.user_service - INFO - ✅ [USER_SERVICE] Successfully retrieved 1200 credits for user \(user)
            2025-08-02 07:09:59,122 - middleware.request_logging - INFO - [db5b5fab-8f4d-4e27-9da1-494c73cf256d] GET /api/v1/credits/balance - 200 - 87ms
            """
        let found = try findings(rule, log)
        #expect(found.map(\.message) == ["pw [REDACTED] then Successfully"])
    }

    // MARK: 3. (*NO_JIT)

    @Test func noJITRegexStillMatches() throws {
        var scratch = MatchScratch()
        let pattern = try Pattern("(*NO_JIT)(a+)+$")
        #expect(!pattern.isJIT)
        #expect(try Pattern("(a+)+$").isJIT)
        #expect(pattern.find(in: Array("xxaaa".utf8), scratch: &scratch).text == "aaa")
        let rule = try rule("""
            message: "m"
            steps:
              s:
                regex: '(*NO_JIT)Starting (credit) check'
            when:
              exists: s
            """, id: "rx-nojit")
        #expect(try findings(rule, secretLog).count == 1)
    }

    // MARK: 4. same: a missing value disagrees

    @Test func sameWithAValueMissingOnOneSideDisagrees() throws {
        let rule = try rule(#"""
            message: "m"
            steps:
              a:
                regex: 'Starting credit check for user (?<who>\S+),'
              b:
                regex: 'password='
            when:
              followed_by: [a, b]
              same: [who]
            """#, id: "same-missing")
        #expect(try findings(rule, secretLog).isEmpty)
        let both = try self.rule(#"""
            message: "m"
            steps:
              a:
                regex: 'Starting credit check for user (?<who>\S+),'
              b:
                regex: 'password=\S+ user=(?<who>\S+)'
            when:
              followed_by: [a, b]
              same: [who]
            """#, id: "same-both")
        // Both sides have a value, and they differ: no finding either.
        #expect(try findings(both, secretLog).isEmpty)
    }

    // MARK: 5. one line, one match per step

    @Test func aLineWithTwoOfAStepsTagsMatchesItOnce() throws {
        let line = """
            2025-08-02 07:09:57,000 - middleware.request_logging - INFO - [3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - Started
            2025-08-02 07:09:57,101 - database - INFO - 🔓 [DATABASE] Using ANON client for select on users [DATABASE]
            2025-08-02 07:09:57,102 - repositories.user_repository - INFO - 👤 [USER_REPO] Getting user [DATABASE]
            2025-08-02 07:09:57,131 - middleware.request_logging - WARNING - [3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - 400 - 131ms
            """
        let twice = try rule("""
            message: "m {lines}"
            steps:
              s:
                tag: DATABASE
            when:
              count: s
              at_least: 3
            """, id: "tagtwice")
        #expect(try findings(twice, line).isEmpty)
        let both = try rule("""
            message: "m {lines}"
            steps:
              s:
                tag: [DATABASE, USER_REPO]
            when:
              count: s
              at_least: 3
            """, id: "multitag")
        #expect(try findings(both, line).isEmpty)
        let atLeastTwo = try rule("""
            message: "m {lines}"
            steps:
              s:
                tag: [DATABASE, USER_REPO]
            when:
              count: s
              at_least: 2
            """, id: "multitag2")
        #expect(try findings(atLeastTwo, line).map(\.lines) == [[2, 3]])
    }
}
