import Testing
@testable import FlowTrace

private let userA = "22cb3917-57f6-49c6-ac96-ec266570081b"
private let userB = "5a0f9c1e-8d2b-4f7a-9e3c-1b2d3e4f5a6b"
private let requestA = "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c"
private let requestB = "7d3e9f1a-2b4c-4d6e-8f0a-1b3c5d7e9f2a"

/// An explicit request id wins: every line that names request R ends in R's trace, also when the
/// heads of guessed requests are exchanged after R's end line came (audit H1).
@Suite struct RequestIdWinsTests: GenerationRequestLines {
    /// Audit H1 (`xreq2.log`): two requests start, one body runs, then both end. Request bbbb's end
    /// line came to its trace while the body there still looked at work; aaaa's end line then
    /// exchanged heads with that trace, and bbbb's end line stayed behind under aaaa's id, while
    /// bbbb's trace waited for an end line until the input ended.
    @Test func h1EachEndLineStaysWithItsRequest() {
        let log = LogTextCorrelation("""
            2025-08-02 07:00:00,000 - middleware.request_logging - INFO - [aaaaaaaa-0000-4000-8000-000000000001] POST /api/v1/generations - Started
            2025-08-02 07:00:00,006 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/generations - Started
            2025-08-02 07:00:00,018 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/auth/v1/user "HTTP/2 200 OK"
            2025-08-02 07:00:00,024 - routers.generations - INFO - 🚀 [GENERATION] Create request from user 22cb3917-57f6-49c6-ac96-ec266570081b
            2025-08-02 07:00:00,141 - database - INFO - 🔍 [DATABASE] Executing SELECT query on users
            2025-08-02 07:00:00,468 - httpx - INFO - HTTP Request: POST https://xyz.supabase.co/rest/v1/generations "HTTP/2 201 Created"
            2025-08-02 07:00:00,501 - httpx - INFO - HTTP Request: PATCH https://xyz.supabase.co/rest/v1/users "HTTP/2 200 OK"
            2025-08-02 07:00:00,561 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/generations - 201 - 120ms
            2025-08-02 07:00:00,645 - middleware.request_logging - INFO - [aaaaaaaa-0000-4000-8000-000000000001] POST /api/v1/generations - 201 - 120ms
            """)
        let aaaa = log.trace(ofRequest: "aaaaaaaa-0000-4000-8000-000000000001")
        let bbbb = log.trace(ofRequest: "bbbbbbbb-0000-4000-8000-000000000002")
        #expect(aaaa?.lineNumbers.contains(1) == true && aaaa?.lineNumbers.contains(9) == true)
        #expect(bbbb?.lineNumbers.contains(2) == true && bbbb?.lineNumbers.contains(8) == true)
        #expect(aaaa?.closeReason == .ended)
        #expect(bbbb?.closeReason == .ended)
        #expect(log.lineGroups.flatMap { $0 }.sorted() == Array(1...9))
    }

    private func ended(_ line: Int, _ request: String) -> SyntheticEvent {
        SyntheticEvent(line, "[\(request)] POST /api/v1/generations - 201 - 40ms", request: request, kind: .requestEnd,
                       method: .post, path: "/api/v1/generations", httpStatus: 201)
    }

    private func lookup(_ line: Int, _ user: String) -> [SyntheticEvent] {
        [SyntheticEvent(line, "👤 [USER_REPO] Getting user by ID: \(user)", tags: ["USER_REPO"], user: user),
         SyntheticEvent(line + 1, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"],
                        table: "users", operation: .select)]
    }

    /// The guessed heads of A and B hold each other's bodies. B's end line comes while both bodies
    /// are at work, so it joins B's trace (user A's body). User A's body then finishes, and A's end
    /// line exchanges the heads: B's end line goes with B's head, not with the body it came to.
    @Test func anEndLineGoesWithItsHeadWhenHeadsAreExchanged() {
        let harness = CorrelationHarness()
        harness.feed([started(1, requestA), validating(2), started(3, requestB), validating(4), authResponse(5)]
            + authenticated(6, userB) + [authResponse(8)] + authenticated(9, userA)
            + lookup(11, userB) + lookup(13, userA) + [
                ended(15, requestB),
                SyntheticEvent(16, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userA) \"HTTP/2 200 OK\"",
                               user: userA, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
                SyntheticEvent(17, "✅ [DATABASE] SELECT result for users: 1 rows", tags: ["DATABASE"], status: .ok,
                               table: "users", operation: .select, rows: 1),
                SyntheticEvent(18, "✅ [USER_REPO] User found in database for ID \(userA)", tags: ["USER_REPO"], user: userA,
                               status: .ok),
                ended(19, requestA),
            ])
        harness.correlator.finish()
        let traceA = harness.traces.first { $0.requestText == requestA }
        let traceB = harness.traces.first { $0.requestText == requestB }
        #expect(traceB?.lineNumbers == [3, 4, 5, 6, 7, 11, 12, 15])
        #expect(traceB?.userText == userB)
        #expect(traceA?.lineNumbers == [1, 2, 8, 9, 10, 13, 14, 16, 17, 18, 19])
        #expect(traceA?.userText == userA)
    }

    /// Two requests await an insert on the same table and the response names neither. The run it
    /// begins is held; B's end line comes next, in that run: the run was B's. (A guard: the end
    /// line's trace took the held run before too, but only after its head was verified without it;
    /// now the run is B's before the verification looks at B's body.)
    @Test func anEndLineResolvesTheHeldRunOfItsRequest() {
        let insert = "🔑 [DATABASE] Using SERVICE client for insert on credit_transactions"
        let traces = CorrelationHarness().run([started(1, requestA), validating(2), authResponse(3)] + authenticated(4, userA) + [
            SyntheticEvent(6, insert, tags: ["DATABASE"], table: "credit_transactions", operation: .insert),
            started(7, requestB), validating(8), authResponse(9),
        ] + authenticated(10, userB) + [
            SyntheticEvent(12, insert, tags: ["DATABASE"], table: "credit_transactions", operation: .insert),
            SyntheticEvent(13, "HTTP Request: POST https://x.supabase.co/rest/v1/credit_transactions \"HTTP/2 201 Created\"",
                           kind: .httpCall, table: "credit_transactions", operation: .insert, httpStatus: 201),
            SyntheticEvent(14, "✅ [DATABASE] INSERT result for credit_transactions: 1 rows", tags: ["DATABASE"], status: .ok,
                           rows: 1),
            ended(15, requestB),
        ])
        #expect(traces.first { $0.requestText == requestB }?.lineNumbers == [7, 8, 9, 10, 11, 12, 13, 14, 15])
        #expect(traces.first { $0.requestText == requestA }?.lineNumbers == [1, 2, 3, 4, 5, 6])
    }
}
