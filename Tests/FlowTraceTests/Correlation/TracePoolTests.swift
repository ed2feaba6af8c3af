import Testing
@testable import FlowTrace

/// A reused trace is a new trace: no property of the request it held survives.
@Suite struct TracePoolTests {
    /// Every stored property of `trace`, by name, as text (storage capacity aside).
    private func properties(_ trace: Trace) -> [String: String] {
        var result: [String: String] = [:]
        for child in Mirror(reflecting: trace).children {
            guard let label = child.label else { continue }
            result[label] = String(describing: child.value)
        }
        return result
    }

    /// A trace with every property changed from its initial value.
    private func usedTrace() -> Trace {
        let trace = Trace(number: 7)
        let user = "22cb3917-57f6-49c6-ac96-ec266570081b"
        // An untagged response, then two tagged lines: the step of the first is hashed when
        // asked for, the step of the second waits to be.
        for (line, message) in [(2, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(user) \"HTTP/2 200 OK\""),
                                (3, "🔍 [GENERATION] Starting credit check for user \(user)"),
                                (4, "💳 [GENERATION] Credits checked for user \(user)")] {
            let tagged = line > 2
            let item = SyntheticEvent(line, message, tags: tagged ? ["GENERATION"] : [], user: user,
                                      kind: tagged ? .log : .httpCall, level: .warning,
                                      method: tagged ? .none : .get, path: tagged ? nil : "/rest/v1/users",
                                      httpStatus: tagged ? 0 : 200, seconds: Int64(line))
            item.text.withUnsafeBytes { text in
                trace.append(item.event, text: text)
                trace.noteLastStep(tagKey: tagged ? TagList.key(of: "GENERATION") : nil, event: item.event, text: text)
                if line == 2 { trace.endpoint = RequestEndpoint(item.event, text: text) }
            }
            if line == 2 { trace.endHead() }
            if line == 3 { _ = trace.lastStepKey }
        }
        let key = EntityKey(user)
        trace.flowIndex = 1
        trace.user = key
        trace.request = key
        trace.generations = [key]
        trace.amount = 10
        Array(user.utf8).withUnsafeBytes { bytes in
            trace.userEntityText = EntityText(bytes)
            trace.requestEntityText = EntityText(bytes)
            trace.generationEntityText = EntityText(bytes)
        }
        trace.linkedNumber = 3
        trace.closeReason = .idle
        trace.lastActivityNanoseconds = 99
        trace.newer = Unmanaged.passUnretained(trace)
        trace.older = Unmanaged.passUnretained(trace)
        trace.pendingOperation = (key, .select)
        trace.pendingSinceLine = 4
        trace.hasEnded = true
        trace.awaitsRequestEnd = true
        trace.busyAtEnd = true
        trace.awaitsFlowStart = true
        trace.headRivals = [2]
        trace.headWasGuessed = true
        trace.namedAsRivalBy = [5]
        trace.eventsWithoutText = 1
        return trace
    }

    @Test func aReusedTraceEqualsANewOne() {
        let used = usedTrace()
        let fresh = properties(Trace(number: 8))
        let before = properties(used)
        // Every property the test can see was changed, so that reuse is checked for each.
        for (label, value) in fresh where label != "text" {
            #expect(before[label] != value, "the used trace leaves \(label) as new")
        }
        used.reuse(as: 8)
        let after = properties(used)
        #expect(Set(after.keys) == Set(fresh.keys))
        for (label, value) in fresh where label != "text" {
            #expect(after[label] == value, "\(label) survived reuse")
        }
        #expect(used.withText(\.count) == 0)
    }

    @Test func keepsOnlyTracesNoOneElseHolds() {
        let pool = TracePool()
        var held = Trace(number: 1)
        let holder = held
        pool.give(&held)
        #expect(pool.take(number: 2) !== holder)

        var alone = Trace(number: 3)
        let identity = ObjectIdentifier(alone)
        pool.give(&alone)
        let reused = pool.take(number: 4)
        #expect(ObjectIdentifier(reused) == identity)
        #expect(reused.number == 4)
    }

    @Test func keepsAtMostItsCapacity() {
        let pool = TracePool()
        for number in 1...(TracePool.capacity + 6) {
            var trace = Trace(number: number)
            pool.give(&trace)
        }
        #expect(pool.spareCount == TracePool.capacity)
        _ = pool.take(number: 1)
        #expect(pool.spareCount == TracePool.capacity - 1)
    }

    /// A trace that grew large gives its memory back rather than wait in the pool.
    @Test func letsGoOfTracesThatGrewLarge() {
        let pool = TracePool()
        var large = Trace(number: 1)
        let item = SyntheticEvent(1, "🔍 [GENERATION] Starting credit check", tags: ["GENERATION"])
        item.text.withUnsafeBytes { text in
            for _ in 0..<200 { large.append(item.event, text: text) }
        }
        pool.give(&large)
        #expect(pool.spareCount == 0)
        withExtendedLifetime(large) {
            #expect(pool.take(number: 2) !== large)
        }
    }
}
