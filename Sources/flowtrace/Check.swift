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

            Exit codes: 0 all passed, 1 a fixture failed, 2 usage or input error (no fixtures, a missing folder).
            """
    )

    @Argument(help: "Folders searched recursively for fixtures, or fixture files.")
    var paths: [String]

    @Flag(help: "Write (or rewrite) every fixture's expectation file from its current findings instead of checking.")
    var update = false

    @Option(help: "Report format: text, or junit (JUnit XML, a test case per fixture; the human report then goes to standard error unless --output is given).")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Write the report in --format to FILE; the human report still goes to the terminal.", valueName: "FILE"))
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
        let runner = FixtureRunner(options: try ScanOptions.builtin(), ruleSet: try ruleSelection.ruleSet())
        let toStandardError = format == .junit && output == nil
        let human = OutputSink(descriptor: toStandardError ? 2 : 1)
        let palette = Palette(enabled: color.isEnabled(for: human))
        if update {
            var written = 0
            for fixture in fixtures where try runner.update(fixture) {
                written += 1
                try human.writeRecord("wrote \(TerminalText.sanitize(fixture.expectationPath))")
            }
            try human.writeRecord("\(written) written, \(fixtures.count - written) unchanged")
            return
        }
        var outcomes: [FixtureOutcome] = []
        for fixture in fixtures {
            let outcome = try runner.check(fixture)
            outcomes.append(outcome)
            human.write(outcome.text(palette: palette))
            try human.flush()
        }
        let failed = outcomes.filter { !$0.passed }.count
        try human.writeRecord("\(outcomes.count - failed) passed, \(failed) failed")
        if format == .junit {
            let sink = try output.map { try OutputSink(path: $0) } ?? OutputSink(descriptor: 1)
            let suite = JUnitReport.TestSuite(name: "flowtrace check", cases: outcomes.map(\.junitCase))
            sink.write(JUnitReport(name: "flowtrace check", suites: [suite]).xml())
            try sink.flush()
        }
        if failed > 0 { throw ExitCode(ExitStatus.findings) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, junit
}
