/// `--format junit` for `flowtrace scan`: one `<testsuite>` per input, one `<testcase>` per rule,
/// failing with the rule's findings in that input (each with its evidence lines, redacted).
/// Findings below the severity that fails the scan leave their case passing and are shown in its
/// `<system-out>`, so that the report agrees with the exit code. An input that could not be read
/// completely adds an `<error>` case. Written at the end.
public final class JUnitReporter: Reporter {
    private let output: OutputSink
    private let rules: [Rule]
    private let threshold: Severity
    /// The current input's findings by rule id: their severity and text block.
    private var findings: [String: [(severity: Severity, block: String)]] = [:]
    private var suites: [JUnitReport.TestSuite] = []

    /// A reporter whose cases fail on findings of `threshold` or worse.
    public init(output: OutputSink, rules: [Rule], failingAt threshold: Severity = .info) {
        self.output = output
        self.rules = rules
        self.threshold = threshold
    }

    public func report(_ report: TraceReport) throws {
        for finding in report.findings {
            var block = ReportText.headline(finding, file: report.file)
            let evidence = report.trace.evidence(lines: finding.lines)
            if !evidence.isEmpty { block += "\n" + ReportText.evidenceBlock(evidence) }
            findings[finding.rule, default: []].append((finding.severity, block))
        }
    }

    public func report(_ summary: ScanSummary) throws {
        let file = ReportText.clean(summary.file)
        var cases = rules.map { testCase(for: $0, file: file) }
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

    /// The rule's case: failing with its findings at or above the threshold, the others as output.
    private func testCase(for rule: Rule, file: String) -> JUnitReport.TestCase {
        var testCase = JUnitReport.TestCase(name: rule.id, className: file)
        let found = findings[rule.id] ?? []
        let failing = found.filter { $0.severity >= threshold }.map(\.block)
        let below = found.filter { $0.severity < threshold }.map(\.block)
        if !failing.isEmpty {
            testCase.failure = ("\(failing.count) finding(s): \(rule.title)", failing.joined(separator: "\n\n"))
        }
        if !below.isEmpty {
            testCase.systemOut = "\(below.count) finding(s) below the failing severity (\(threshold.rawValue)):\n\n"
                + below.joined(separator: "\n\n")
        }
        return testCase
    }
}
