import Foundation
import Testing
@testable import FlowTrace

/// Template masking: variable parts become placeholders, words stay words.
@Suite struct StepMaskerTests {
    private func template(_ message: String) -> String { DiffFlowBuilder.step(message).template }

    @Test(arguments: [
        ("👤 [USER_REPO] Getting user by ID: 22cb3917-57f6-49c6-ac96-ec266570081b", "[USER_REPO] Getting user by ID: <id>"),
        ("✅ [DATABASE] SELECT result for users: 0 rows", "[DATABASE] SELECT result for users: <num> rows"),
        ("[3e1c26d3-23ef-423e-a848-f808f54d35bf] POST /api/v1/generations - 400 - 122ms",
         "[<id>] POST /api/v1/generations - <num> - <duration>"),
        ("10.0.2.65:30773 - \"POST /api/v1/generations HTTP/1.1\" 400", "<id> - <str> <num>"),
        ("Invite sent to ana.smith+ops@example.co.uk at 07:07:57,123", "Invite sent to <id> at <time>"),
        ("Cache key 9f86d081884c7d65 expired at 2025-08-02T07:07:57.123Z", "Cache key <id> expired at <time>"),
        ("Retrying in 1.5s (attempt 2/3), offset 0x1f3a", "Retrying in <duration> (attempt <num>/<num>), offset <id>"),
        ("❌ [DATABASE] INSERT failed on users: {'code': '42501', 'hint': None}",
         "[DATABASE] INSERT failed on users: {<str>: <str>, <str>: None}"),
        ("GET /api/v1/users/12345?page=2 HTTP/1.1 from https://x.co/items/7 in 1/3", "GET /api/v1/users/<id>?page=<id> HTTP/<num> from https://x.co/items/<id> in <num>/<num>"),
        ("Using utf8 codec v2 for 2fa, it's user_42 on host abc123", "Using utf8 codec v2 for 2fa, it's user_42 on host abc123"),
    ])
    func masksVariableParts(_ message: String, _ expected: String) {
        #expect(template(message) == expected)
    }

    @Test func noiseAndValuesAreToldApart() {
        let step = DiffFlowBuilder.step("HTTP Request: GET https://x.co/rest/v1/users?id=eq.22cb3917-57f6-49c6-ac96-ec266570081b \"HTTP/2 403 Forbidden\" in 12ms")
        #expect(step.values == ["\"HTTP/2 403 Forbidden\""])
        #expect(step.template == "HTTP Request: GET https://x.co/rest/v1/users?id=eq.<id> <str> in <duration>")
    }

    @Test func twoRequestsOfTheSameStepShareTheKey() {
        let a = DiffFlowBuilder.step("✅ [AUTH] Authenticated user 22cb3917-57f6-49c6-ac96-ec266570081b")
        let b = DiffFlowBuilder.step("✅ [AUTH] Authenticated user 7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37")
        let c = DiffFlowBuilder.step("❌ [AUTH] Token validation failed")
        #expect(a.key == b.key)
        #expect(a.key != c.key)
    }

    /// The key computed on the bytes (for `--failing` signatures) equals the key of the template.
    @Test func keysOnBytesEqualTemplateKeys() throws {
        let lines = try String(contentsOfFile: BinaryRunner.sample("incident-000/failing-flow.log"), encoding: .utf8)
            .split(separator: "\n").map(String.init) + ["", "✅", "🔍 'unclosed 10.0.0.1:80 0x1F"]
        var spans: [MaskedSpan] = []
        for line in lines {
            var copy = line
            let key = copy.withUTF8 { FlowStep.key(of: UnsafeRawBufferPointer($0), spans: &spans) }
            #expect(key == DiffFlowBuilder.step(line).key, "\(line)")
        }
    }

    @Test func theSymbolIsNotPartOfTheStep() {
        #expect(DiffFlowBuilder.step("✅ [DATABASE] Done").key == DiffFlowBuilder.step("⚠️ [DATABASE] Done").key)
        #expect(StepMasker.symbolLength(UnsafeRawBufferPointer(start: nil, count: 0)) == 0)
    }

    @Test func unclosedQuotesAndTruncatedIdsAreLeftAlone() {
        #expect(template("It's 'open and 22cb3917-57f6") == "It's 'open and <id>-57f6")
        #expect(StepMasker.spans(in: "").isEmpty)
    }
}
