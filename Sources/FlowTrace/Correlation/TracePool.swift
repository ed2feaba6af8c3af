/// Closed traces kept for the correlator to reuse: a new trace's storage (room for a few dozen
/// events and their text) takes several allocations to make and as many to free, for every
/// request. Bounded, and only traces no one else references are kept. Used on one thread, the
/// correlating one, which is also where judged traces are released (``JudgingStage``).
final class TracePool {
    /// At most this many spare traces: as many as the judging queue holds, since judged traces
    /// come back in batches of up to that many (with 64, 3,176 of 7,000 new traces on 30 MB were
    /// allocated anew: the pool overflowed, then ran dry).
    static let capacity = JudgingStage.capacity
    private var spare: [Trace] = []
    /// How many spare traces it holds.
    var spareCount: Int { spare.count }

    init() {
        spare.reserveCapacity(TracePool.capacity)
    }

    /// A new, empty trace numbered `number`: a spare one if there is any.
    func take(number: Int) -> Trace {
        guard let trace = spare.popLast() else { return Trace(number: number) }
        trace.reuse(as: number)
        return trace
    }

    /// Keeps `trace` for reuse if it is the only reference to it and not too big, else lets it go.
    func give(_ trace: inout Trace) {
        guard spare.count < TracePool.capacity, isKnownUniquelyReferenced(&trace), trace.isWorthReusing else { return }
        spare.append(trace)
    }
}
