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

    @Test func aHeadStillWaitingIsAllHeadAndHeadsAfterABodyAreMerged() {
        let waiting = trace(1, [(20, "start late"), (21, "auth late")], headCount: nil)
        let busy = trace(2, [(1, "start early"), (5, "body line"), (30, "body end")], headCount: 1)
        waiting.exchangeHead(with: busy)
        #expect(waiting.lineNumbers == [1])
        #expect(waiting.headCount == nil)
        #expect(busy.lineNumbers == [5, 20, 21, 30])
        #expect(messages(busy) == ["body line", "start late", "auth late", "body end"])
        #expect(busy.headCount == 2)
    }
}
