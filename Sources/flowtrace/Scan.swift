import ArgumentParser
import FlowTrace
#if canImport(Glibc)
import Glibc
#endif

/// `flowtrace scan`: read logs, build traces, report what went wrong.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read logs (files, gzip, or standard input) and report per-request traces.",
        discussion: """
            With no FILE, or with -, reads standard input (when it is not a terminal). gzip is \
            detected by content. Each file is its own stream with its own line numbers.

            In CI: --format sarif|junit|github writes a machine report (with --output FILE, to FILE \
            while the human report still goes to the terminal); --write-baseline FILE records the \
            current findings and --baseline FILE accepts them, so that only new findings fail.

            With FLOWTRACE_STAGE_TIMES=1 in the environment, the CPU time of each pipeline stage \
            (read+parse, correlate, judge+report) is written to standard error after each input.
            """
    )

    @Argument(help: "Log files to read (plain or gzip); - for standard input.")
    var files: [String] = []

    @Option(help: "Output format: text, jsonl, sarif (SARIF 2.1.0), junit (JUnit XML, a test case per rule) or github (workflow commands).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Write the report in --format to FILE; the human report still goes to the terminal.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Accept the findings recorded in FILE (by fingerprint, not line number): only new findings are reported and fail.", valueName: "FILE"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record the current findings in FILE as the new baseline (the exit code then ignores findings).", valueName: "FILE"))
    var writeBaseline: String?

    @Flag(help: "With --format jsonl, also write one record per trace.")
    var traces = false

    @Flag(help: "With the text format, show every trace, not only those with errors or warnings.")
    var all = false

    @Option(help: "Colour: auto (only on a terminal, honouring NO_COLOR), always, or never.")
    var color: ColorChoice = .auto

    @OptionGroup var pipeline: PipelineOptions

    @Option(help: "Close a trace after this much log time without a new line (e.g. 30s, 2m). Default from the correlation file.")
    var idleWindow: String?

    @OptionGroup var ruleSelection: RuleSelection

    @Option(help: "Exit with 1 when a finding has at least this severity: info, warning or error.")
    var minSeverity: SeverityChoice = .warning

    mutating func validate() throws {
        if let idleWindow, DurationText.milliseconds(idleWindow) == nil {
            throw ValidationError("--idle-window takes a duration such as 30s, 2m or 500ms")
        }
        if files.isEmpty && isatty(0) == 1 {
            throw ValidationError("no input: name log files, or pipe logs into standard input")
        }
    }

    func run() throws {
        try checkOutputs()
        var options = try pipeline.scanOptions()
        if let idleWindow { options.correlation.idleWindowMilliseconds = DurationText.milliseconds(idleWindow)! }

        let ruleSet = try ruleSelection.ruleSet()
        let baselineFilter = BaselineFilter(baseline: try baseline.map { try Baseline.load(path: $0) },
                                            recording: writeBaseline != nil)
        let reporter = try ScanReporters(format: format, outputPath: output, traces: traces, all: all, color: color,
                                         threshold: minSeverity.severity).make(rules: ruleSet.rules)
        let engine = RuleEngine(ruleSet: ruleSet, flowNames: options.correlation.flows.map(\.id))
        var worst: Severity?
        var currentFile = ""
        let scanner = Scanner(options: options, reporter: reporter) { trace in
            let findings = baselineFilter.newFindings(engine.judgeWithFingerprints(trace), file: currentFile)
            for finding in findings where worst.map({ finding.severity > $0 }) ?? true { worst = finding.severity }
            return findings
        }
        var inputFailed = false
        do {
            for path in files.isEmpty ? ["-"] : files {
                currentFile = path == "-" ? "<stdin>" : RawPath.display(path)
                engine.beginStream()
                let summary = try scanner.scan(path: path)
                if let error = summary.error {
                    inputFailed = true
                    FileHandleOutput.standardError("flowtrace: error: \(TerminalText.sanitize(error.description))\n")
                }
            }
            try reporter.finish()
        } catch is OutputSink.Closed {
            let status = try statusWhenStopped(inputFailed: inputFailed, worst: worst)
            if status != ExitStatus.clean { throw ExitCode(status) }
            return
        }
        if engine.limits.count > 0, let first = engine.limits.first {
            FileHandleOutput.standardError("flowtrace: warning: a rule regex hit its match limit \(engine.limits.count) time(s), "
                + "first in step '\(first.step)' on line \(first.line); those lines were not judged by it\n")
        }
        try BaselineNotes.finish(baselineFilter, accepting: baseline, writingTo: writeBaseline)
        if inputFailed { throw ExitCode(ExitStatus.inputOrUsageError) }
        if writeBaseline != nil { return }
        if let worst, worst >= minSeverity.severity { throw ExitCode(ExitStatus.findings) }
    }

    /// Refuses an `--output` or `--write-baseline` that names a file this run reads.
    private func checkOutputs() throws {
        let inputs = files.map { OutputClash.Use("the input log", $0) }
        let baselines = baseline.map { [OutputClash.Use("--baseline", $0)] } ?? []
        if let output {
            let written = writeBaseline.map { [OutputClash.Use("--write-baseline", $0)] } ?? []
            try OutputClash.check(.init("--output", output), against: inputs + baselines + written)
        }
        if let writeBaseline { try OutputClash.check(.init("--write-baseline", writeBaseline), against: inputs) }
    }

    /// The reader of the output went away (`| head`): the scan stops, with the exit code for what
    /// it found and read so far. A baseline to write would be incomplete: it is not written.
    private func statusWhenStopped(inputFailed: Bool, worst: Severity?) throws -> Int32 {
        if let writeBaseline {
            throw FlowTraceError(.output, "the output was closed before the scan ended; the baseline was not written",
                                 at: .init(file: writeBaseline))
        }
        if inputFailed { return ExitStatus.inputOrUsageError }
        if let worst, worst >= minSeverity.severity { return ExitStatus.findings }
        return ExitStatus.clean
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, sarif, junit, github
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func isEnabled(for output: OutputSink) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: output.isTerminal && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
        }
    }
}

enum SeverityChoice: String, ExpressibleByArgument, CaseIterable {
    case info, warning, error

    var severity: Severity { Severity(rawValue: rawValue)! }
}
