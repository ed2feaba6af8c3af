import Foundation
import Testing
@testable import FlowTrace

/// What differs word by word is shown redacted in its line's context: `hunter2secret` alone looks
/// harmless, after `password:` it is a secret (text and JSON, unit and through the binary).
@Suite struct DiffRedactionTests {
    private let secrets = ["hunter2secret", "swordfish99", "qqqqqqqqqqqqqqqqqqqq1", "zzzzzzzzzzzzzzzzzzzz2",
                           "letmein", "opensesame", "Sup3rS3cretPw", "0therPw"]
    private let working = [
        "🔐 [AUTH] Validating JWT for POST /api/v1/generations",
        "❌ [AUTH] Login failed password: hunter2secret Authorization: Bearer qqqqqqqqqqqqqqqqqqqq1",
        "✅ [AUTH] Login ok password: letmein",
        "✅ [DATABASE] Connected to postgresql://postgres:Sup3rS3cretPw@db.example.com:5432/postgres",
    ]
    private let failing = [
        "🔐 [AUTH] Validating JWT for POST /api/v1/generations",
        "❌ [AUTH] Login failed password: swordfish99 Authorization: Bearer zzzzzzzzzzzzzzzzzzzz2",
        "✅ [AUTH] Login ok password: opensesame",
        "✅ [DATABASE] Connected to postgresql://postgres:0therPw@db.example.com:5432/postgres",
    ]

    private func diff() -> FlowDiff {
        FlowDiff(left: DiffFlowBuilder.flow(working), right: DiffFlowBuilder.flow(failing))
    }

    private func leaked(_ text: String) -> [String] { secrets.filter { text.contains($0) } }

    @Test func wordChangesAreRedactedInTheirMessages() throws {
        let diff = diff()
        let pair = try #require(diff.pairs.first { $0.kind == .changed })
        #expect(pair.words.count == 2)  // the secrets still differ: the step is changed
        let left = try #require(diff.leftStep(pair)), right = try #require(diff.rightStep(pair))
        let shown = pair.words.map { $0.redacted(leftMessage: left.message, rightMessage: right.message) }
        #expect(shown.map(\.description) == ["[REDACTED] → [REDACTED]", "[REDACTED] → [REDACTED]"])
    }

    @Test func textReportShowsNoSecret() {
        let text = DiffTextRenderer(width: 200).render(diff())
        #expect(text.contains("differs: [REDACTED] → [REDACTED] · [REDACTED] → [REDACTED]\n"))
        #expect(leaked(text) == [])
    }

    /// Both the changed step's `words` and a same step's `minor` changes (`password: …` is a parameter).
    @Test func jsonReportShowsNoSecret() throws {
        let records = DiffJSONRenderer.records(diff())
        #expect(leaked(records.joined(separator: "\n")) == [])
        let objects = try records.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let pairs = objects.filter { $0["type"] as? String == "pair" }
        #expect(pairs.compactMap { $0["minor"] }.count == 1)
        let words = pairs.flatMap { ($0["words"] as? [[String: String]] ?? []) + ($0["minor"] as? [[String: String]] ?? []) }
        #expect(words.count == 3)
        #expect(words.allSatisfy { $0["left"] == "[REDACTED]" && $0["right"] == "[REDACTED]" })
    }

    /// Words without a secret are shown as they are, and a change without its place is redacted alone.
    @Test func ordinaryWordsAreUnchanged() {
        let change = WordDiff.changes("🔑 [DATABASE] Using SERVICE client", "🔓 [DATABASE] Using ANON client")
        let shown = change.map { $0.redacted(leftMessage: "🔑 [DATABASE] Using SERVICE client", rightMessage: "🔓 [DATABASE] Using ANON client") }
        #expect(shown.map(\.description) == ["🔑 → 🔓", "SERVICE → ANON"])
        #expect(WordChange(left: "sk_live_abcdefghijkl", right: "x").redacted(leftMessage: "", rightMessage: "").left == "[REDACTED]")
    }

    /// The audit's repro through the built binary: `flowtrace diff` in text and JSON lines.
    @Test func theBinaryShowsNoSecret() throws {
        func file(_ messages: [String]) throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString).log").path
            let lines = messages.enumerated().map { "2025-08-01 18:25:0\($0.offset),508 - svc - INFO - \($0.element)\n" }
            try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let left = try file(working), right = try file(failing)
        let text = try BinaryRunner.run(["diff", "--color", "never", left, right])
        #expect(text.stdout.contains("differs: [REDACTED] → [REDACTED]"))
        #expect(leaked(text.stdout) == [])
        let json = try BinaryRunner.run(["diff", "--format", "jsonl", left, right])
        #expect(json.records(ofType: "divergence").count == 1)
        #expect(leaked(json.stdout) == [])
    }
}
