import Testing
@testable import FlowTrace

/// `user-not-found-despite-balance` compares two traces of one user within a window of log time.
@Suite struct CrossTraceRuleTests {
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func balance(at time: String, request: String) -> String {
        """
        2025-08-02 \(time),000 - middleware.request_logging - INFO - [\(request)] GET /api/v1/credits/balance - Started
        2025-08-02 \(time),010 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user \(user)
        2025-08-02 \(time),020 - services.user_service - INFO - ✅ [USER_SERVICE] Successfully retrieved 1200 credits for user \(user)
        2025-08-02 \(time),030 - middleware.request_logging - INFO - [\(request)] GET /api/v1/credits/balance - 200 - 30ms
        """
    }

    private func failingGeneration(at time: String, request: String) -> String {
        """
        2025-08-02 \(time),000 - middleware.request_logging - INFO - [\(request)] POST /api/v1/generations - Started
        2025-08-02 \(time),010 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user \(user), credits_required: 10
        2025-08-02 \(time),020 - repositories.user_repository - ERROR - ❌ [USER_REPO] User \(user) not found and profile creation failed
        2025-08-02 \(time),030 - middleware.request_logging - WARNING - [\(request)] POST /api/v1/generations - 400 - 30ms
        """
    }

    /// The rule's findings on `log`, with their fingerprints, as `flowtrace scan` judges.
    private func findings(_ log: String) throws -> [Finding] {
        let rule = try #require(try RuleSet.builtin().rule("user-not-found-despite-balance"))
        let options = try ScanOptions.builtin()
        let engine = RuleEngine(ruleSet: try RuleSet(rules: [rule]), flowNames: options.correlation.flows.map(\.id))
        let collector = FindingCollector()
        _ = try Scanner(options: options, reporter: collector, judge: engine.judgeWithFingerprints)
            .scan(LineReader(bytes: Array(log.utf8), name: "log"))
        return collector.findings
    }

    @Test func firesWithinTheWindowWithEvidenceFromBothTraces() throws {
        let log = balance(at: "07:00:00", request: "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c") + "\n"
            + failingGeneration(at: "07:05:00", request: "3e1c26d3-23ef-423e-a848-f808f54d35bf")
        let found = try findings(log)
        #expect(found.count == 1)
        #expect(found.first?.lines == [3, 7])
        #expect(found.first?.user == user)
    }

    @Test func staysQuietOutsideTheWindowOrInTheWrongOrder() throws {
        let late = balance(at: "07:00:00", request: "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c") + "\n"
            + failingGeneration(at: "07:20:00", request: "3e1c26d3-23ef-423e-a848-f808f54d35bf")
        #expect(try findings(late).isEmpty)
        let reversed = failingGeneration(at: "07:00:00", request: "3e1c26d3-23ef-423e-a848-f808f54d35bf") + "\n"
            + balance(at: "07:01:00", request: "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c")
        #expect(try findings(reversed).isEmpty)
    }

    /// The balance request is still open (its end line comes much later) when the failing
    /// generation closes: the finding comes when the balance trace closes, about the generation's
    /// trace, with the fingerprint it has when the balance request ends first.
    @Test func firesWhenTheBalanceTraceClosesAfterTheFailingOne() throws {
        let balanceRequest = "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c"
        let balanceLines = balance(at: "07:00:00", request: balanceRequest).split(separator: "\n")
        let generation = failingGeneration(at: "07:00:01", request: "3e1c26d3-23ef-423e-a848-f808f54d35bf")
        // Enough other lines for the ended generation trace to close before the balance request's end.
        let filler = (0..<(Correlator.sweepInterval * 2)).map { "2025-08-02 07:00:02,000 - app - INFO - heartbeat \($0)" }
        let log = (balanceLines.prefix(3).map(String.init) + [generation] + filler + [String(balanceLines[3])])
            .joined(separator: "\n")
        let found = try findings(log)
        #expect(found.count == 1)
        #expect(found.first?.lines == [3, 6])
        #expect(found.first?.trace == "t2")

        let sequential = balance(at: "07:00:00", request: balanceRequest) + "\n" + generation
        let expected = try #require(try findings(sequential).first)
        #expect(found.first?.fingerprint == expected.fingerprint)
        #expect(found.first?.message == expected.message)
    }
}
