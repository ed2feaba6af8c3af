/// The open traces ordered by their last line, newest first: a doubly linked list threaded through
/// the traces, so that "the traces active in the last few seconds" costs what it returns, not the
/// number of open traces. The links are unmanaged (the correlator's `open` table owns the traces,
/// and unlinks a trace before it closes): walking and relinking retain nothing.
struct ActivityList {
    private var newest: Unmanaged<Trace>?
    private var oldest: Unmanaged<Trace>?

    /// Puts `trace` first (it just received a line).
    mutating func touch(_ trace: Trace) {
        let node = Unmanaged.passUnretained(trace)
        if newest?.toOpaque() == node.toOpaque() { return }
        remove(trace)
        trace.older = newest
        newest?._withUnsafeGuaranteedRef { $0.newer = node }
        newest = node
        if oldest == nil { oldest = node }
    }

    mutating func remove(_ trace: Trace) {
        let node = Unmanaged.passUnretained(trace).toOpaque()
        if let newer = trace.newer {
            newer._withUnsafeGuaranteedRef { $0.older = trace.older }
        } else if newest?.toOpaque() == node {
            newest = trace.older
        }
        if let older = trace.older {
            older._withUnsafeGuaranteedRef { $0.newer = trace.newer }
        } else if oldest?.toOpaque() == node {
            oldest = trace.newer
        }
        trace.newer = nil
        trace.older = nil
    }

    /// Calls `body` for traces from the newest, while it returns true.
    func walkFromNewest(_ body: (Trace) -> Bool) {
        var node = newest
        while let current = node {
            guard current._withUnsafeGuaranteedRef(body) else { return }
            node = current._withUnsafeGuaranteedRef { $0.older }
        }
    }

    /// Calls `body` for traces from the oldest, while it returns true.
    func walkFromOldest(_ body: (Trace) -> Bool) {
        var node = oldest
        while let current = node {
            guard current._withUnsafeGuaranteedRef(body) else { return }
            node = current._withUnsafeGuaranteedRef { $0.newer }
        }
    }
}
