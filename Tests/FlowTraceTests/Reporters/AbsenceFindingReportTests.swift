import FlowTrace
import Foundation
import Testing

/// A rule of one absence finds something no line shows: every report locates such a finding at
/// its trace's lines (1–34 of the failing flow), never as an empty line list or at line 0.
@Suite struct AbsenceFindingReportTests {
    static let rule = """
        id: no-refund
        title: A trace that never refunded
        severity: warning
        description: Flags a trace with no refund line.
        remediation: Refund the credits.
        message: "no refund in lines {lines} of {trace}"
        steps:
          refund:
            contains: 'Refunding'
        when:
          absent: refund
        examples:
          trigger:
            - log: "🔍 [GENERATION] nothing for user 22cb3917-57f6-49c6-ac96-ec266570081b"
          no_trigger:
            - log: "🔍 [GENERATION] Refunding 10 credits for user 22cb3917-57f6-49c6-ac96-ec266570081b"
        """

    private let log = BinaryRunner.sample("incident-000/failing-flow.log")

    private func scan(_ arguments: [String]) throws -> BinaryRunner.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString).yaml")
        try Self.rule.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try BinaryRunner.run(["scan", "--rules", file.path, "--only", "no-refund", "--color", "never"] + arguments + [log])
    }

    @Test func textNamesTheTracesLinesInsteadOfAnEmptyList() throws {
        let result = try scan([])
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("no-refund:") })
        #expect(line.hasSuffix("no-refund: no refund in lines 1–34 of t1 (no evidence line: trace lines 1–34)"))
        #expect(!result.stdout.contains("(lines )"))
        #expect(!result.stdout.contains("()"))
    }

    @Test func jsonLinesKeepAnEmptyEvidenceList() throws {
        let finding = try #require(try scan(["--format", "jsonl"]).records(ofType: "finding").first)
        #expect((finding["lines"] as? [Int]) == [])
        #expect(finding["trace"] as? String == "t1")
        #expect(finding["message"] as? String == "no refund in lines 1–34 of t1")
    }

    @Test func githubAnnotatesTheTracesLines() throws {
        let output = try scan(["--format", "github"]).stdout
        let command = try #require(output.split(separator: "\n").first { $0.hasPrefix("::warning ") })
        #expect(command.contains(",line=1,endLine=34,title=no-refund::"))
    }

    @Test func junitHeadsTheFindingWithTheTracesFirstLine() throws {
        let output = try scan(["--format", "junit"]).stdout
        #expect(output.contains("failing-flow.log:1: no-refund (warning): no refund in lines 1–34 of t1"))
        #expect(!output.contains("failing-flow.log: no-refund"))
    }

    @Test func sarifLocatesTheResultAtTheTracesLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString).sarif").path
        _ = try scan(["--format", "sarif", "--output", path])
        let sarif = try JSONDecoder().decode(SARIFLog.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let result = try #require(sarif.runs.first?.results.first)
        let region = try #require(result.locations.first?.physicalLocation.region)
        #expect(region.startLine == 1)
        #expect(region.endLine == 34)
        #expect(region.snippet == nil)
        #expect(result.relatedLocations == nil)
        if SARIFSchemaValidator.isAvailable {
            #expect(try SARIFSchemaValidator.violations(ofFileAt: path) == [])
        }
    }

    /// A finding with neither evidence nor a known trace (made by hand) is located nowhere: no
    /// line property, no parentheses.
    @Test func aFindingWithNoLinesAtAllIsLocatedAtItsFile() throws {
        let finding = Finding(rule: "no-refund", severity: .warning, message: "m", trace: "t1", lines: [])
        #expect(finding.span == nil)
        #expect(ReportText.lineNote(finding) == nil)
        #expect(ReportText.headline(finding, file: "app.log") == "app.log: no-refund (warning): m")
        let command = GitHubReporter.command(for: finding, file: "app.log", evidence: [])
        #expect(command.line == "::warning file=app.log,title=no-refund::m")
        var located = finding
        located.traceLines = 5...9
        #expect(located.span == 5...9)
        #expect(ReportText.lineNote(located) == "no evidence line: trace lines 5–9")
        located.lines = [6, 8]
        #expect(located.span == 6...8)
        #expect(ReportText.lineNote(located) == "lines 6, 8")
    }
}
