import ArgumentParser
import FlowTrace

/// `flowtrace check`: run regression fixtures (logs with expectation files) and say which pass.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check regression fixtures: each log must produce exactly the findings its NAME.expect.yaml lists.",
        discussion: """
            A fixture is a *.log, *.log.gz, *.jsonl or *.jsonl.gz file (gzip detected by content) with \
            NAME.expect.yaml beside it listing the findings it must produce (rule, entities, optional \
            count and evidence lines) or `findings: []`. A fixture without an expectation file fails. \
            The report ends with the line `N passed, N failed`. To add a fixture: drop the log in, run \
            `flowtrace check --update DIR`, review the diff, commit.

            Exit codes: 0 all passed, 1 a fixture failed, 2 usage or input error (no fixtures, a missing folder, \
            --output naming a fixture's file, --update on a log that cannot be opened).
            """
    )

    @Argument(help: "Folders searched recursively for fixtures, or fixture files.")
    var paths: [String]

    @Flag(help: "Write (or rewrite) every fixture's expectation file from its current findings instead of checking.")
    var update = false

    @Option(help: "Report format: text, or junit (JUnit XML, a test case per fixture; the human report then goes to standard error unless --output is given).")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Write the report in --format to FILE (text without colour); the human report still goes to the terminal.", valueName: "FILE"))
    var output: String?

    @Option(help: "Colour: auto (only on a terminal, honouring NO_COLOR), always, or never.")
    var color: ColorChoice = .auto

    @OptionGroup var ruleSelection: RuleSelection

    mutating func validate() throws {
        if paths.isEmpty { throw ValidationError("name the fixture folders, e.g. flowtrace check Samples/regressions") }
        if update && (format != .text || output != nil) { throw ValidationError("--update writes expectation files; it takes no --format or --output") }
    }

    func run() throws {
        let fixtures = try Fixture.discover(in: paths)
        if let output {
            let files = fixtures.flatMap {
                [OutputClash.Use("the fixture log", $0.logPath), OutputClash.Use("the expectation file", $0.expectationPath)]
            }
            try OutputClash.check(.init("--output", output), against: files)
        }
        let runner = FixtureRunner(options: try ScanOptions.builtin(), ruleSet: try ruleSelection.ruleSet())
        let report = try CheckReport(format: format, outputPath: output, color: color)
        do {
            if update { return try write(fixtures, runner: runner, human: report.human) }
            for fixture in fixtures { try report.add(try runner.check(fixture)) }
            try report.finish()
        } catch is OutputSink.Closed {
            // The reader went away (`| head`): stop, with the code for the fixtures checked so far.
        }
        if report.failed > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// `--update`: refuses fixtures whose log cannot be opened, then writes every expectation file.
    private func write(_ fixtures: [Fixture], runner: FixtureRunner, human: OutputSink) throws {
        for fixture in fixtures { try fixture.requireOpenableLog() }
        var written = 0
        for fixture in fixtures where try runner.update(fixture) {
            written += 1
            try human.writeRecord("wrote \(TerminalText.sanitize(RawPath.display(fixture.expectationPath)))")
        }
        try human.writeRecord("\(written) written, \(fixtures.count - written) unchanged")
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, junit
}
