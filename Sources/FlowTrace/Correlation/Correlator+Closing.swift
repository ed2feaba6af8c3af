/// Closing traces: at their end, when idle, when too many are open, and at end of input.
extension Correlator {
    /// How many lines pass between two sweeps for idle traces.
    static let sweepInterval = 512
    /// The most memory open traces may hold (checked at each sweep): with the rest of a scan,
    /// under 100 MB however many requests are open at once.
    static let openTraceMemoryBudget = 40 << 20

    /// Sets the coarse wall clock that stamps trace activity (for ``closeIdle(olderThan:)``).
    public func advanceWallClock(to nanoseconds: UInt64) {
        wallClockNanoseconds = nanoseconds
    }

    /// Closes traces that saw no line for `idle` nanoseconds of wall-clock time, and traces that
    /// already reached their end step. For live streams (`tail -f`) whose input has stalled.
    public func closeIdle(olderThan idle: UInt64) {
        resolvePendingRun(preferring: nil)
        let limit = wallClockNanoseconds > idle ? wallClockNanoseconds - idle : 0
        for number in open.sortedNumbers {
            guard let trace = open[number] else { continue }
            if trace.hasEnded {
                close(number, reason: .ended)
            } else if trace.lastActivityNanoseconds < limit {
                close(number, reason: .idle)
            }
        }
    }

    func sweepIfDue() {
        linesSinceSweep += 1
        guard linesSinceSweep >= Correlator.sweepInterval else { return }
        sweep()
    }

    /// Before an event joins a trace, when its log time (`eventTime`) is a sixteenth of the idle window past the
    /// last such check, closes the traces idle by log time (the current run's too): so a trace
    /// closes before a line that comes a window after it could join it, however few lines came
    /// in between (the regular sweep comes every ``sweepInterval`` lines).
    @inline(__always)
    func sweepIfLogTimeAdvanced(_ eventTime: LogTime?) {
        guard let time = eventTime else { return }
        if let last = lastSweepTime, last.hasDate == time.hasDate,
           time.milliseconds - last.milliseconds < config.idleWindowMilliseconds / 16 { return }
        closeIdleByLogTime(at: time)
    }

    private func closeIdleByLogTime(at time: LogTime) {
        let isFirst = lastSweepTime?.hasDate != time.hasDate
        lastSweepTime = time
        guard !isFirst else { return }
        var idle: [Int] = []
        open.forEach { trace in
            if !trace.hasEnded && !trace.busyAtEnd && isIdleByLogTime(trace) { idle.append(trace.number) }
        }
        for number in idle.sorted() { close(number, reason: .idle) }
    }

    /// Closes the idle traces, splits the overlong ones and keeps open traces within
    /// ``openTraceMemoryBudget``.
    private func sweep() {
        linesSinceSweep = 0
        var idle: [Int] = []
        var overlong: [Int] = []
        var footprint = 0
        open.forEach { trace in
            if trace.number != run && isIdle(trace) {
                idle.append(trace.number)
            } else {
                footprint += trace.footprint
                if trace.events.count >= Trace.maxEvents { overlong.append(trace.number) }
            }
        }
        for number in idle.sorted() { close(number, reason: open[number]!.hasEnded ? .ended : .idle) }
        for number in overlong.sorted() { splitOff(number) }
        if footprint > Correlator.openTraceMemoryBudget { evictToFit(footprint) }
    }

    /// Reports the lines of the overlong trace `number` as a closed part of its own, which links to
    /// it; the trace goes on, empty.
    private func splitOff(_ number: Int) {
        open.borrow(number) { splitOff($0) }
    }

    /// Reports the lines of the open trace `trace` as a closed part of its own (too many lines, or
    /// too much text: see ``Trace/maxEvents`` and ``Trace/maxTextBytes``); it goes on, empty.
    func splitOff(_ trace: Trace) {
        let part = trace.splitOffEvents(as: nextNumber)
        nextNumber += 1
        part.closeReason = .split
        tracesClosed += 1
        sink(part)
    }

    /// Closes the least recently active traces until the open ones hold `footprint` bytes, less
    /// what was closed, no more than seven eighths of the budget.
    private func evictToFit(_ footprint: Int) {
        var excess = footprint - Correlator.openTraceMemoryBudget / 8 * 7
        var oldest: [Int] = []
        activity.walkFromOldest { trace in
            oldest.append(trace.number)
            excess -= trace.footprint
            return excess > 0
        }
        for number in oldest { close(number, reason: .evicted) }
    }

    private func isIdle(_ trace: Trace) -> Bool {
        if trace.hasEnded {
            // One waiting for its request's end line waits as long as a response can take.
            let window = waitsForRequestEnd(trace) ? Correlator.awaitWindowLines : Correlator.sweepInterval
            return latestLine - trace.lastLine > window
        }
        // A request that ended while its body looked at work waits for that body only as long
        // as a response can take (``awaitWindowLines``).
        if trace.busyAtEnd { return latestLine - trace.lastLine > Correlator.awaitWindowLines }
        return latestLine - trace.lastLine > config.idleLines || isIdleByLogTime(trace)
    }

    /// Whether the latest log time is more than the idle window after `trace`'s last line's.
    private func isIdleByLogTime(_ trace: Trace) -> Bool {
        guard let last = trace.lastTime, let now = latestTime, last.hasDate == now.hasDate else { return false }
        return now.milliseconds - last.milliseconds > config.idleWindowMilliseconds
    }

    /// Closes the least recently active sixteenth of the open traces (at least one).
    func evictLeastRecentlyActive() {
        let count = max(1, open.count / 16)
        var oldest: [Int] = []
        activity.walkFromOldest { trace in
            oldest.append(trace.number)
            return oldest.count < count
        }
        for number in oldest { close(number, reason: .evicted) }
    }

    /// Removes trace `number` from every index and hands it to the sink.
    func close(_ number: Int, reason: TraceCloseReason) {
        guard let trace = open.remove(number) else { return }
        trace.closeReason = reason
        activity.remove(trace)
        if let request = trace.request, byRequest[request] == number { byRequest[request] = nil }
        for generation in trace.generations where byGeneration[generation] == number {
            byGeneration[generation] = nil
            rememberClosedGeneration(generation, trace: number)
        }
        if let user = trace.user {
            byUser[user]?.removeOccurrence(of: number)
            if byUser[user]?.isEmpty == true { byUser[user] = nil }
        }
        if trace.pendingOperation != nil { awaiting.removeOccurrence(of: number) }
        if !trace.headRivals.isEmpty { guessedHeads.removeAll { $0 == number } }
        pending.removeCandidate(number)
        if run == number { run = nil }
        tracesClosed += 1
        sink(trace)
    }

    private func rememberClosedGeneration(_ generation: EntityKey, trace: Int) {
        if closedGenerations.count >= Correlator.closedGenerationMemory, !closedGenerationOrder.isEmpty {
            let forgotten = closedGenerationOrder.count / 2
            for key in closedGenerationOrder.prefix(forgotten) { closedGenerations[key] = nil }
            closedGenerationOrder.removeFirst(forgotten)
        }
        closedGenerations[generation] = trace
        closedGenerationOrder.append(generation)
    }
}
