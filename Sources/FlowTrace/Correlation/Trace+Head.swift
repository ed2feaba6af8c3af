/// The *head* of a request-tracked trace: its lines before its first awaited response (the
/// request-tracking start line, authentication). When several new requests await the same kind of
/// response, which head a response continues is a guess; the request's end line can prove it wrong,
/// and then two traces exchange heads.
extension Trace {
    /// Whether the trace is a head still waiting for its first response: opened by a
    /// request-tracking line, no user known yet.
    var isFreshHead: Bool { awaitsFlowStart && user == nil && headCount == nil }

    /// Swaps heads (events, request id, endpoint and the flow the endpoint named) with `other`.
    func exchangeHead(with other: Trace) {
        guard let ownCount = headCount, let otherCount = other.headCount else { return }
        let ownHead = head(count: ownCount)
        let otherHead = other.head(count: otherCount)
        replaceHead(count: ownCount, with: otherHead)
        other.replaceHead(count: otherCount, with: ownHead)
        headCount = otherCount
        other.headCount = ownCount
        swap(&request, &other.request)
        swap(&requestText, &other.requestText)
        swap(&endpoint, &other.endpoint)
        swap(&flowIndex, &other.flowIndex)
    }

    private func head(count: Int) -> [(Event, [UInt8])] {
        (0..<count).map(detachedEvent(at:))
    }

    private func replaceHead(count: Int, with head: [(Event, [UInt8])]) {
        let body = (count..<events.count).map(detachedEvent(at:))
        let lastActivity = lastLine
        removeAllEvents()
        for (event, text) in (head + body).sorted(by: { $0.0.lineNumber < $1.0.lineNumber }) {
            text.withUnsafeBytes { append(event, text: $0) }
        }
        lastLine = max(lastActivity, lastLine)
    }
}
