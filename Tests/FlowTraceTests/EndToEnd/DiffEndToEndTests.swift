import Foundation
import Testing
@testable import FlowTrace

/// `flowtrace diff` run as a user runs it, on the samples: seed 000's working and failing flows in
/// every pair of formats, mojibake, `--failing` on interleaved logs, selectors, timing, exit codes.
@Suite struct DiffEndToEndTests {
    private let incident = BinaryRunner.sample("incident-000/balance-works-generation-fails.log")
    private let working = BinaryRunner.sample("incident-000/working-flow.log")
    private let failing = BinaryRunner.sample("incident-000/failing-flow.log")

    private func diff(_ arguments: [String], stdin: Data? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["diff", "--format", "jsonl"] + arguments, stdin: stdin)
    }

    private func words(_ record: [String: Any]) -> [String] {
        (record["words"] as? [[String: Any]] ?? []).map { "\($0["left"] as? String ?? "")→\($0["right"] as? String ?? "")" }
    }

    /// Seed 000: whichever formats the two flows come in, they part at the database client.
    @Test(arguments: [("log", "log"), ("jsonl", "log"), ("log", "jsonl"), ("jsonl", "jsonl")])
    func seed000PartsAtTheDatabaseClient(_ left: String, _ right: String) throws {
        let result = try diff([BinaryRunner.sample("incident-000/working-flow.\(left)"),
                               BinaryRunner.sample("incident-000/failing-flow.\(right)")])
        #expect(result.status == 1)
        let divergence = try #require(result.records(ofType: "divergence").first)
        #expect(divergence["kind"] as? String == "changed")
        #expect(divergence["left_line"] as? Int == 15 && divergence["right_line"] as? Int == 15)
        #expect(divergence["left"] as? String == "🔑 [DATABASE] Using SERVICE client for select on users")
        #expect(divergence["right"] as? String == "🔓 [DATABASE] Using ANON client for select on users")
        #expect(words(divergence) == ["🔑→🔓", "SERVICE→ANON"])
        let rows = result.records(ofType: "pair")
        let query = try #require(rows.first { $0["left_line"] as? Int == 19 })
        #expect(query["right_line"] as? Int == 19 && query["kind"] as? String == "changed" && words(query) == ["1→0"])
        let summary = try #require(result.records(ofType: "summary").first)
        #expect(summary["match"] as? Bool == false)
        #expect((summary["right_findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
            == ["anon-client-fallback", "rls-denial"])
        #expect((summary["left_findings"] as? [Any])?.isEmpty == true)
        #expect(rows.count == (summary["same"] as? Int ?? 0) + (summary["missing"] as? Int ?? 0)
            + (summary["extra"] as? Int ?? 0) + (summary["changed"] as? Int ?? 0))
    }

    @Test(arguments: ["incident-000/working-flow.jsonl", "incident-000/working-flow.log"])
    func theSameFlowMatchesAcrossFormats(_ other: String) throws {
        let result = try diff([working, BinaryRunner.sample(other)])
        #expect(result.status == 0)
        #expect(result.records(ofType: "divergence").isEmpty)
        let summary = try #require(result.records(ofType: "summary").first)
        #expect(summary["match"] as? Bool == true && summary["same"] as? Int == 63)
    }

    @Test(arguments: ["cp1252", "cp1254", "macroman"])
    func mojibakeMatchesCleanText(_ encoding: String) throws {
        let result = try diff([BinaryRunner.sample("mojibake/clean.log"), BinaryRunner.sample("mojibake/\(encoding).log")])
        #expect(result.status == 0)
        #expect(result.records(ofType: "summary").first?["same"] as? Int == 54)
        #expect(result.stderr.contains("holds 2 requests"))
    }

    /// The failing generation of user A meets the healthy generation of user B, not a balance request.
    @Test func failingFindsTheHealthyGenerationInTheIncident() throws {
        let result = try diff(["--failing", incident])
        #expect(result.status == 1)
        let headers = result.records(ofType: "diff")
        #expect(headers.count == 1)
        let left = try #require(headers.first?["left"] as? [String: Any])
        let right = try #require(headers.first?["right"] as? [String: Any])
        #expect(left["user"] as? String == "7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37" && left["flow"] as? String == "generation")
        #expect(left["lines"] as? [Int] == [14, 83] && left["status"] as? String == "ok")
        #expect(right["lines"] as? [Int] == [84, 137] && right["status"] as? String == "error")
        let divergence = try #require(result.records(ofType: "divergence").first)
        #expect(divergence["left_line"] as? Int == 28 && divergence["right_line"] as? Int == 111)
    }

    @Test func aFailingTraceWithoutAHealthyPeerIsReportedAlone() throws {
        let result = try diff(["--failing", failing])
        #expect(result.status == 1)
        let unmatched = try #require(result.records(ofType: "unmatched").first)
        #expect((unmatched["flow"] as? [String: Any])?["lines"] as? [Int] == [1, 34])
        #expect(result.records(ofType: "diff").isEmpty)
        let text = try BinaryRunner.run(["diff", "--color", "never", "--failing", failing])
        #expect(text.stdout.contains("no healthy trace of its flow to compare with"))
        #expect(text.stdout.hasSuffix("1 failing trace · 0 compared with a healthy trace of their flow · 1 without one\n\n"))
    }

    /// Two failing traces among 17 interleaved requests (r4 and r11 in `multi-user.requests`,
    /// each whole with its own end line); each is compared with a healthy generation (r6, r10 or
    /// r13, r14) and parts where its fault is.
    @Test func failingOnAnInterleavedLog() throws {
        let result = try diff(["--failing", BinaryRunner.sample("interleaved/multi-user.log")])
        #expect(result.status == 1)
        let headers = result.records(ofType: "diff")
        let divergences = result.records(ofType: "divergence")
        #expect(headers.count == 2 && divergences.count == 2)
        for header in headers {
            let left = try #require(header["left"] as? [String: Any])
            #expect(left["flow"] as? String == "generation" && left["status"] as? String == "ok")
        }
        func entry(_ request: String) throws -> (left: [String: Any], divergence: [String: Any]) {
            let index = try #require(headers.firstIndex {
                (($0["right"] as? [String: Any])?["request"] as? String)?.hasPrefix(request) == true
                    && (($0["right"] as? [String: Any])?["steps"] as? Int ?? 0) > 10
            })
            return (try #require(headers[index]["left"] as? [String: Any]), divergences[index])
        }
        // r4, anon client: parts at the client of the users select.
        let r4 = try entry("f8af8c79")
        #expect(r4.divergence["right_line"] as? Int == 133)
        #expect(words(r4.divergence) == ["🔑→🔓", "SERVICE→ANON"])
        // r11, profile lookup during the deduction: compared with r6, the complete deduction.
        let r11 = try entry("7b25f34a")
        #expect(r11.left["request"] as? String == "a0996d52-a22f-4572-8f61-6fb4221de112")
        #expect(r11.divergence["left_line"] as? Int == 50 && r11.divergence["kind"] as? String == "missing")
    }

    @Test func selectorsInEveryForm() throws {
        let expected = (28, 111)
        for arguments in [
            ["\(incident)@request=87751d4c", "\(incident)@request=3e1c26d3"],
            ["\(incident)@user=7f3e2a91", "\(incident)@trace=t3"],
            ["--left-generation", "7b87a9e2", "--right-request", "3e1c26d3-23ef-423e-a848-f808f54d35bf", incident, incident],
        ] {
            let result = try diff(arguments)
            #expect(result.status == 1, "\(arguments)")
            let divergence = try #require(result.records(ofType: "divergence").first)
            #expect((divergence["left_line"] as? Int, divergence["right_line"] as? Int) == expected, "\(arguments)")
        }
        let several = try diff(["\(incident)@user=22cb3917", failing])
        #expect(several.stderr.contains("user=22cb3917 matches 2 traces"))
        #expect(several.records(ofType: "diff").first.flatMap { ($0["left"] as? [String: Any])?["trace"] as? String } == "t1")
    }

    @Test func aStepThatTookThirtySecondsIsATimingDivergence() throws {
        let result = try diff([working, BinaryRunner.sample("diff/slow-users-select.log")])
        #expect(result.status == 1)
        let divergence = try #require(result.records(ofType: "divergence").first)
        #expect(divergence["kind"] as? String == "timing" && divergence["left_line"] as? Int == 18)
        let timing = try #require(divergence["timing"] as? [String: Any])
        #expect(timing["left_gap_ms"] as? Int == 11 && timing["right_gap_ms"] as? Int == 30_011)
    }

    @Test func aReorderedBlockIsMissingHereAndExtraThere() throws {
        let result = try diff([working, BinaryRunner.sample("diff/reordered-deduction.log")])
        #expect(result.status == 1)
        let summary = try #require(result.records(ofType: "summary").first)
        #expect(summary["missing"] as? Int == 3 && summary["extra"] as? Int == 3 && summary["reordered"] as? Int == 6)
        let text = try BinaryRunner.run(["diff", "--color", "never", "-C", "0", working, BinaryRunner.sample("diff/reordered-deduction.log")])
        #expect(text.stdout.contains("First divergence: extra step on the right (it comes elsewhere)\n  left  —  (no such step, after line 32)\n  right line 33: 🎨 [GENERATION] Submitting generation"))
        #expect(result.records(ofType: "pair").filter { $0["moved"] as? Bool == true }.count == 6)
    }

    @Test func standardInputAndGzip() throws {
        let stdin = try Data(contentsOf: URL(fileURLWithPath: working))
        let piped = try diff(["-", failing], stdin: stdin)
        #expect(piped.records(ofType: "divergence").first?["left_line"] as? Int == 15)
        let gzip = try diff([BinaryRunner.sample("gzip/actually-gzip.log"), BinaryRunner.sample("formats/basic-config.log")])
        #expect(gzip.status == 0)
    }

    @Test func usageAndInputErrorsExitWithTwo() throws {
        let missing = try diff([working, "/nonexistent/flow.log"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/flow.log"))
        let noMatch = try diff(["\(working)@user=ffffffff", failing])
        #expect(noMatch.status == 2 && noMatch.stderr.contains("no trace of"))
        // As scan: what could be read is compared and shown, and the exit code says an input failed.
        let truncated = try diff([BinaryRunner.sample("gzip/truncated.log.gz"), working])
        #expect(truncated.status == 2 && truncated.stderr.contains("truncated.log.gz"))
        #expect(truncated.stderr.contains("byte offset"))
        #expect(truncated.records(ofType: "summary").count == 1)
        #expect(truncated.records(ofType: "pair").contains { $0["left_line"] as? Int == 127 })
        let failingTruncated = try diff(["--failing", BinaryRunner.sample("gzip/truncated.log.gz")])
        #expect(failingTruncated.status == 2 && failingTruncated.stderr.contains("truncated.log.gz"))
        #expect(try diff([working]).status == 2)
        #expect(try diff(["--failing", working, failing]).status == 2)
        #expect(try diff(["--left-user", "22cb", "\(working)@user=22cb", failing]).status == 2)
    }

    @Test func anyContextShowsEveryRowWithoutOverflowing() throws {
        let all = try BinaryRunner.run(["diff", "--color", "never", working, failing])
        for context in ["1000", String(Int.max)] {
            let result = try BinaryRunner.run(["diff", "--color", "never", "-C", context, working, failing])
            #expect(result.status == 1)
            #expect(result.stdout == all.stdout)
        }
    }

    /// One file as a whole against one of its traces: the whole-file side keeps its steps (it
    /// was compared as empty: "63 steps missing on the right").
    @Test func aFileAgainstItsOwnTraceMatches() throws {
        for arguments in [["\(working)@trace=t1", working], [working, "\(working)@trace=t1"]] {
            let result = try diff(arguments)
            #expect(result.status == 0, "\(arguments) \(result.stdout)")
            #expect(result.records(ofType: "divergence").isEmpty, "\(arguments)")
        }
    }

    /// A huge `COLUMNS` is capped (``TerminalWidth/maximum``): every row used to be padded to it,
    /// and `COLUMNS=100000` took minutes.
    @Test func aHugeColumnsIsCapped() throws {
        for arguments in [["diff", "--color", "never", working, failing],
                          ["diff", "--color", "never", "--unified", working, failing]] {
            let result = try BinaryRunner.run(arguments, environment: ["COLUMNS": "100000"])
            #expect(result.status == 1)
            let widest = result.stdout.split(separator: "\n").map { TerminalWidth.width(of: String($0)) }.max() ?? 0
            #expect(widest <= TerminalWidth.maximum)
        }
    }

    @Test func textReportFitsTheWidthAndLeadsWithTheDivergence() throws {
        let result = try BinaryRunner.run(["diff", "--color", "never", working, failing], environment: ["COLUMNS": "80"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first { $0.hasPrefix("First divergence") } == "First divergence: changed step")
        #expect(result.stdout.contains("  left  line 15: 🔑 [DATABASE] Using SERVICE client for select on users\n"))
        #expect(result.stdout.contains("  differs: 🔑 → 🔓 · SERVICE → ANON\n"))
        let rows = lines.filter { $0.contains(" │") }
        let pairs = try diff([working, failing]).records(ofType: "pair").count
        #expect(pairs > 40 && rows.count == pairs + 1)
        for row in rows { #expect(TerminalWidth.width(of: String(row)) <= 80, "\(row)") }
        #expect(!result.stdout.contains("\u{1b}["))
        let unified = try BinaryRunner.run(["diff", "--color", "never", "--unified", "-C", "0", working, failing])
        #expect(unified.stdout.contains("~    15    15  🔑 [DATABASE] Using SERVICE client for select on users\n"))
        #expect(unified.stdout.contains("            → 🔓 [DATABASE] Using ANON client for select on users\n"))
        #expect(unified.stdout.contains("⋯ 14 matching steps"))
        let incidentText = try BinaryRunner.run(["diff", "--color", "never", "--failing", incident])
        #expect(incidentText.stdout.hasSuffix("balance-works-generation-fails.log: 1 failing trace · 1 compared with a healthy trace of their flow\n\n"))
        let healthy = try BinaryRunner.run(["diff", "--color", "never", "--failing", working])
        #expect(healthy.status == 0 && healthy.stdout.hasSuffix("working-flow.log: no failing trace.\n\n"))
        let same = try BinaryRunner.run(["diff", "--color", "never", working, working])
        #expect(same.status == 0 && same.stdout.contains("The flows match step for step (63 steps)."))
    }

    /// Log text is untrusted: no escape sequence reaches the terminal, no secret any output.
    @Test func hostileTextIsSanitisedRedactedAndEscaped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlc2lnbmF0dXJl"
        let left = try directory.write(Array("🔑 [DATABASE] Using SERVICE client key \(jwt)\n✅ [DATABASE] done\n".utf8), to: "left.log")
        let right = try directory.write(Array("🔓 [DATABASE] Using ANON client\u{1b}]0;pwned\u{07}\u{1b}[2J key \(jwt)\n✅ [DATABASE] done \"quote\" \\ \u{7f}\n".utf8), to: "right.log")
        let text = try BinaryRunner.run(["diff", "--color", "never", left, right])
        #expect(text.status == 1)
        #expect(!text.stdout.contains("\u{1b}") && !text.stdout.contains("\u{07}") && !text.stdout.contains("\u{7f}"))
        #expect(!text.stdout.contains(jwt) && text.stdout.contains("[REDACTED:jwt]"))
        #expect(text.stdout.contains("done \"quote\" \\ \\x7f"))
        let json = try diff([left, right])
        #expect(!json.stdout.contains(jwt) && !json.stdout.contains("\u{1b}"))
        let rows = json.records(ofType: "pair")
        #expect(rows.map { $0["kind"] as? String } == ["changed", "missing", "extra"])
        #expect((rows.last?["right"] as? String)?.hasSuffix("done \"quote\" \\ \u{7f}") == true)
    }
}
