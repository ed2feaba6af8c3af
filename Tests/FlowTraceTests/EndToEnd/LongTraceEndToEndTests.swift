import Foundation
import Testing

/// A request whose lines are long enough to pass a trace's text bound (``Trace/maxTextBytes``,
/// 4 MiB) is still judged on every line's text: it is reported in parts, and the summary says so.
@Suite struct LongTraceEndToEndTests {
    static let user = "22cb3917-57f6-49c6-ac96-ec266570081b"
    static let request = "3e1c26d3-23ef-423e-a848-f808f54d35bf"

    /// The anon-client fallback of `anon-client-fallback`'s first example, after four 900 KB
    /// payload lines of the same user, its anon line 700 KB long: 4.3 MB of text in all, so the
    /// anon line's text would not fit in one trace.
    static var log: String {
        let payload = String(repeating: "x", count: 900_000)
        let prefix = "2025-08-02 07:09:57"
        var lines = [
            "\(prefix),000 - middleware.request_logging - INFO - [\(request)] POST /api/v1/generations - Started",
            "\(prefix),050 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user \(user), credits_required: 10",
            "\(prefix),051 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user \(user)",
        ]
        for index in 0..<4 {
            lines.append("\(prefix),06\(index) - services.user_service - DEBUG - 🔍 [USER_SERVICE] Auth payload for user \(user): \(payload)")
        }
        lines += [
            "\(prefix),100 - repositories.user_repository - INFO - 👤 [USER_REPO] Getting user by ID: \(user)",
            "\(prefix),101 - database - INFO - 🔓 [DATABASE] Using ANON client for select on users (context: \(payload.prefix(700_000)))",
            "\(prefix),101 - database - INFO - 🔍 [DATABASE] Executing SELECT query on users",
            "\(prefix),120 - database - INFO - ✅ [DATABASE] SELECT result for users: 0 rows",
            "\(prefix),121 - repositories.user_repository - ERROR - ❌ [USER_REPO] Query result for user \(user): False",
            "\(prefix),130 - services.generation_service - ERROR - ❌ [GENERATION] Credit check failed for user \(user): User not found",
            "\(prefix),131 - middleware.request_logging - WARNING - [\(request)] POST /api/v1/generations - 400 - 131ms",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theLinesAfterTheTextBoundAreStillJudged() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("flowtrace-long-trace-\(UUID().uuidString).log").path
        try Data(Self.log.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", path])
        #expect(result.status == 1)
        let findings = result.records(ofType: "finding").compactMap { $0["rule"] as? String }
        #expect(findings.contains("anon-client-fallback"))
        let traces = result.records(ofType: "trace")
        let parts = traces.filter { $0["closed_by"] as? String == "split" }
        #expect(parts.count == 1)
        // Every line is in one trace or part, once.
        let lines = traces.flatMap { $0["lines"] as? [Int] ?? [] }.sorted()
        #expect(lines == Array(1...14))
        let summary = try #require(result.records(ofType: "summary").first)
        #expect(summary["traces_split"] as? Int == 1)
        #expect(summary["lines_without_text"] as? Int == 0)

        let text = try BinaryRunner.run(["scan", "--color", "never", path])
        #expect(text.stdout.contains("1 trace part:"))
        #expect(!text.stdout.contains("without their text"))
    }
}
