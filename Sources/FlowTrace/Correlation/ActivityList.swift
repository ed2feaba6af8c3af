/// The open traces ordered by their last line, newest first: a doubly linked list threaded through
/// the traces, so that "the traces active in the last few seconds" costs what it returns, not the
/// number of open traces.
struct ActivityList {
    private(set) unowned(unsafe) var newest: Trace?
    private(set) unowned(unsafe) var oldest: Trace?

    /// Puts `trace` first (it just received a line).
    mutating func touch(_ trace: Trace) {
        if newest === trace { return }
        remove(trace)
        trace.older = newest
        newest?.newer = trace
        newest = trace
        if oldest == nil { oldest = trace }
    }

    mutating func remove(_ trace: Trace) {
        if let newer = trace.newer { newer.older = trace.older } else if newest === trace { newest = trace.older }
        if let older = trace.older { older.newer = trace.newer } else if oldest === trace { oldest = trace.newer }
        trace.newer = nil
        trace.older = nil
    }

    /// Calls `body` for traces from the newest, while it returns true.
    func walkFromNewest(_ body: (Trace) -> Bool) {
        var node = newest
        while let trace = node, body(trace) { node = trace.older }
    }

    /// Calls `body` for traces from the oldest, while it returns true.
    func walkFromOldest(_ body: (Trace) -> Bool) {
        var node = oldest
        while let trace = node, body(trace) { node = trace.newer }
    }
}
