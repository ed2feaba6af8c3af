import ArgumentParser
import FlowTrace

/// `flowtrace diff`: compare a working flow with a failing one and show where they part.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two flows step by step and show where they part.",
        discussion: """
            flowtrace diff LEFT RIGHT compares two flows: LEFT is the reference (the working one), \
            RIGHT the one under examination. Each is a file (plain or gzip; - for standard input) \
            holding one flow, or one trace of a file chosen with a selector: FILE@user=ID, \
            FILE@request=ID, FILE@generation=ID or FILE@trace=tN (ids match in full or by a prefix \
            of 4 or more characters), or the options --left-user ID, --right-request ID, and so on.

            flowtrace diff FILE --failing compares every failing trace of FILE with the healthy \
            trace of the same flow that is closest to it.

            Each line is reduced to its step (tags and message with ids, numbers, quoted strings, \
            times and durations masked); steps are aligned with a sequence diff. The report leads \
            with the first divergence, then the aligned flows (side by side, or --unified), then \
            the counts and each side's rule findings. A matched step whose time since the previous \
            step differs at least 10 times and by at least 1 s is a divergence too.

            Exit codes: 0 the flows match step for step (with --failing: no failing trace), \
            1 they diverge (a failing trace was found), 2 input or usage error.
            """
    )

    @Argument(help: "LEFT and RIGHT (files, optionally FILE@field=value), or one FILE with --failing.")
    var inputs: [String] = []

    @Flag(help: "Compare every failing trace of FILE with its closest healthy trace of the same flow.")
    var failing = false

    @Option(help: "Choose the left trace by trace id (t3).") var leftTrace: String?
    @Option(help: "Choose the left trace by user id.") var leftUser: String?
    @Option(help: "Choose the left trace by request id.") var leftRequest: String?
    @Option(help: "Choose the left trace by generation id.") var leftGeneration: String?
    @Option(help: "Choose the right trace by trace id (t3).") var rightTrace: String?
    @Option(help: "Choose the right trace by user id.") var rightUser: String?
    @Option(help: "Choose the right trace by request id.") var rightRequest: String?
    @Option(help: "Choose the right trace by generation id.") var rightGeneration: String?

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    /// The report formats of `diff` (its own: `scan`'s formats are not diffs).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Flag(help: "With the text format, one column (-, +, ~ rows) instead of side by side.")
    var unified = false

    @Option(name: [.customShort("C"), .long], help: "Show only N matching steps around each divergence.")
    var context: Int?

    @Option(help: "Colour: auto (only on a terminal, honouring NO_COLOR), always, or never.")
    var color: ColorChoice = .auto

    @OptionGroup var pipeline: PipelineOptions

    @OptionGroup var ruleSelection: RuleSelection

    mutating func validate() throws {
        if failing {
            guard inputs.count == 1 else { throw ValidationError("--failing takes exactly one FILE") }
            guard selectors(left: true) == [] && selectors(left: false) == [] else {
                throw ValidationError("--failing chooses the traces itself; drop the --left-*/--right-* options")
            }
        } else if inputs.count != 2 {
            throw ValidationError("name two flows to compare (LEFT RIGHT), or one FILE with --failing")
        }
        if let context, context < 0 { throw ValidationError("-C takes a number of steps, 0 or more") }
    }

    func run() throws {
        let options = try pipeline.scanOptions()
        let loader = FlowLoader(options: options, ruleSet: try ruleSelection.ruleSet())
        let output = OutputSink(descriptor: 1)
        let renderer = DiffTextRenderer(width: TerminalWidth.columns(of: 1), unified: unified, context: context,
                                        palette: Palette(enabled: color.isEnabled(for: output)))
        var inputErrors: [FlowTraceError] = []
        let diverged = failing
            ? try compareFailing(loader: loader, renderer: renderer, output: output, inputErrors: &inputErrors)
            : try compareTwo(loader: loader, renderer: renderer, output: output, inputErrors: &inputErrors)
        try output.flush()
        // As scan: what was read is compared and shown, and the exit code says an input failed.
        for error in inputErrors {
            FileHandleOutput.standardError("flowtrace: error: \(TerminalText.sanitize(error.description))\n")
        }
        if !inputErrors.isEmpty { throw ExitCode(ExitStatus.inputOrUsageError) }
        if diverged { throw ExitCode(ExitStatus.findings) }
    }

    private func compareTwo(loader: FlowLoader, renderer: DiffTextRenderer, output: OutputSink,
                            inputErrors: inout [FlowTraceError]) throws -> Bool {
        var picker = FlowPicker(loader: loader)
        let (left, right) = try picker.pick(left: side(inputs[0], left: true), right: side(inputs[1], left: false))
        inputErrors = picker.inputErrors
        for note in picker.notes { FileHandleOutput.standardError("flowtrace: note: \(TerminalText.sanitize(note))\n") }
        let diff = FlowDiff(left: left, right: right)
        try write(diff, renderer: renderer, output: output)
        return !diff.matches
    }

    private func compareFailing(loader: FlowLoader, renderer: DiffTextRenderer, output: OutputSink,
                                inputErrors: inout [FlowTraceError]) throws -> Bool {
        let finder = BaselineFinder()
        let end = try loader.forEachTrace(path: inputs[0]) { finder.add($0) }
        let name = end.name
        inputErrors = [end.inputError].compactMap { $0 }
        let results = finder.results()
        for result in results {
            if let diff = result.diff {
                try write(diff, renderer: renderer, output: output)
            } else {
                try output.writeRecord(format == .jsonl ? DiffJSONRenderer.unmatched(result.failing)
                    : renderer.unmatched(result.failing))
            }
        }
        if format == .text {
            let compared = results.filter { $0.diff != nil }.count
            try output.writeRecord(renderer.failingSummary(file: name, compared: compared,
                                                           unmatched: results.count - compared,
                                                           dropped: finder.failingDropped))
        }
        if finder.failingDropped > 0 {
            FileHandleOutput.standardError("flowtrace: warning: \(finder.failingDropped) more failing traces were not "
                + "compared (the first \(BaselineFinder.maxFailing) were)\n")
        }
        return !results.isEmpty
    }

    private func write(_ diff: FlowDiff, renderer: DiffTextRenderer, output: OutputSink) throws {
        switch format {
        case .text: try output.writeRecord(renderer.render(diff))
        case .jsonl: for record in DiffJSONRenderer.records(diff) { try output.writeRecord(record) }
        }
    }

    /// The path and selector of one side, from `FILE@field=value` or the side's options.
    private func side(_ argument: String, left: Bool) throws -> FlowPicker.Side {
        let (path, inline) = TraceSelector.split(argument)
        let options = selectors(left: left)
        if options.count > 1 || (inline != nil && !options.isEmpty) {
            throw FlowTraceError(.usage, "choose the \(left ? "left" : "right") trace with one selector",
                                 hint: "e.g. \(path)@user=ID, or one --\(left ? "left" : "right")-* option")
        }
        return FlowPicker.Side(path: path, selector: inline ?? options.first)
    }

    private func selectors(left: Bool) -> [TraceSelector] {
        let values: [(TraceSelector.Field, String?)] = left
            ? [(.trace, leftTrace), (.user, leftUser), (.request, leftRequest), (.generation, leftGeneration)]
            : [(.trace, rightTrace), (.user, rightUser), (.request, rightRequest), (.generation, rightGeneration)]
        return values.compactMap { field, value in value.map { TraceSelector(field, $0) } }
    }
}
