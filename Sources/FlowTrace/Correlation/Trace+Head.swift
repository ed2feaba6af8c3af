/// The *head* of a request-tracked trace: its lines before its first awaited response (the
/// request-tracking start line, authentication). When several new requests await the same kind of
/// response, which head a response continues is a guess; the request's end line can prove it wrong,
/// and then two traces exchange heads.
extension Trace {
    /// Whether the trace is a head still waiting for its first response: opened by a
    /// request-tracking line, no user known yet.
    var isFreshHead: Bool { awaitsFlowStart && user == nil && headCount == nil }

    /// Whether the body (the lines after the head) could be a request about `generation`: it names
    /// that generation, or none at all.
    func bodyMayServe(generation: EntityKey) -> Bool {
        var namesAny = false
        for index in (headCount ?? events.count)..<events.count {
            guard let named = events[index].generation?.key else { continue }
            if named == generation { return true }
            namesAny = true
        }
        return !namesAny
    }

    /// Swaps heads (events, request id, endpoint and the flow the endpoint named) with `other`.
    func exchangeHead(with other: Trace) {
        var scratch = (DetachedEvents(), DetachedEvents())
        exchangeHead(with: other, scratch: &scratch)
    }

    /// Swaps heads with `other`, moving them through `scratch` (whose buffers are reused). Each
    /// head must come before the other's body (``headsPrecedeBodies(with:)``).
    func exchangeHead(with other: Trace, scratch: inout (DetachedEvents, DetachedEvents)) {
        precondition(headsPrecedeBodies(with: other), "a head must come before the body it joins")
        // A head still waiting for its first response is all head.
        let ownCount = headCount ?? events.count
        let otherCount = other.headCount ?? other.events.count
        detachHead(ownCount, into: &scratch.0)
        other.detachHead(otherCount, into: &scratch.1)
        installHead(scratch.1, replacing: ownCount)
        other.installHead(scratch.0, replacing: otherCount)
        // The body decides whether the trace still waits for its first response.
        let (ownNewCount, otherNewCount) = (headCount.map { _ in otherCount }, other.headCount.map { _ in ownCount })
        setHeadCount(ownNewCount, recounting: false)
        other.setHeadCount(otherNewCount, recounting: false)
        swap(&request, &other.request)
        swap(&requestEntityText, &other.requestEntityText)
        swap(&endpoint, &other.endpoint)
        swap(&awaitsRequestEnd, &other.awaitsRequestEnd)
        swap(&flowIndex, &other.flowIndex)
    }

    /// Whether each trace's head comes before the other's body, so that the two can exchange
    /// heads: a request's head always comes before its body.
    func headsPrecedeBodies(with other: Trace) -> Bool {
        let ownCount = headCount ?? events.count
        let otherCount = other.headCount ?? other.events.count
        return precedesBody(other, headCount: otherCount, from: ownCount)
            && other.precedesBody(self, headCount: ownCount, from: otherCount)
    }

    /// Whether the lines of `other`'s head (its first `headCount` events) all come before this
    /// trace's events from `index` on.
    private func precedesBody(_ other: Trace, headCount: Int, from index: Int) -> Bool {
        guard headCount > 0, index < events.count else { return true }
        return other.events[headCount - 1].lineNumber < events[index].lineNumber
    }

}
