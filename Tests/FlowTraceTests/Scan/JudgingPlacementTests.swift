import Foundation
import Testing
@testable import FlowTrace

/// Judging on its own thread or on the correlating thread reports the same, in the same order,
/// and stops the same way when reporting fails.
@Suite struct JudgingPlacementTests {
    /// Records what each trace report says, and on which thread it came; fails on the `failingAt`th report.
    final class RecordingReporter: Reporter {
        struct ReportingFailed: Error {}
        private(set) var records: [String] = []
        private(set) var reportThreads: Set<ObjectIdentifier> = []
        let failingAt: Int?

        init(failingAt: Int? = nil) { self.failingAt = failingAt }

        func report(_ report: TraceReport) throws {
            reportThreads.insert(ObjectIdentifier(Thread.current))
            let findings = report.findings.map { "\($0.rule)@\($0.lines): \($0.message)" }
            records.append("\(report.trace.id) \(report.trace.lineNumbers) \(report.trace.status) \(findings)")
            if records.count == failingAt { throw ReportingFailed() }
        }
        func report(_ summary: ScanSummary) throws {}
        func finish() throws {}
    }

    private static let samples = ["interleaved/multi-user.log", "failures/deduction-without-transaction.log",
                                  "failures/service-key-rejected.log", "incident-000/failing-flow.log"]

    private func scan(_ sample: String, _ placement: JudgingPlacement, reporter: RecordingReporter) throws -> ScanSummary {
        var options = try ScanOptions.builtin()
        options.judging = placement
        let engine = RuleEngine(ruleSet: try RuleSet.builtin())
        let scanner = Scanner(options: options, reporter: reporter, judge: engine.judge)
        return try scanner.scan(path: BinaryRunner.sample(sample))
    }

    @Test func automaticJudgesOnItsOwnThreadFromThreeCores() {
        #expect(!JudgingPlacement.automatic.usesOwnThread(cores: 1))
        #expect(!JudgingPlacement.automatic.usesOwnThread(cores: 2))
        #expect(JudgingPlacement.automatic.usesOwnThread(cores: 3))
        #expect(JudgingPlacement.ownThread.usesOwnThread(cores: 1))
        #expect(!JudgingPlacement.correlatingThread.usesOwnThread(cores: 8))
    }

    @Test(arguments: samples)
    func bothPlacementsReportTheSame(sample: String) throws {
        let own = RecordingReporter()
        let here = RecordingReporter()
        let ownSummary = try scan(sample, .ownThread, reporter: own)
        let hereSummary = try scan(sample, .correlatingThread, reporter: here)
        #expect(!own.records.isEmpty)
        #expect(own.records == here.records)
        #expect(ownSummary.traces == own.records.count)
        #expect(hereSummary.traces == here.records.count)
        #expect(ownSummary.findings == hereSummary.findings)
        #expect(ownSummary.tracesWithErrors == hereSummary.tracesWithErrors)
        #expect(ownSummary.tracesWithWarnings == hereSummary.tracesWithWarnings)
        // Each placement reported where it says: one other thread, or the scanning one.
        let scanningThread = ObjectIdentifier(Thread.current)
        #expect(here.reportThreads == [scanningThread])
        #expect(own.reportThreads.count == 1 && !own.reportThreads.contains(scanningThread))
    }

    /// The cores counted are the ones the process may run on, as `nproc` counts them (which
    /// reads the CPU affinity, as under `taskset -c 0 swift test`).
    @Test func availableCoresAreTheOnesTheProcessMayUse() throws {
        let nproc = URL(fileURLWithPath: "/usr/bin/nproc")
        try #require(FileManager.default.isExecutableFile(atPath: nproc.path))
        let process = Process()
        process.executableURL = nproc
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "OMP_NUM_THREADS")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let counted = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(Int(counted.trimmingCharacters(in: .whitespacesAndNewlines)) == JudgingPlacement.availableCores)
    }

    /// `FLOWTRACE_JUDGING` names the placements by these words; anything else means automatic.
    @Test func theEnvironmentNamesPlacementsByWord() {
        #expect(JudgingPlacement(rawValue: "thread") == .ownThread)
        #expect(JudgingPlacement(rawValue: "correlating") == .correlatingThread)
        #expect(JudgingPlacement(rawValue: "automatic") == .automatic)
        #expect(JudgingPlacement(rawValue: "inline") == nil)
    }

    /// The built binary writes the same JSON lines whichever thread judges.
    @Test func theBinaryReportsTheSameWhicheverThreadJudges() throws {
        let arguments = ["scan", "--format", "jsonl", "--traces", BinaryRunner.sample("interleaved/multi-user.log")]
        let automatic = try BinaryRunner.run(arguments)
        #expect(automatic.records(ofType: "trace").count > 1)
        #expect(!automatic.records(ofType: "finding").isEmpty)
        for placement in ["thread", "correlating"] {
            let result = try BinaryRunner.run(arguments, environment: ["FLOWTRACE_JUDGING": placement])
            #expect(result.status == automatic.status)
            #expect(result.stdout == automatic.stdout, "FLOWTRACE_JUDGING=\(placement)")
        }
    }

    @Test func theBuiltinRulesFindSomethingInTheSamples() throws {
        var findings = 0
        for sample in Self.samples { findings += try scan(sample, .correlatingThread, reporter: RecordingReporter()).findings }
        #expect(findings > 0)
    }

    @Test(arguments: [JudgingPlacement.ownThread, .correlatingThread])
    func aFailingReportStopsTheScanWithItsError(placement: JudgingPlacement) throws {
        let reporter = RecordingReporter(failingAt: 2)
        #expect(throws: RecordingReporter.ReportingFailed.self) {
            _ = try scan("interleaved/multi-user.log", placement, reporter: reporter)
        }
        #expect(reporter.records.count == 2)
    }

    /// Judged on the submitting thread, a trace goes back to the pool at the next submission,
    /// once its caller let it go.
    @Test func judgedTracesReturnToThePool() throws {
        let pool = TracePool()
        var judged: [Int] = []
        let stage = JudgingStage(judge: { judged.append($0.number); return [] }, pool: pool, ownThread: false) { _, _ in }
        #expect(stage.submit(Trace(number: 1)) == nil)
        #expect(pool.spareCount == 0)
        #expect(stage.submit(Trace(number: 2)) == nil)
        #expect(pool.spareCount == 1)
        #expect(judged == [1, 2])
        #expect(try stage.finish().traces == 2)
    }
}
