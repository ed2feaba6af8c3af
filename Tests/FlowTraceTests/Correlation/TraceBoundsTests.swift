import Testing
@testable import FlowTrace

/// Open traces stay within memory bounds whatever the log: an overlong trace is reported in
/// parts, too many open traces close the least recently active, and a trace idle for the window
/// closes before a later line could join it, however few lines came in between.
@Suite struct TraceBoundsTests {
    static let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    static func line(second: Int, _ message: String) -> String {
        let time = "07:\(second / 60 % 60 < 10 ? "0" : "")\(second / 60 % 60):\(second % 60 < 10 ? "0" : "")\(second % 60)"
        return "2025-08-02 \(time),000 - services.user_service - INFO - \(message)"
    }

    /// One user polling for hours, with no flow end: one trace of every line, reported in parts
    /// of at most ``Trace/maxEvents`` (plus a sweep's worth) that link to the trace that goes on.
    @Test func anOverlongTraceIsReportedInLinkedParts() {
        let count = Trace.maxEvents * 2 + 1000
        let log = (0..<count).map { index in
            Self.line(second: index / 4, "💳 [USER_REPO] Getting credits for user \(Self.user)")
        }.joined(separator: "\n")
        let result = LogTextCorrelation(log)
        let parts = result.traces.filter { $0.closeReason == .split }
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.events.count <= Trace.maxEvents + Correlator.sweepInterval })
        #expect(parts.allSatisfy { $0.userText == Self.user })
        let rest = result.traces.filter { $0.closeReason != .split }
        #expect(rest.count == 1)
        #expect(parts.allSatisfy { $0.linkedTo == rest.first?.id })
        // Every line is in exactly one part, in order.
        #expect(result.traces.sorted { $0.lineNumbers[0] < $1.lineNumbers[0] }.flatMap(\.lineNumbers)
                == Array(1...count))
    }

    /// Thousands of flows that never end, all within the idle window: the least recently active
    /// close, and the open ones never hold more than the budget (plus a sweep's worth of new ones).
    @Test func manyOpenTracesStayWithinTheMemoryBudget() {
        var largestFootprint = 0
        var evicted = 0
        var closed = 0
        let correlator = Correlator(config: try! CorrelationConfig.builtin()) { trace in
            closed += 1
            if trace.closeReason == .evicted { evicted += 1 }
        }
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let count = 6000
        for index in 0..<count {
            let user = "22cb3917-57f6-49c6-ac96-\(String(format: "%012d", index))"
            let line = Self.line(second: 0, "🔍 [GENERATION] Starting credit check for user \(user)")
            Array(line.utf8).withUnsafeBytes { raw in
                let event = parser.parse(RawLine(bytes: raw, number: index + 1, byteOffset: 0, fullLength: raw.count))
                parser.withText { correlator.ingest(event, text: $0) }
            }
            if index % 64 == 0 {
                var footprint = 0
                correlator.open.forEach { footprint += $0.footprint }
                largestFootprint = max(largestFootprint, footprint)
            }
        }
        correlator.finish()
        #expect(evicted > 0)
        #expect(closed == count)
        let newTrace = Trace(number: 0).footprint
        #expect(largestFootprint <= Correlator.openTraceMemoryBudget + Correlator.sweepInterval * newTrace)
    }

    /// Two lines, then four minutes later a third for the same user: with a two-minute window the
    /// third starts a trace of its own, although no sweep came by line count in between.
    @Test func aTraceIdleForTheWindowClosesBeforeALaterLineCanJoinIt() {
        let log = [
            Self.line(second: 0, "🔍 [GENERATION] Starting credit check for user \(Self.user), credits_required: 300"),
            Self.line(second: 0, "✅ [GENERATION] Credit check passed for user \(Self.user)"),
            Self.line(second: 240, "❌ [GENERATION] Something failed for user \(Self.user)"),
        ].joined(separator: "\n")
        let result = LogTextCorrelation(log)
        #expect(result.lineGroups == [[1, 2], [3]])
        #expect(result.trace(withLine: 1)?.closeReason == .idle)
    }
}
