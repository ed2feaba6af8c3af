import Foundation
import Testing

/// `flowtrace scan` run as a user runs it, on the files in `Samples/`.
@Suite struct ScanEndToEndTests {
    private let incident = BinaryRunner.sample("incident-000/balance-works-generation-fails.log")
    private let userA = "22cb3917-57f6-49c6-ac96-ec266570081b"

    @Test func seed000IncidentSeparatesTheWorkingBalanceFromTheFailingGeneration() throws {
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", incident])
        #expect(result.status == 1)
        let traces = result.records(ofType: "trace")
        #expect(traces.count == 4)
        let ofA = traces.filter { ($0["entities"] as? [String: Any])?["user"] as? String == userA }
        let balance = try #require(ofA.first { $0["flow"] as? String == "credit-balance" })
        let generation = try #require(ofA.first { $0["flow"] as? String == "generation" })
        #expect(balance["status"] as? String == "ok")
        #expect(balance["lines"] as? [Int] == Array(1...13) + Array(31...37))
        #expect(generation["status"] as? String == "error")
        let lines = try #require(generation["lines"] as? [Int])
        // The ANON client line (111), the empty result (115) and "Query result … False" (116) are A's
        // generation's, although none of the first two names a user.
        #expect(Set([84, 85, 111, 115, 116, 117, 136, 137]).isSubset(of: Set(lines)))
        #expect(lines.count == 34)
        let summary = try #require(result.records(ofType: "summary").last)
        #expect(summary["lines_read"] as? Int == 137)
        #expect(summary["lines_parsed"] as? Int == 137)
        #expect(summary["lines_tagged"] as? Int == 111)
        #expect(summary["traces"] as? Int == 4)
    }

    @Test func textReportShowsOnlyTheFailingTraceWithItsLines() throws {
        let result = try BinaryRunner.run(["scan", "--color", "never", incident])
        #expect(result.status == 1)
        #expect(result.stdout.contains("generation · user \(userA)"))
        #expect(result.stdout.contains("🔓 [DATABASE] Using ANON client for select on users"))
        #expect(!result.stdout.contains("credit-balance · user \(userA)"))
        #expect(result.stdout.contains("137 lines read · 137 parsed · 111 tagged · 0 unparsed · 0 truncated"))
        #expect(!result.stdout.contains("\u{1b}["))
        let all = try BinaryRunner.run(["scan", "--all", "--color", "never", incident])
        #expect(all.stdout.contains("credit-balance · user \(userA)"))
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let always = try BinaryRunner.run(["scan", "--color", "always", incident])
        #expect(always.stdout.contains("\u{1b}[31m"))
        let auto = try BinaryRunner.run(["scan", incident])
        #expect(!auto.stdout.contains("\u{1b}["))
        let noColor = try BinaryRunner.run(["scan", "--color", "auto", incident], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1b}["))
    }

    @Test func stageTimesOnlyWhenTheEnvironmentAsks() throws {
        let plain = try BinaryRunner.run(["scan", "--format", "jsonl", incident])
        #expect(!plain.stderr.contains("stage CPU"))
        let timed = try BinaryRunner.run(["scan", "--format", "jsonl", incident], environment: ["FLOWTRACE_STAGE_TIMES": "1"])
        #expect(timed.stdout == plain.stdout)
        let line = try #require(timed.stderr.split(separator: "\n").first { $0.hasPrefix("flowtrace: stage CPU: ") })
        for stage in ["read+parse", "correlate", "judge+report", "total"] {
            #expect(line.contains("\(stage) "), "no \(stage) in \(line)")
        }
    }

    @Test func readsStandardInputWithDashAndWithoutArguments() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: incident))
        for arguments in [["scan", "--format", "jsonl", "-"], ["scan", "--format", "jsonl"]] {
            let result = try BinaryRunner.run(arguments, stdin: data)
            #expect(result.status == 1)
            let summary = try #require(result.records(ofType: "summary").last)
            #expect(summary["file"] as? String == "<stdin>")
            #expect(summary["lines_read"] as? Int == 137)
            #expect(summary["traces"] as? Int == 4)
        }
    }

    @Test func everyFileIsItsOwnStreamWithItsOwnSummary() throws {
        let other = BinaryRunner.sample("mojibake/clean.log")
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", incident, other])
        let summaries = result.records(ofType: "summary")
        #expect(summaries.map { $0["file"] as? String } == [incident, other])
        #expect(summaries.map { $0["lines_read"] as? Int } == [137, 54])
        let firstLines = result.records(ofType: "trace").filter { $0["file"] as? String == other }
            .compactMap { ($0["lines"] as? [Int])?.first }
        #expect(firstLines.min() == 1)
    }

    @Test func multiMemberGzipIsReadToTheEnd() throws {
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", BinaryRunner.sample("gzip/rotated.log.gz")])
        #expect(result.status != 2)
        let summary = try #require(result.records(ofType: "summary").last)
        #expect(summary["lines_read"] as? Int == 738)
        #expect(summary["compressed"] as? Bool == true)
    }

    @Test func gzipIsDetectedByContentNotName() throws {
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", BinaryRunner.sample("gzip/actually-gzip.log")])
        let summary = try #require(result.records(ofType: "summary").last)
        #expect(summary["compressed"] as? Bool == true)
        #expect(summary["lines_read"] as? Int == 60)
        #expect(summary["lines_unparsed"] as? Int == 0)
    }

    @Test func truncatedGzipReportsWhereAndStillAnalysesWhatWasRead() throws {
        let path = BinaryRunner.sample("gzip/truncated.log.gz")
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("byte offset"))
        #expect(result.stderr.contains("unexpected end of gzip data"))
        let summary = try #require(result.records(ofType: "summary").last)
        #expect(summary["lines_read"] as? Int == 127)
        #expect((summary["traces"] as? Int ?? 0) > 0)
        let error = try #require(summary["error"] as? [String: Any])
        #expect(error["code"] as? String == "corrupt-compressed-input")
        #expect(error["byte_offset"] as? Int == 2605)
    }

    @Test func missingFileAndBadOptionsExitWithTwo() throws {
        let missing = try BinaryRunner.run(["scan", "/nonexistent/app.log"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/app.log"))
        let badFormat = try BinaryRunner.run(["scan", "--format", "yaml", incident])
        #expect(badFormat.status == 2)
        let badWindow = try BinaryRunner.run(["scan", "--idle-window", "soon", incident])
        #expect(badWindow.status == 2)
    }
}
