import Foundation
import Testing

/// The rule pack on the samples, through the built binary: the exact findings of each failure, and
/// none on healthy flows that only look alarming.
@Suite struct FindingsEndToEndTests {
    private let userA = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func findings(_ sample: String, _ extra: [String] = []) throws -> (Int32, [[String: Any]]) {
        let result = try BinaryRunner.run(["scan", "--format", "jsonl"] + extra + [BinaryRunner.sample(sample)])
        return (result.status, result.records(ofType: "finding"))
    }

    private func summary(_ records: [[String: Any]]) -> [String] {
        records.map { record in
            let user = ((record["entities"] as? [String: Any])?["user"] as? String ?? "-").prefix(8)
            return "\(record["rule"] as? String ?? "?") \(user) \(record["lines"] as? [Int] ?? [])"
        }.sorted()
    }

    /// Seed 000: the balance works, the generation fails on the anon client. Only the failing
    /// generation is reported, with the lines that show why.
    @Test func seed000Incident() throws {
        let (status, records) = try findings("incident-000/balance-works-generation-fails.log")
        #expect(status == 1)
        #expect(summary(records) == [
            "anon-client-fallback 22cb3917 [111, 115, 119]",
            "rls-denial 22cb3917 [130, 131]",
            "user-not-found-despite-balance 22cb3917 [35, 132, 133, 134, 135]",
        ])
        #expect(Set(records.compactMap { $0["trace"] as? String }).count == 1)
        let message = try #require(records.first { $0["rule"] as? String == "anon-client-fallback" }?["message"] as? String)
        #expect(message == "generation of user \(userA): select on users used the anon client and got nothing back, and no service-client read followed")
    }

    @Test(arguments: [
        ("failures/service-key-rejected.log", ["service-key-rejected 22cb3917 [33, 37]", "service-key-rejected c41a9e07 [10, 14]"]),
        ("failures/rls-insert-denied.log", ["anon-client-fallback e8b2c6d4 [18, 22]", "rls-denial e8b2c6d4 [22, 23]"]),
        ("failures/permission-denied-credit-transactions.log",
         ["deduction-without-transaction c41a9e07 [51, 66]", "rls-denial c41a9e07 [62, 63]"]),
        ("failures/deduction-without-transaction.log", ["deduction-without-transaction 7f3e2a91 [63, 65]"]),
        ("failures/generation-without-deduction.log", ["generation-without-deduction c41a9e07 [45]"]),
        ("failures/profile-lookup-error.log", ["anon-client-fallback 22cb3917 [38, 42]"]),
    ])
    func failureSamples(_ sample: String, _ expected: [String]) throws {
        let (status, records) = try findings(sample)
        #expect(status == 1)
        #expect(summary(records) == expected)
    }

    @Test(arguments: ["healthy/anon-first-then-service.log", "healthy/auto-recovery-profile-created.log",
                      "healthy/retry-after-503.log", "incident-000/working-flow.log", "incident-000/working-flow.jsonl"])
    func healthySamplesHaveNoFinding(_ sample: String) throws {
        let (status, records) = try findings(sample)
        #expect(records.isEmpty)
        #expect(status == 0)
    }

    /// Each file is its own stream: a balance read in one file does not pair with a failure of the
    /// same user in the next one, although the times and line numbers would allow it.
    @Test func crossTraceRulesStayWithinOneFile() throws {
        let user = "22cb3917-57f6-49c6-ac96-ec266570081b"
        let balance = """
            2025-08-02 07:00:00,000 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user \(user)
            2025-08-02 07:00:00,020 - services.user_service - INFO - ✅ [USER_SERVICE] Successfully retrieved 1200 credits for user \(user)
            """
        // Another user's request first, so that the failing trace is not numbered like the balance one.
        let other = "2025-08-02 07:04:00,000 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user "
            + "7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37\n"
        let failure = other + String(repeating: "2025-08-02 07:04:00,000 - main - INFO - heartbeat\n", count: 10) + """
            2025-08-02 07:05:00,010 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user \(user), credits_required: 10
            2025-08-02 07:05:00,020 - repositories.user_repository - ERROR - ❌ [USER_REPO] User \(user) not found and profile creation failed
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let first = directory.appendingPathComponent("a.log")
        let second = directory.appendingPathComponent("b.log")
        try Data(balance.utf8).write(to: first)
        try Data(failure.utf8).write(to: second)
        let apart = try BinaryRunner.run(["scan", "--format", "jsonl", "--only", "user-not-found-despite-balance",
                                          first.path, second.path])
        #expect(apart.records(ofType: "finding").isEmpty)
        let together = directory.appendingPathComponent("both.log")
        try Data((balance + "\n" + failure).utf8).write(to: together)
        let joined = try BinaryRunner.run(["scan", "--format", "jsonl", "--only", "user-not-found-despite-balance", together.path])
        #expect(joined.records(ofType: "finding").count == 1)
    }

    @Test func ruleSelectionAndThreshold() throws {
        let sample = "incident-000/balance-works-generation-fails.log"
        let (_, only) = try findings(sample, ["--only", "rls-denial"])
        #expect(only.compactMap { $0["rule"] as? String } == ["rls-denial"])
        let (_, disabled) = try findings(sample, ["--disable", "rls-denial,anon-client-fallback"])
        #expect(disabled.compactMap { $0["rule"] as? String } == ["user-not-found-despite-balance"])
        let (unknownStatus, _) = try findings(sample, ["--only", "no-such-rule"])
        #expect(unknownStatus == 2)
        // The built-in rules are errors: a threshold above them cannot be set, but `error` still fails.
        let (status, _) = try findings(sample, ["--min-severity", "error"])
        #expect(status == 1)
    }
}
