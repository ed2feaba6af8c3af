import FlowTrace

/// Builds the reporter of `flowtrace scan` from its options: the chosen format on standard output,
/// or, with `--output FILE`, the chosen format in FILE and the human report on the terminal.
struct ScanReporters {
    var format: OutputFormat
    var outputPath: String?
    var traces: Bool
    var all: Bool
    var color: ColorChoice
    /// The lowest severity that fails (`--min-severity`): JUnit shows findings below it as passing.
    var threshold: Severity

    func make(rules: [Rule]) throws -> Reporter {
        let terminal = OutputSink(descriptor: 1)
        guard let outputPath else { return reporter(format, output: terminal, rules: rules, colored: true) }
        let file = try OutputSink(path: outputPath)
        return TeeReporter([reporter(format, output: file, rules: rules, colored: false),
                            reporter(.text, output: terminal, rules: rules, colored: true)])
    }

    private func reporter(_ format: OutputFormat, output: OutputSink, rules: [Rule], colored: Bool) -> Reporter {
        switch format {
        case .text:
            TextReporter(output: output, palette: Palette(enabled: colored && color.isEnabled(for: output)), showAll: all)
        case .jsonl: JSONLinesReporter(output: output, includeTraces: traces)
        case .sarif: SARIFReporter(output: output, rules: rules, toolVersion: Flowtrace.configuration.version)
        case .junit: JUnitReporter(output: output, rules: rules, failingAt: threshold)
        case .github: GitHubReporter(output: output)
        }
    }
}
