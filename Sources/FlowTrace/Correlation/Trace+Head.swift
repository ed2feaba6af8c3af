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

    /// Whether a line of the body other than the request's end line names the trace's request (a
    /// log that writes the request id on every line): the body is proven to be that request's.
    var bodyNamesItsRequest: Bool {
        guard let request, let headCount else { return false }
        return events.withUnsafeBufferPointer { events in
            events[headCount...].contains { $0.request?.key == request && $0.kind != .requestEnd }
        }
    }

    /// Whether its last line is a request-end or access line: nothing of its body came after its end.
    var endsWithItsEnd: Bool {
        !events.isEmpty && (events[events.count - 1].kind == .requestEnd || events[events.count - 1].kind == .access)
    }

    /// Swaps heads (events, request id, endpoint and the flow the endpoint named) with `other`.
    func exchangeHead(with other: Trace) {
        var scratch = (DetachedEvents(), DetachedEvents())
        exchangeHead(with: other, scratch: &scratch)
    }

    /// Swaps heads with `other`, moving them through `scratch` (whose buffers are reused). Each
    /// head must come before the other's body (``headsPrecedeBodies(with:)``). A request's end line
    /// that came to the other body goes with its head (``takeEndLines(from:scratch:)``).
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
        takeEndLines(from: other, scratch: &scratch.0)
        other.takeEndLines(from: self, scratch: &scratch.1)
    }

    /// Moves the end line of its request (and the server's access line right after it) that
    /// `other`'s body holds into its own lines, in line order: a request's end line came to the
    /// body its head was with then. Only a request whose end line came (it no longer
    /// ``awaitsRequestEnd``, a flag that goes with the head) has one to take.
    private func takeEndLines(from other: Trace, scratch: inout DetachedEvents) {
        guard !awaitsRequestEnd, let request, let start = other.headCount else { return }
        let found = other.events.withUnsafeBufferPointer { events in
            var found: [Int] = []
            var index = start
            while index < events.count {
                if events[index].kind == .requestEnd, events[index].request?.key == request {
                    found.append(index)
                    if index + 1 < events.count, events[index + 1].kind == .access {
                        found.append(index + 1)
                        index += 1
                    }
                }
                index += 1
            }
            return found
        }
        guard let last = found.last else { return }
        // Moved in place: the lines that stay keep their places and text.
        let givesItsLastLine = last == other.events.count - 1
        other.removeEvents(at: found, into: &scratch)
        other.setHeadCount(other.headCount)
        if givesItsLastLine { other.noteMovedLines() }
        receive(scratch)
    }

    /// Puts `moved` (events with their own text, in line order) among its events in line order. It
    /// goes on from its own last line and step: what it received ended another body.
    private func receive(_ moved: DetachedEvents) {
        let (ownLast, count) = (lastLine, headCount)
        if let first = moved.events.first?.lineNumber, events.isEmpty || events[events.count - 1].lineNumber < first {
            moved.text.withUnsafeBytes { text in
                for index in moved.events.indices {
                    var event = moved.events[index]
                    let span = moved.spans[index]
                    event.rebase(by: -Int(span.start))
                    append(event, text: UnsafeRawBufferPointer(rebasing: text[Int(span.start)..<span.end]))
                }
            }
        } else {
            insertEvents(moved)
            setHeadCount(count)
        }
        lastLine = ownLast
    }

    /// Notes its last line and step anew, after lines moved in or out.
    private func noteMovedLines() {
        guard !events.isEmpty else { return }
        let last = events[events.count - 1]
        lastLine = last.lineNumber
        withText { text in
            let keys = last.tags.keys(in: text)
            noteLastStep(tagKey: last.kind == .httpCall || keys.isEmpty ? nil : keys[0], event: last, text: text)
        }
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
