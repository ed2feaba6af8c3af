import Testing
@testable import FlowTrace

/// Exchanging the heads of two request-tracked traces keeps every event with its own text.
@Suite struct TraceHeadTests {
    private func trace(_ number: Int, _ lines: [(Int, String)], headCount: Int?) -> Trace {
        let trace = Trace(number: number)
        for (line, message) in lines {
            let item = SyntheticEvent(line, message)
            item.text.withUnsafeBytes { trace.append(item.event, text: $0) }
        }
        trace.setHeadCount(headCount)
        return trace
    }

    private func messages(_ trace: Trace) -> [String] {
        trace.events.map { trace.string($0.message) }
    }

    @Test func headsThatPrecedeTheBodiesAreSwapped() {
        let first = trace(1, [(1, "start A"), (2, "auth A"), (10, "body of B, long message"), (11, "end")], headCount: 2)
        let second = trace(2, [(3, "start B"), (4, "auth B with more text"), (12, "body of A")], headCount: 2)
        first.exchangeHead(with: second)
        #expect(first.lineNumbers == [3, 4, 10, 11])
        #expect(messages(first) == ["start B", "auth B with more text", "body of B, long message", "end"])
        #expect(second.lineNumbers == [1, 2, 12])
        #expect(messages(second) == ["start A", "auth A", "body of A"])
    }

    @Test func aHeadStillWaitingIsAllHead() {
        let waiting = trace(1, [(1, "start waiting"), (2, "auth waiting")], headCount: nil)
        let busy = trace(2, [(3, "start busy"), (5, "body line"), (30, "body end")], headCount: 1)
        waiting.exchangeHead(with: busy)
        #expect(waiting.lineNumbers == [3])
        #expect(waiting.headCount == nil)
        #expect(busy.lineNumbers == [1, 2, 5, 30])
        #expect(messages(busy) == ["start waiting", "auth waiting", "body line", "body end"])
        #expect(busy.headCount == 2)
    }

    /// A head logged after another trace's body began cannot be that body's request's head, in
    /// either direction of the exchange.
    @Test func aHeadAfterABodyCannotJoinIt() {
        let late = trace(1, [(20, "start late"), (21, "auth late")], headCount: nil)
        let busy = trace(2, [(1, "start early"), (5, "body line"), (30, "body end")], headCount: 1)
        #expect(!late.headsPrecedeBodies(with: busy))
        #expect(!busy.headsPrecedeBodies(with: late))
        let early = trace(3, [(2, "start"), (3, "auth")], headCount: nil)
        #expect(early.headsPrecedeBodies(with: busy) && busy.headsPrecedeBodies(with: early))
    }

    /// A trace sums up its head and its body apart (so that an exchange reads neither body again):
    /// after exchanges, its outcome is that of its events in order.
    @Test func outcomeAfterExchangesIsThatOfTheEvents() {
        func event(_ line: Int, _ message: String, level: Level = .info, kind: EventKind = .log,
                   httpStatus: UInt16 = 0) -> SyntheticEvent {
            SyntheticEvent(line, message, kind: kind, level: level, httpStatus: httpStatus, seconds: Int64(line))
        }
        func build(_ number: Int, _ events: [SyntheticEvent], headCount: Int?) -> Trace {
            let trace = Trace(number: number)
            for item in events { item.text.withUnsafeBytes { trace.append(item.event, text: $0) } }
            trace.setHeadCount(headCount)
            return trace
        }
        func expectOutcomeMatchesEvents(_ trace: Trace) {
            let fresh = Trace(number: 99)
            trace.withText { text in
                for event in trace.events { fresh.append(event, text: text) }
            }
            #expect(trace.worstLine == fresh.worstLine)
            #expect(trace.responseStatus == fresh.responseStatus)
            #expect(trace.firstTime == fresh.firstTime)
            #expect(trace.lastTime == fresh.lastTime)
            #expect(trace.status == fresh.status)
        }
        let failing = build(1, [event(1, "start A", level: .warning), event(2, "auth A"),
                                event(10, "body of B"), event(11, "end B", kind: .requestEnd, httpStatus: 201)],
                            headCount: 2)
        let healthy = build(2, [event(3, "start B"), event(4, "auth B", level: .error),
                                event(12, "end A", kind: .requestEnd, httpStatus: 500)], headCount: 2)
        failing.exchangeHead(with: healthy)
        expectOutcomeMatchesEvents(failing)
        expectOutcomeMatchesEvents(healthy)
        #expect(failing.worstLine == .error)
        #expect(healthy.status == .error)
        let waiting = build(3, [event(5, "start C", level: .warning), event(6, "auth C")], headCount: nil)
        waiting.exchangeHead(with: failing)
        expectOutcomeMatchesEvents(waiting)
        expectOutcomeMatchesEvents(failing)
    }
}
