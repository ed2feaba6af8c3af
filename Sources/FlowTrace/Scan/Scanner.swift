#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the whole pipeline on one input at a time: bytes → lines → events → traces → findings →
/// reporter. Each input is its own stream (own line numbers, own traces) and gets its own summary.
public final class Scanner {
    public let options: ScanOptions
    private let reporter: Reporter
    private let judge: (Trace) -> [Finding]

    /// `judge` turns a closed trace into findings (the rule engine); by default none. It runs one
    /// trace at a time, as do the reporter's trace reports, on a thread of its own or on the
    /// correlating thread (``ScanOptions/judging``).
    public init(options: ScanOptions, reporter: Reporter, judge: @escaping (Trace) -> [Finding] = { _ in [] }) {
        self.options = options
        self.reporter = reporter
        self.judge = judge
    }

    /// Scans the file at `path` (`-` for standard input) and reports it. Input errors do not
    /// throw: they end the input early and are recorded in the returned summary, after everything
    /// before them was analysed. Only a failing report output throws.
    public func scan(path: String) throws -> ScanSummary {
        let reader: LineReader
        do {
            reader = try LineReader(path: path, maxLineBytes: options.maxLineBytes)
        } catch {
            var summary = ScanSummary(file: path == "-" ? "<stdin>" : RawPath.display(path))
            summary.error = error as? FlowTraceError
                ?? FlowTraceError(.unreadableInput, "\(error)", at: .init(file: summary.file))
            try reporter.report(summary)
            return summary
        }
        return try scan(reader)
    }

    /// Scans an open reader and reports it.
    public func scan(_ reader: LineReader) throws -> ScanSummary {
        var summary = ScanSummary(file: reader.name)
        var outputError: Error?
        let flows = options.correlation.flows
        let pool = TracePool()
        let ownThread = options.judging.usesOwnThread
        let judging = JudgingStage(judge: judge, pool: pool, ownThread: ownThread,
                                   measuresCPU: options.reportsStageTimes) { [reporter] trace, findings in
            try reporter.report(TraceReport(file: reader.name, trace: trace,
                                            flow: trace.flowIndex.map { flows[$0].id }, findings: findings))
        }
        // Also when the scan stops early (the report's reader went away): the judging thread ends.
        defer { _ = try? judging.finish() }
        var bounded = (tracesSplit: 0, linesWithoutText: 0)
        let correlator = Correlator(config: options.correlation) { trace in
            if trace.closeReason == .split { bounded.tracesSplit += 1 }
            bounded.linesWithoutText += trace.eventsWithoutText
            if outputError == nil { outputError = judging.submit(trace) }
        }
        correlator.pool = pool
        let stage = ParsingStage(reader: reader, vocabulary: options.vocabulary)
        let cpuAtStart = (process: CPUClock.process, thread: CPUClock.thread)
        let idleWindow = UInt64(max(0, options.correlation.idleWindowMilliseconds)) * 1_000_000
        correlator.advanceWallClock(to: Scanner.monotonicNanoseconds())
        do {
            try stage.run(
                idleInterval: options.liveCheckInterval,
                // Lines are stamped with this clock: on a live input, each read's lines get their time.
                onBatch: { correlator.advanceWallClock(to: Scanner.monotonicNanoseconds()) },
                onIdle: {
                    correlator.advanceWallClock(to: Scanner.monotonicNanoseconds())
                    correlator.closeIdle(olderThan: idleWindow)
                    judging.flush()
                }
            ) { event, text in
                summary.count(event)
                correlator.ingest(event, text: text)
                if let outputError { throw outputError }
            }
        } catch let error as FlowTraceError {
            summary.error = error
        }
        summary.compressed = reader.isCompressed
        correlator.finish()
        if let outputError { throw outputError }
        let tally = try judging.finish()
        // Judging on this thread is counted as judging.
        let correlatingCPU = CPUClock.thread - cpuAtStart.thread - (ownThread ? 0 : tally.cpuNanoseconds)
        if options.reportsStageTimes {
            Scanner.reportStageTimes(total: CPUClock.process - cpuAtStart.process, correlating: correlatingCPU,
                                     judging: tally.cpuNanoseconds, lines: summary.linesRead)
        }
        summary.traces = tally.traces
        summary.findings = tally.findings
        summary.tracesWithErrors = tally.tracesWithErrors
        summary.tracesWithWarnings = tally.tracesWithWarnings
        summary.linesOrphaned = correlator.orphanLines
        summary.tracesSplit = bounded.tracesSplit
        summary.linesWithoutText = bounded.linesWithoutText
        try reporter.report(summary)
        return summary
    }

    /// Prints the CPU time of the stages to standard error (`FLOWTRACE_STAGE_TIMES=1`).
    private static func reportStageTimes(total: UInt64, correlating: UInt64, judging: UInt64, lines: Int) {
        func describe(_ name: String, _ nanoseconds: UInt64) -> String {
            let perLine = lines > 0 ? Int(nanoseconds) / lines : 0
            return "\(name) \(nanoseconds / 1_000_000) ms (\(perLine) ns/line)"
        }
        let readingAndParsing = total &- correlating &- judging
        let text = "flowtrace: stage CPU: " + [
            describe("read+parse", readingAndParsing), describe("correlate", correlating),
            describe("judge+report", judging), describe("total", total),
        ].joined(separator: ", ") + "\n"
        var bytes = Array(text.utf8)
        _ = write(STDERR_FILENO, &bytes, bytes.count)
    }

    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
