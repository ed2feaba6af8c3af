import FlowTrace

/// Where `flowtrace check` reports: the human report on the terminal (on standard error when the
/// JUnit XML takes standard output) and, with `--output FILE`, the report in `--format` in FILE
/// (text without colour, or JUnit XML).
final class CheckReport {
    let human: OutputSink
    private let palette: Palette
    private let format: CheckFormat
    /// The `--format` report when it does not go to `human`.
    private let report: OutputSink?
    private var cases: [JUnitReport.TestCase] = []
    private(set) var passed = 0
    private(set) var failed = 0

    init(format: CheckFormat, outputPath: String?, color: ColorChoice) throws {
        self.format = format
        human = OutputSink(descriptor: format == .junit && outputPath == nil ? 2 : 1)
        palette = Palette(enabled: color.isEnabled(for: human))
        if let outputPath {
            report = try OutputSink(path: outputPath)
        } else {
            report = format == .junit ? OutputSink(descriptor: 1) : nil
        }
    }

    /// Reports one fixture's outcome as soon as it is known.
    func add(_ outcome: FixtureOutcome) throws {
        if outcome.passed { passed += 1 } else { failed += 1 }
        human.write(outcome.text(palette: palette))
        try human.flush()
        switch format {
        case .text: report?.write(outcome.text(palette: Palette(enabled: false)))
        case .junit: cases.append(outcome.junitCase)
        }
    }

    /// Ends both reports: the `N passed, N failed` line, and the JUnit XML.
    func finish() throws {
        let tally = "\(passed) passed, \(failed) failed"
        try human.writeRecord(tally)
        guard let report else { return }
        switch format {
        case .text: try report.writeRecord(tally)
        case .junit:
            let suite = JUnitReport.TestSuite(name: "flowtrace check", cases: cases)
            report.write(JUnitReport(name: "flowtrace check", suites: [suite]).xml())
            try report.flush()
        }
    }
}
