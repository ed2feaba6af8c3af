import Foundation

/// Judges closed traces with the rules and reports them in the order they closed, either on a
/// thread of its own, so that rule evaluation overlaps correlation, or on the submitting (the
/// correlating) thread, which saves the handoff where there is no core to overlap on (see
/// ``JudgingPlacement``). On its own thread, the queue between the stages is bounded.
final class JudgingStage: @unchecked Sendable {
    /// What the stage counted, read after ``finish()``.
    struct Tally {
        var traces = 0
        var findings = 0
        var tracesWithErrors = 0
        var tracesWithWarnings = 0
        /// CPU time spent judging and reporting: the judging thread's, or on the submitting
        /// thread, what the calls took when the stage was asked to measure it (0 otherwise).
        var cpuNanoseconds: UInt64 = 0
    }

    private let judge: (Trace) -> [Finding]
    /// Where the submitting thread puts the judged traces it releases.
    private let pool: TracePool
    private let report: (Trace, [Finding]) throws -> Void
    /// Whether it judges on a thread of its own (else in ``submit(_:)``).
    private let hasOwnThread: Bool
    /// On the submitting thread: whether to add up the CPU time of judging (two clock reads per trace).
    private let measuresCPU: Bool
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Trace] = []
    /// Judged traces, for the submitting thread to release (see ``submit(_:)``).
    private var retired: [Trace] = []
    /// The submitting thread's own: the retired traces it releases after unlocking (or, judging
    /// on that thread, the last one judged, whose caller still held it).
    private var releasing: [Trace] = []
    private var finished = false
    private var done = false
    private var failure: Error?
    private var tally = Tally()
    private var judgeWaits = false
    private var submitterWaits = false
    static let capacity = 256
    /// The judging thread is woken once this many traces wait (or on ``flush()``): waking it for
    /// every trace costs the correlating thread a system call per trace.
    static let wakeBatch = 32

    /// `ownThread: false` judges each trace in ``submit(_:)``; `measuresCPU` then sums the CPU
    /// time that takes into the tally.
    init(judge: @escaping (Trace) -> [Finding], pool: TracePool, ownThread: Bool, measuresCPU: Bool = false,
         report: @escaping (Trace, [Finding]) throws -> Void) {
        self.judge = judge
        self.pool = pool
        self.report = report
        hasOwnThread = ownThread
        self.measuresCPU = measuresCPU
        guard ownThread else { return }
        let thread = Thread { [self] in
            work()
        }
        thread.stackSize = 1 << 20
        thread.name = "flowtrace-judge"
        thread.start()
    }

    /// Hands a closed trace over (on its own thread, waits while the queue is full), or judges
    /// and reports it at once. Returns the reporting error, if reporting failed (the caller
    /// should stop).
    ///
    /// Releases the traces judged since the last call (or gives them to the pool), here rather
    /// than on the judging thread: the correlating thread allocated their memory, and freeing it
    /// from another thread contends for that thread's malloc arena lock.
    func submit(_ trace: Trace) -> Error? {
        guard hasOwnThread else {
            releaseJudged()
            return judgeHere(trace)
        }
        defer { releaseJudged() }
        condition.lock()
        if !retired.isEmpty {
            releasing.append(contentsOf: retired)
            retired.removeAll(keepingCapacity: true)
        }
        while queue.count >= JudgingStage.capacity && failure == nil {
            submitterWaits = true
            condition.wait()
        }
        var wakesJudge = false
        if failure == nil {
            queue.append(trace)
            wakesJudge = judgeWaits && queue.count >= JudgingStage.wakeBatch
            if wakesJudge { judgeWaits = false }
        }
        let failure = self.failure
        condition.unlock()
        // After unlocking, so that the woken thread does not block on the lock at once.
        if wakesJudge { condition.broadcast() }
        return failure
    }

    /// Gives the traces in `releasing` to the pool (or lets them go).
    private func releaseJudged() {
        while var judged = releasing.popLast() { pool.give(&judged) }
    }

    /// Judges and reports `trace` on the calling thread, unless reporting failed before.
    private func judgeHere(_ trace: Trace) -> Error? {
        guard failure == nil else { return failure }
        let start = measuresCPU ? CPUClock.thread : 0
        failure = judgeAndReport(trace, counting: &tally)
        if measuresCPU { tally.cpuNanoseconds += CPUClock.thread - start }
        // Given to the pool at the next call: the caller still holds it now.
        releasing.append(trace)
        return failure
    }

    /// Judges `trace`, counts it in `tally` and reports it; returns the reporting error.
    private func judgeAndReport(_ trace: Trace, counting tally: inout Tally) -> Error? {
        let findings = judge(trace)
        tally.traces += 1
        tally.findings += findings.count
        let status = trace.status
        if status == .error { tally.tracesWithErrors += 1 }
        if status == .warning { tally.tracesWithWarnings += 1 }
        do {
            try report(trace, findings)
            return nil
        } catch {
            return error
        }
    }

    /// Wakes the judging thread for the traces waiting, however few (a live input stalled).
    func flush() {
        guard hasOwnThread else { return }
        condition.lock()
        defer { condition.unlock() }
        if !queue.isEmpty {
            judgeWaits = false
            condition.broadcast()
        }
    }

    /// The reporting error so far, if any.
    var error: Error? {
        guard hasOwnThread else { return failure }
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Waits until every submitted trace was judged and reported; returns the tally.
    func finish() throws -> Tally {
        guard hasOwnThread else {
            if let failure { throw failure }
            return tally
        }
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
        while !done { condition.wait() }
        if let failure { throw failure }
        return tally
    }

    private func work() {
        /// The traces being judged; swapped with `queue`, so both keep their storage.
        var batch: [Trace] = []
        while true {
            condition.lock()
            while queue.isEmpty && !finished {
                judgeWaits = true
                condition.wait()
            }
            if queue.isEmpty {
                tally.cpuNanoseconds = CPUClock.thread
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            swap(&batch, &queue)
            let failed = failure != nil
            let wakesSubmitter = submitterWaits.takeAndClear()
            condition.unlock()
            if wakesSubmitter { condition.broadcast() }
            guard !failed else {
                batch.removeAll(keepingCapacity: true)
                continue
            }
            var counted = Tally()
            var reportError: Error?
            for trace in batch {
                reportError = judgeAndReport(trace, counting: &counted)
                if reportError != nil { break }
            }
            condition.lock()
            tally.traces += counted.traces
            tally.findings += counted.findings
            tally.tracesWithErrors += counted.tracesWithErrors
            tally.tracesWithWarnings += counted.tracesWithWarnings
            if let reportError, failure == nil { failure = reportError }
            retired.append(contentsOf: batch)
            // Under the lock, so that the retired traces' only references are the submitter's.
            batch.removeAll(keepingCapacity: true)
            condition.unlock()
        }
    }
}
