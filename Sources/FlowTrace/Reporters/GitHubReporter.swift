/// `--format github`: one GitHub Actions workflow command per finding, so that findings show as
/// annotations on the run (`::error file=app.log,line=111,endLine=135,title=rls-denial::…`); the
/// message carries the finding and its evidence lines, redacted. An input error is an `::error`
/// on its file.
public final class GitHubReporter: Reporter {
    private let output: OutputSink

    public init(output: OutputSink) {
        self.output = output
    }

    public func report(_ report: TraceReport) throws {
        for finding in report.findings {
            try output.writeRecord(GitHubReporter.command(for: finding, file: report.file,
                                                          evidence: report.trace.evidence(lines: finding.lines)).line)
        }
    }

    public func report(_ summary: ScanSummary) throws {
        guard let error = summary.error else { return }
        var properties = [("file", summary.file)]
        if let line = error.location?.line { properties.append(("line", String(line))) }
        properties.append(("title", "flowtrace: input error"))
        try output.writeRecord(GitHubCommand(command: "error", properties: properties,
                                             message: ReportText.clean(error.description)).line)
    }

    public func finish() throws { try output.flush() }

    /// The command for one finding.
    public static func command(for finding: Finding, file: String, evidence: [Trace.EvidenceLine]) -> GitHubCommand {
        let command = switch finding.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        var properties = [("file", file)]
        // A finding no line shows (absences only) is annotated over its trace's lines.
        if let span = finding.span {
            properties.append(("line", String(span.lowerBound)))
            if span.upperBound != span.lowerBound { properties.append(("endLine", String(span.upperBound))) }
        }
        properties.append(("title", finding.rule))
        var message = ReportText.clean(finding.message)
        if !evidence.isEmpty { message += "\n" + ReportText.evidenceBlock(evidence) }
        return GitHubCommand(command: command, properties: properties, message: message)
    }
}
