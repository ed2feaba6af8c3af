import Foundation
import Testing

/// `flowtrace parse` redacts every field it prints, not only the message: a query string's token
/// in `path`, a JWT used as a user or request id. Ordinary ids are printed as they are.
@Suite struct EventRecordTests {
    private let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlc2lnbmF0dXJl"
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func parse(_ lines: [String]) throws -> [[String: Any]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString).log").path
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        let result = try BinaryRunner.run(["parse", path])
        #expect(!result.stdout.contains("SeCrEtTokenValue123") && !result.stdout.contains("c2lnbmF0dXJlc2lnbmF0dXJl"))
        return result.records
    }

    @Test func aTokenInTheQueryStringIsRedactedInThePath() throws {
        let records = try parse([
            "INFO:     10.0.0.7:1 - \"GET /api/v1/credits/balance?access_token=SeCrEtTokenValue123 HTTP/1.1\" 200 OK",
        ])
        #expect(records.first?["path"] as? String == "/api/v1/credits/balance?access_token=[REDACTED]")
    }

    @Test func jwtEntitiesAreRedactedAndUUIDsAreNot() throws {
        let records = try parse([
            "{\"timestamp\": \"2025-08-02T07:09:03.619Z\", \"level\": \"INFO\", \"logger\": \"database\", "
                + "\"message\": \"🔑 [DATABASE] Using SERVICE client for update on users\", "
                + "\"user_id\": \"\(jwt)\", \"request_id\": \"req-\(jwt)\"}",
            "{\"timestamp\": \"2025-08-02T07:09:03.640Z\", \"level\": \"INFO\", \"logger\": \"database\", "
                + "\"message\": \"✅ [DATABASE] UPDATE result for users: 1 rows\", \"user_id\": \"\(user)\"}",
        ])
        #expect(records.count == 2)
        #expect(records.first?["user"] as? String == "[REDACTED:jwt]")
        #expect(records.first?["request"] as? String == "req-[REDACTED:jwt]")
        #expect(records.last?["user"] as? String == user)
    }
}
