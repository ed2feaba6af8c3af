/// `--format junit` for `flowtrace scan`: one `<testsuite>` per input, one `<testcase>` per rule,
/// failing with the rule's findings in that input (each with its evidence lines, redacted). An
/// input that could not be read completely adds an `<error>` case. Written at the end.
public final class JUnitReporter: Reporter {
    private let output: OutputSink
    private let rules: [Rule]
    private var suites: [JUnitReport.TestSuite] = []
    /// The current input's findings by rule id, as text blocks.
    private var findings: [String: [String]] = [:]

    public init(output: OutputSink, rules: [Rule]) {
        self.output = output
        self.rules = rules
    }

    public func report(_ report: TraceReport) throws {
        for finding in report.findings {
            var block = ReportText.headline(finding, file: report.file)
            let evidence = report.trace.evidence(lines: finding.lines)
            if !evidence.isEmpty { block += "\n" + ReportText.evidenceBlock(evidence) }
            findings[finding.rule, default: []].append(block)
        }
    }

    public func report(_ summary: ScanSummary) throws {
        let file = ReportText.clean(summary.file)
        var cases = rules.map { rule -> JUnitReport.TestCase in
            guard let blocks = findings[rule.id] else { return JUnitReport.TestCase(name: rule.id, className: file) }
            let message = "\(blocks.count) finding(s): \(rule.title)"
            return JUnitReport.TestCase(name: rule.id, className: file, failure: (message, blocks.joined(separator: "\n\n")))
        }
        if let error = summary.error {
            cases.append(JUnitReport.TestCase(name: "read input", className: file,
                                              failure: (ReportText.clean(error.description), ""), isError: true))
        }
        suites.append(JUnitReport.TestSuite(name: file, cases: cases))
        findings = [:]
    }

    public func finish() throws {
        output.write(JUnitReport(name: "flowtrace scan", suites: suites).xml())
        try output.flush()
    }
}
