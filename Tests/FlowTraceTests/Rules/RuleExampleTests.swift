import Foundation
import Testing
@testable import FlowTrace

/// Every example of every rule file: the built-in pack, and any folders named in the environment
/// variable `FLOWTRACE_RULE_DIRS` (colon-separated), so that a new rule needs no new Swift test.
/// Each example also runs with CRLF line ends, gzip-compressed, with ANSI colour around the
/// levels, and with another (healthy) request's lines interleaved at a run boundary.
@Suite struct RuleExampleTests {
    static let rules: [Rule] = {
        var rules = (try? RuleSet.builtin().rules) ?? []
        let extra = ProcessInfo.processInfo.environment["FLOWTRACE_RULE_DIRS"]?.split(separator: ":").map(String.init) ?? []
        rules += (try? RuleSet.load(paths: extra)) ?? []
        return rules
    }()

    static let cases: [String] = rules.flatMap { rule in rule.examples.indices.map { "\(rule.id)#\($0)" } }

    @Test func theBuiltInPackHasEveryRuleTheIssueNames() throws {
        let ids = Set(try RuleSet.builtin().rules.map(\.id))
        for id in ["anon-client-fallback", "service-key-rejected", "rls-denial", "deduction-without-transaction",
                   "generation-without-deduction", "user-not-found-despite-balance"] {
            #expect(ids.contains(id), "missing built-in rule \(id)")
        }
    }

    @Test(arguments: cases)
    func example(_ name: String) throws {
        let parts = name.split(separator: "#")
        let rule = try #require(Self.rules.first { $0.id == parts[0] })
        let example = rule.examples[Int(parts[1])!]
        let options = try ScanOptions.builtin()
        for (variant, bytes) in Self.variants(of: example.log) {
            let findings = try RuleExampleRunner.findings(of: rule, on: bytes, options: options)
            #expect(findings.count == example.expectedFindings,
                    "\(example.location): \(rule.id) (\(variant)) expected \(example.expectedFindings), got \(findings.count): \(findings.map(\.message))")
        }
    }

    /// A healthy request of a user no example uses, to interleave.
    static let bystander = """
        2025-08-02 07:09:01,000 - middleware.request_logging - INFO - [0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c] GET /api/v1/credits/balance - Started
        2025-08-02 07:09:01,010 - services.user_service - INFO - 💳 [USER_SERVICE] Getting credits for user 9e6014ef-ef19-49e4-93e9-d0bc38761dc7
        2025-08-02 07:09:01,011 - repositories.user_repository - INFO - 👤 [USER_REPO] Getting user by ID: 9e6014ef-ef19-49e4-93e9-d0bc38761dc7
        2025-08-02 07:09:01,012 - database - INFO - 🔑 [DATABASE] Using SERVICE client for select on users
        2025-08-02 07:09:01,030 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/rest/v1/users?select=*&id=eq.9e6014ef-ef19-49e4-93e9-d0bc38761dc7 "HTTP/2 200 OK"
        2025-08-02 07:09:01,030 - database - INFO - ✅ [DATABASE] SELECT result for users: 1 rows
        2025-08-02 07:09:01,031 - services.user_service - INFO - ✅ [USER_SERVICE] Successfully retrieved 500 credits for user 9e6014ef-ef19-49e4-93e9-d0bc38761dc7
        2025-08-02 07:09:01,032 - middleware.request_logging - INFO - [0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c] GET /api/v1/credits/balance - 200 - 32ms
        """

    static func variants(of log: String) -> [(String, [UInt8])] {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let plain = Array(log.utf8)
        let crlf = Array(lines.joined(separator: "\r\n").utf8)
        let colored = Array(lines.map { line in
            line.replacingOccurrences(of: " - INFO - ", with: " - \u{1b}[32mINFO\u{1b}[0m - ")
                .replacingOccurrences(of: " - ERROR - ", with: " - \u{1b}[31mERROR\u{1b}[0m - ")
        }.joined(separator: "\n").utf8)
        // The bystander's lines go in before the example's first response line (a run boundary),
        // or before the example when it has none.
        let boundary = lines.firstIndex { $0.contains("HTTP Request:") } ?? 0
        let mixed = lines[..<boundary] + bystander.split(separator: "\n").map(String.init) + lines[boundary...]
        return [
            ("as written", plain), ("CRLF", crlf), ("gzip", GzipEncoder.member(plain)), ("ANSI colour", colored),
            ("interleaved", Array(mixed.joined(separator: "\n").utf8)),
        ]
    }
}
