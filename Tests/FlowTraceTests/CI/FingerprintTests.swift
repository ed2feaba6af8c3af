@testable import FlowTrace
import Testing

/// Masking of evidence messages and the fingerprints made of them.
@Suite struct FingerprintTests {
    @Test(arguments: [
        ("User 22cb3917-57f6-49c6-ac96-ec266570081b has 1200 credits", "User <id> has <num> credits"),
        ("retrying in 250ms (attempt 1/3)", "retrying in <duration> (attempt <num>/<num>)"),
        ("at 2025-08-02T07:07:57.123Z took 0.5s", "at <time> took <duration>"),
        ("started 07:07:57,123 on users", "started <time> on users"),
        ("hash 0x1f2e deadbeef01 and 9af4974096f5", "hash <id> <id> and <id>"),
        ("failed: {'code': '42501', 'message': \"no \\\"row\\\"\"}", "failed: {<str>: <str>, <str>: <str>}"),
        ("the user's row in v1 API", "the user's row in v1 API"),
    ])
    func masksVariableParts(_ message: String, _ masked: String) {
        #expect(EvidenceMask.mask(message) == masked)
    }

    private func fingerprint(_ rule: String = "rls-denial", user: String? = "u1", lines: [Int] = [3],
                             messages: [String] = ["INSERT failed for 22cb3917-57f6-49c6-ac96-ec266570081b: 42501"]) -> String {
        let finding = Finding(rule: rule, severity: .error, message: "m", trace: "t\(lines[0])", user: user, lines: lines)
        return FindingFingerprint.compute(finding, evidence: zip(lines, messages).map { Trace.EvidenceLine(line: $0, message: $1) })
    }

    @Test func ignoresLineNumbersTracesAndMaskedValues() {
        let base = fingerprint()
        #expect(base.hasPrefix("v1:") && base.count == 35)
        #expect(fingerprint(lines: [300]) == base)
        #expect(fingerprint(messages: ["INSERT failed for 7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37: 42502"]) == base)
    }

    /// Baselines keep fingerprints across versions: the recipe's output must not drift.
    @Test func isStableAcrossVersions() {
        #expect(fingerprint() == "v1:76f77bdd102a86c34c21ada18f43f702")
        #expect(fingerprint("anon-client-fallback", user: nil, lines: [4, 9],
                            messages: ["🔓 [DATABASE] Using ANON client for select on users",
                                       "✅ [DATABASE] SELECT result for users: 0 rows"]) == "v1:ac1c579ef1d91bdd04c62978ec5cfefa")
    }

    @Test func changesWithRuleEntitiesAndSteps() {
        let base = fingerprint()
        #expect(fingerprint("anon-client-fallback") != base)
        #expect(fingerprint(user: "u2") != base)
        #expect(fingerprint(user: nil) != base)
        #expect(fingerprint(messages: ["SELECT failed for x"]) != base)
    }
}
