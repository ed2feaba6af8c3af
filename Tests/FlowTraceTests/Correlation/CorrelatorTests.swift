import Testing
@testable import FlowTrace

private let userA = "22cb3917-57f6-49c6-ac96-ec266570081b"
private let userB = "5a0f9c1e-8d2b-4f7a-9e3c-1b2d3e4f5a6b"
private let generationA = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"
private let requestA = "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c"

private func lines(of trace: Trace) -> [Int] { trace.lineNumbers }

private func trace(of user: String, in traces: [Trace]) -> Trace? {
    traces.first { $0.userText == user }
}

@Suite struct CorrelatorTests {
    /// Two generation requests interleave the asyncio way; the DATABASE lines carry no id and the
    /// response lines of the two requests' `select on users` calls name the user in the URL.
    @Test func idLessLinesJoinTheRunTheyStandIn() {
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA),
            SyntheticEvent(2, "👤 [USER_REPO] Getting user by ID: \(userA)", tags: ["USER_REPO"], user: userA),
            SyntheticEvent(3, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"], table: "users", operation: .select),
            SyntheticEvent(4, "🔍 [GENERATION] Starting credit check for user \(userB)", tags: ["GENERATION"], user: userB),
            SyntheticEvent(5, "👤 [USER_REPO] Getting user by ID: \(userB)", tags: ["USER_REPO"], user: userB),
            SyntheticEvent(6, "🔓 [DATABASE] Using ANON client for select on users", tags: ["DATABASE"], table: "users", operation: .select),
            SyntheticEvent(7, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userA) \"HTTP/2 200 OK\"",
                           user: userA, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
            SyntheticEvent(8, "✅ [DATABASE] SELECT result for users: 1 rows", tags: ["DATABASE"], status: .ok, table: "users", operation: .select, rows: 1),
            SyntheticEvent(9, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userB) \"HTTP/2 200 OK\"",
                           user: userB, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
            SyntheticEvent(10, "✅ [DATABASE] SELECT result for users: 0 rows", tags: ["DATABASE"], status: .ok, table: "users", operation: .select, rows: 0),
            SyntheticEvent(11, "❌ [USER_REPO] Query result for user \(userB): False", tags: ["USER_REPO"], user: userB, status: .error),
            SyntheticEvent(12, "✅ [USER_REPO] User found in database for ID \(userA)", tags: ["USER_REPO"], user: userA, status: .ok),
        ])
        #expect(traces.count == 2)
        #expect(trace(of: userA, in: traces).map(lines) == [1, 2, 3, 7, 8, 12])
        #expect(trace(of: userB, in: traces).map(lines) == [4, 5, 6, 9, 10, 11])
        #expect(trace(of: userB, in: traces)?.status == .error)
        #expect(trace(of: userA, in: traces)?.status == .ok)
    }

    /// The response line names no entity and both requests await an insert on the same table:
    /// the run stays pending until a line in it names the user.
    @Test func ambiguousResponseIsResolvedByTheFirstLineNamingAnEntity() {
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "💳 [GENERATION] Starting credit deduction for user \(userA)", tags: ["GENERATION"], user: userA),
            SyntheticEvent(2, "🔑 [DATABASE] Using SERVICE client for insert on credit_transactions", tags: ["DATABASE"], table: "credit_transactions", operation: .insert),
            SyntheticEvent(3, "💳 [GENERATION] Starting credit deduction for user \(userB)", tags: ["GENERATION"], user: userB),
            SyntheticEvent(4, "🔑 [DATABASE] Using SERVICE client for insert on credit_transactions", tags: ["DATABASE"], table: "credit_transactions", operation: .insert),
            SyntheticEvent(5, "HTTP Request: POST https://x.supabase.co/rest/v1/credit_transactions \"HTTP/2 201 Created\"",
                           kind: .httpCall, table: "credit_transactions", operation: .insert, httpStatus: 201),
            SyntheticEvent(6, "✅ [DATABASE] INSERT result for credit_transactions: 1 rows", tags: ["DATABASE"], status: .ok, rows: 1),
            SyntheticEvent(7, "✅ [CREDIT_TX] Transaction recorded for user \(userB)", tags: ["CREDIT_TX"], user: userB, status: .ok),
            SyntheticEvent(8, "HTTP Request: POST https://x.supabase.co/rest/v1/credit_transactions \"HTTP/2 201 Created\"",
                           kind: .httpCall, table: "credit_transactions", operation: .insert, httpStatus: 201),
            SyntheticEvent(9, "✅ [DATABASE] INSERT result for credit_transactions: 1 rows", tags: ["DATABASE"], status: .ok, rows: 1),
        ])
        #expect(trace(of: userB, in: traces).map(lines) == [3, 4, 5, 6, 7])
        // Only A still awaits an insert, so the second response is A's without any entity.
        #expect(trace(of: userA, in: traces).map(lines) == [1, 2, 8, 9])
    }

    /// One user's two requests: the first awaits a select on `users`, the second (the current
    /// run) an insert on `generations`. The select's response names the user; it is the first
    /// request's, not the run's, although both traces are that user's.
    @Test func aUsersResponseGoesToTheRequestAwaitingIt() {
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA),
            SyntheticEvent(2, "👤 [USER_REPO] Getting user by ID: \(userA)", tags: ["USER_REPO"], user: userA),
            SyntheticEvent(3, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"], table: "users", operation: .select),
            SyntheticEvent(4, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA),
            SyntheticEvent(5, "🔑 [DATABASE] Using SERVICE client for insert on generations", tags: ["DATABASE"], table: "generations", operation: .insert),
            SyntheticEvent(6, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userA) \"HTTP/2 200 OK\"",
                           user: userA, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
            SyntheticEvent(7, "✅ [DATABASE] SELECT result for users: 1 rows", tags: ["DATABASE"], status: .ok, table: "users", operation: .select, rows: 1),
            SyntheticEvent(8, "HTTP Request: POST https://x.supabase.co/rest/v1/generations \"HTTP/2 201 Created\"",
                           kind: .httpCall, table: "generations", operation: .insert, httpStatus: 201),
        ])
        #expect(traces.map(lines).sorted { $0.first ?? 0 < $1.first ?? 0 } == [[1, 2, 3, 6, 7], [4, 5, 8]])
    }

    /// One user's two generations await the same insert. The response says nothing of whose it
    /// is; the deduction's amount does: the run is the request that required 50 credits, although
    /// the other has waited longer.
    @Test func aUsersTwoRequestsAreToldApartByTheirAmount() {
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "🔍 [GENERATION] Starting credit check for user \(userA), credits_required: 300", tags: ["GENERATION"],
                           user: userA, amount: 300),
            SyntheticEvent(2, "🔑 [DATABASE] Using SERVICE client for insert on generations", tags: ["DATABASE"], table: "generations", operation: .insert),
            SyntheticEvent(3, "🔍 [GENERATION] Starting credit check for user \(userA), credits_required: 50", tags: ["GENERATION"],
                           user: userA, amount: 50),
            SyntheticEvent(4, "🔑 [DATABASE] Using SERVICE client for insert on generations", tags: ["DATABASE"], table: "generations", operation: .insert),
            SyntheticEvent(5, "HTTP Request: POST https://x.supabase.co/rest/v1/generations \"HTTP/2 201 Created\"",
                           kind: .httpCall, table: "generations", operation: .insert, httpStatus: 201),
            SyntheticEvent(6, "✅ [GENERATION] Generation record created for user \(userA)", tags: ["GENERATION"], user: userA, status: .ok),
            SyntheticEvent(7, "💳 [CREDIT-SERVICE] Atomic credit deduction for user \(userA), amount: 50", tags: ["CREDIT-SERVICE"],
                           user: userA, amount: 50),
            SyntheticEvent(8, "HTTP Request: POST https://x.supabase.co/rest/v1/generations \"HTTP/2 201 Created\"",
                           kind: .httpCall, table: "generations", operation: .insert, httpStatus: 201),
            SyntheticEvent(9, "💳 [CREDIT-SERVICE] Atomic credit deduction for user \(userA), amount: 300", tags: ["CREDIT-SERVICE"],
                           user: userA, amount: 300),
        ])
        #expect(traces.map(lines).sorted { $0.first ?? 0 < $1.first ?? 0 } == [[1, 2, 8, 9], [3, 4, 5, 6, 7]])
    }

    /// Seed 000: the balance request for a user succeeds; then the same user's generation calls
    /// the same service method, which must not open a third trace nor join the balance trace.
    @Test func nestedFlowStartJoinsTheEnclosingGeneration() {
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "💳 [USER_SERVICE] Getting credits for user \(userA)", tags: ["USER_SERVICE"], user: userA, seconds: 0),
            SyntheticEvent(2, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"], table: "users", operation: .select, seconds: 0),
            SyntheticEvent(3, "✅ [USER_SERVICE] Successfully retrieved 1200 credits for user \(userA)", tags: ["USER_SERVICE"], user: userA, status: .ok, seconds: 1),
            SyntheticEvent(4, "INFO: 10.0.0.7:51234 - \"GET /api/v1/credits/balance HTTP/1.1\" 200 OK",
                           kind: .access, method: .get, path: "/api/v1/credits/balance", httpStatus: 200, seconds: 1),
            SyntheticEvent(5, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA, seconds: 5),
            SyntheticEvent(6, "💳 [USER_SERVICE] Getting credits for user \(userA)", tags: ["USER_SERVICE"], user: userA, seconds: 5),
            SyntheticEvent(7, "🔓 [DATABASE] Using ANON client for select on users", tags: ["DATABASE"], table: "users", operation: .select, seconds: 5),
            SyntheticEvent(8, "❌ [USER_REPO] Query result for user \(userA): False", tags: ["USER_REPO"], user: userA, status: .error, seconds: 6),
            SyntheticEvent(9, "INFO: 10.0.0.7:51240 - \"POST /api/v1/generations HTTP/1.1\" 400 Bad Request",
                           kind: .access, method: .post, path: "/api/v1/generations", httpStatus: 400, seconds: 6),
        ])
        #expect(traces.map(lines) == [[1, 2, 3, 4], [5, 6, 7, 8, 9]])
        #expect(traces.map(\.status) == [.ok, .error])
        #expect(traces.map(\.closeReason) == [.ended, .ended])
    }

    @Test func requestIdsWinAndRequestEndCloses() {
        var closedBeforeEnd: [Int] = []
        let harness = CorrelationHarness()
        harness.feed([
            SyntheticEvent(1, "[\(requestA)] POST /api/v1/generations - Started", request: requestA, kind: .requestStart,
                           method: .post, path: "/api/v1/generations"),
            SyntheticEvent(2, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA),
            SyntheticEvent(3, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"], table: "users", operation: .select),
            SyntheticEvent(4, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userA) \"HTTP/2 200 OK\"",
                           user: userA, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
            SyntheticEvent(5, "❌ [USER_REPO] Query result for user \(userA): False", tags: ["USER_REPO"], user: userA, status: .error),
        ])
        closedBeforeEnd = harness.traces.map(\.number)
        harness.feed([
            SyntheticEvent(6, "[\(requestA)] POST /api/v1/generations - 400 - 812ms", request: requestA, kind: .requestEnd,
                           method: .post, path: "/api/v1/generations", httpStatus: 400),
        ])
        #expect(closedBeforeEnd.isEmpty)
        // The access line that usually follows a request-end line still joins the trace.
        harness.feed([
            SyntheticEvent(7, "INFO: 10.0.0.7:51234 - \"POST /api/v1/generations HTTP/1.1\" 400",
                           kind: .access, method: .post, path: "/api/v1/generations", httpStatus: 400),
        ])
        #expect(harness.traces.count == 1)
        let trace = harness.traces[0]
        #expect(trace.lineNumbers == [1, 2, 3, 4, 5, 6, 7])
        #expect(trace.closeReason == .ended)
        #expect(trace.requestText == requestA)
        #expect(trace.userText == userA)
        #expect(trace.status == .error)
        #expect(harness.correlator.config.flows[trace.flowIndex!].id == "generation")
    }

    /// A request's end line arriving while its trace's body still awaits a database call means the
    /// head was guessed wrong: the trace stays open, so the rest of that body is not orphaned.
    @Test func aTraceStillAwaitingACallOutlivesItsEndLine() {
        let harness = CorrelationHarness()
        harness.feed([
            SyntheticEvent(1, "[\(requestA)] POST /api/v1/generations - Started", request: requestA, kind: .requestStart,
                           method: .post, path: "/api/v1/generations"),
            SyntheticEvent(2, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA),
            SyntheticEvent(3, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"], table: "users", operation: .select),
            SyntheticEvent(4, "[\(requestA)] POST /api/v1/generations - 201 - 300ms", request: requestA, kind: .requestEnd,
                           method: .post, path: "/api/v1/generations", httpStatus: 201),
            SyntheticEvent(5, "INFO: 10.0.0.7:51234 - \"POST /api/v1/generations HTTP/1.1\" 201",
                           kind: .access, method: .post, path: "/api/v1/generations", httpStatus: 201),
        ])
        #expect(harness.traces.isEmpty)
        harness.feed([
            SyntheticEvent(6, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userA) \"HTTP/2 200 OK\"",
                           user: userA, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
        ])
        harness.correlator.finish()
        #expect(harness.traces.map(\.lineNumbers) == [[1, 2, 3, 4, 5, 6]])
    }

    @Test func backgroundWorkAfterTheResponseLinksToTheClosedTrace() {
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "💳 [GENERATION] Starting credit deduction for user \(userA), generation \(generationA)",
                           tags: ["GENERATION"], user: userA, generation: generationA),
            SyntheticEvent(2, "✅ [GENERATION] Generation completed \(generationA)", tags: ["GENERATION"], generation: generationA, status: .ok),
            SyntheticEvent(3, "🔍 [GENERATION] Starting credit check for user \(userB)", tags: ["GENERATION"], user: userB),
            SyntheticEvent(4, "🔍 [WORKER] Uploading result of generation \(generationA)", tags: ["WORKER"], generation: generationA),
        ])
        #expect(traces.count == 3)
        let first = traces[0]
        #expect(first.lineNumbers == [1, 2])
        #expect(first.closeReason == .ended)
        let background = traces.first { $0.lineNumbers == [4] }
        #expect(background?.linkedTo == first.id)
    }

    @Test func idleTracesCloseByLogTimeAndOpenTracesStayBounded() {
        let harness = CorrelationHarness()
        harness.feed([SyntheticEvent(1, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA, seconds: 0)])
        // 600 lines of another user three minutes later: past the 2-minute idle window and a sweep.
        harness.feed((2...601).map { line in
            SyntheticEvent(line, "🔍 [USER_REPO] Checking user \(userB)", tags: ["USER_REPO"], user: userB, seconds: 180)
        })
        #expect(harness.traces.first?.userText == userA)
        #expect(harness.traces.first?.closeReason == .idle)

        var config = try! CorrelationConfig.builtin()
        config.maxOpenTraces = 100
        var closed = 0
        var peak = 0
        let correlator = Correlator(config: config) { _ in closed += 1 }
        for line in 1...5000 {
            let user = "00000000-0000-4000-8000-\(String(line, radix: 10).leftPadded(to: 12))"
            let item = SyntheticEvent(line, "🔍 [GENERATION] Starting credit check for user \(user)", tags: ["GENERATION"], user: user)
            item.text.withUnsafeBytes { correlator.ingest(item.event, text: $0) }
            peak = max(peak, correlator.openTraceCount)
        }
        #expect(peak <= 100)
        correlator.finish()
        #expect(closed == 5000)
    }

    @Test func wallClockIdleClosesTracesOfAStalledStream() {
        let harness = CorrelationHarness()
        harness.correlator.advanceWallClock(to: 1_000_000_000)
        harness.feed([SyntheticEvent(1, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA)])
        harness.correlator.advanceWallClock(to: 5_000_000_000)
        harness.correlator.closeIdle(olderThan: 10_000_000_000)
        #expect(harness.traces.isEmpty)
        harness.correlator.advanceWallClock(to: 12_000_000_000)
        harness.correlator.closeIdle(olderThan: 10_000_000_000)
        #expect(harness.traces.map(\.lineNumbers) == [[1]])
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
