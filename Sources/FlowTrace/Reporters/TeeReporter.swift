/// Sends everything to several reporters: `--output FILE` writes the chosen format to the file
/// while the human report still goes to the terminal.
public final class TeeReporter: Reporter {
    private let reporters: [Reporter]

    public init(_ reporters: [Reporter]) {
        self.reporters = reporters
    }

    public func report(_ trace: TraceReport) throws {
        for reporter in reporters { try reporter.report(trace) }
    }

    public func report(_ summary: ScanSummary) throws {
        for reporter in reporters { try reporter.report(summary) }
    }

    public func finish() throws {
        for reporter in reporters { try reporter.finish() }
    }
}
