import Foundation

/// Judges closed traces with the rules and reports them on a thread of its own, so that rule
/// evaluation overlaps correlation. Traces arrive in the order they closed and are reported in
/// that order; the queue between the stages is bounded.
final class JudgingStage: @unchecked Sendable {
    /// What the stage counted, read after ``finish()``.
    struct Tally {
        var traces = 0
        var findings = 0
        var tracesWithErrors = 0
        var tracesWithWarnings = 0
        /// CPU time the judging thread used.
        var cpuNanoseconds: UInt64 = 0
    }

    private let judge: (Trace) -> [Finding]
    /// Where the submitting thread puts the judged traces it releases.
    private let pool: TracePool
    private let report: (Trace, [Finding]) throws -> Void
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Trace] = []
    /// Judged traces, for the submitting thread to release (see ``submit(_:)``).
    private var retired: [Trace] = []
    /// The submitting thread's own: the retired traces it releases after unlocking.
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

    init(judge: @escaping (Trace) -> [Finding], pool: TracePool,
         report: @escaping (Trace, [Finding]) throws -> Void) {
        self.judge = judge
        self.pool = pool
        self.report = report
        let thread = Thread { [self] in
            work()
        }
        thread.stackSize = 1 << 20
        thread.name = "flowtrace-judge"
        thread.start()
    }

    /// Hands a closed trace over; waits while the queue is full. Returns the reporting error,
    /// if reporting failed (the caller should stop).
    ///
    /// Releases the traces judged since the last call (or gives them to the pool), here rather
    /// than on the judging thread: the correlating thread allocated their memory, and freeing it
    /// from another thread contends for that thread's malloc arena lock.
    func submit(_ trace: Trace) -> Error? {
        defer {
            while var judged = releasing.popLast() { pool.give(&judged) }
        }
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

    /// Wakes the judging thread for the traces waiting, however few (a live input stalled).
    func flush() {
        condition.lock()
        defer { condition.unlock() }
        if !queue.isEmpty {
            judgeWaits = false
            condition.broadcast()
        }
    }

    /// The reporting error so far, if any.
    var error: Error? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Waits until every submitted trace was judged and reported; returns the tally.
    func finish() throws -> Tally {
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
                let findings = judge(trace)
                counted.traces += 1
                counted.findings += findings.count
                if trace.status == .error { counted.tracesWithErrors += 1 }
                if trace.status == .warning { counted.tracesWithWarnings += 1 }
                do {
                    try report(trace, findings)
                } catch {
                    reportError = error
                    break
                }
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
