import Testing
@testable import FlowTrace

private let userA = "22cb3917-57f6-49c6-ac96-ec266570081b"
private let userB = "5a0f9c1e-8d2b-4f7a-9e3c-1b2d3e4f5a6b"
private let requestA = "0b6c8a2e-1f3d-4e5a-9b7c-2d4e6f8a0b1c"
private let requestB = "7d3e9f1a-2b4c-4d6e-8f0a-1b3c5d7e9f2a"

/// A request's end line checks the guessed head of its trace against the bodies that could have
/// just finished, and only those.
@Suite struct HeadVerificationTests: GenerationRequestLines {
    /// Two new requests, `first` then `second`, from `line` on (nine lines): each authenticates and
    /// starts a credit check, the user of the first response then the other.
    private func twoNewRequests(_ first: String, _ second: String, from line: Int,
                                users: (String, String)) -> [SyntheticEvent] {
        [started(line, first), validating(line + 1), started(line + 2, second), validating(line + 3),
         authResponse(line + 4)] + authenticated(line + 5, users.0) + [authResponse(line + 7)]
            + authenticated(line + 8, users.1)
    }

    /// The request-tracking end line of a generation request.
    private func ended(_ line: Int, _ request: String, status: UInt16) -> SyntheticEvent {
        SyntheticEvent(line, "[\(request)] POST /api/v1/generations - \(status) - 40ms", request: request,
                       kind: .requestEnd, method: .post, path: "/api/v1/generations", httpStatus: status)
    }

    /// Feeds two new requests whose first response goes to A's head but is B's (users B then A),
    /// then `rest` and A's end line with `status`; returns the trace of request A.
    private func traceOfA(after rest: [SyntheticEvent], endLine: Int, status: UInt16) -> Trace? {
        let harness = CorrelationHarness()
        harness.feed(twoNewRequests(requestA, requestB, from: 1, users: (userB, userA)) + rest
            + [ended(endLine, requestA, status: status)])
        harness.correlator.finish()
        return harness.traces.first { $0.requestText == requestA }
    }

    /// Both new requests await authentication; the first response goes to the longest waiting head
    /// (A's). When A's end line comes, B's body has just logged an HTTP response it has yet to
    /// handle: it is still at work, so the body that finished is the one A's trace holds.
    @Test func aBodyThatLastLoggedAResponseIsStillAtWork() {
        let traceA = traceOfA(after: [
            SyntheticEvent(11, "✅ [GENERATION] Credit check passed for user \(userB)", tags: ["GENERATION"], user: userB),
            SyntheticEvent(12, "👤 [USER_REPO] Getting user by ID: \(userA)", tags: ["USER_REPO"], user: userA),
            SyntheticEvent(13, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"],
                           table: "users", operation: .select),
            SyntheticEvent(14, "HTTP Request: GET https://x.supabase.co/rest/v1/users?id=eq.\(userA) \"HTTP/2 200 OK\"",
                           user: userA, kind: .httpCall, table: "users", operation: .select, httpStatus: 200),
        ], endLine: 15, status: 201)
        #expect(traceA?.userText == userB)
        #expect(traceA?.lineNumbers == [1, 2, 5, 6, 7, 11, 15])
    }

    /// A request that failed logged a warning or an error on the way: when A's end line reports a
    /// failure, the body that just finished cleanly is not A's, the one that warned is.
    @Test func aFailedRequestsBodyIsOneThatWarned() {
        let traceA = traceOfA(after: [
            SyntheticEvent(11, "⚠️ [GENERATION] Insufficient credits for user \(userA)", tags: ["GENERATION"], user: userA,
                           status: .warning, level: .warning),
            SyntheticEvent(12, "✅ [GENERATION] Credit check passed for user \(userB)", tags: ["GENERATION"], user: userB),
        ], endLine: 13, status: 400)
        #expect(traceA?.userText == userA)
        #expect(traceA?.lineNumbers == [1, 2, 8, 9, 10, 11, 13])
    }

    /// A request whose path names a generation has a body about that generation: when A's end line
    /// names generation A, the body that finished last but is about another generation is not A's.
    @Test func aRequestAboutAGenerationTakesTheBodyAboutIt() {
        let generationA = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"
        let generationB = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
        let harness = CorrelationHarness()
        harness.feed(twoNewRequests(requestA, requestB, from: 1, users: (userB, userA)) + [
                SyntheticEvent(11, "✅ [GENERATION] Generation \(generationA) status: completed for user \(userA)", tags: ["GENERATION"],
                               user: userA, generation: generationA),
                SyntheticEvent(12, "✅ [GENERATION] Generation \(generationB) status: completed for user \(userB)", tags: ["GENERATION"],
                               user: userB, generation: generationB),
                SyntheticEvent(13, "[\(requestA)] GET /api/v1/generations/\(generationA) - 200 - 12ms",
                               generation: generationA, request: requestA, kind: .requestEnd, method: .get,
                               path: "/api/v1/generations/\(generationA)", httpStatus: 200),
            ])
        harness.correlator.finish()
        let traceA = harness.traces.first { $0.requestText == requestA }
        #expect(traceA?.userText == userA)
        #expect(traceA?.lineNumbers == [1, 2, 8, 9, 10, 11, 13])
    }

    /// A request that ended while its body still awaited an operation stays open for that body,
    /// but only as long as a response can take: then it closes as idle, long before the stream's
    /// idle limit (which would keep it in every search over the open traces meanwhile).
    @Test func aBusyEndedRequestWaitsOnlyAsLongAsAResponseCanTake() {
        let harness = CorrelationHarness()
        harness.feed([started(1, requestA), validating(2), authResponse(3)] + authenticated(4, userA) + [
            SyntheticEvent(6, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"],
                           table: "users", operation: .select),
            ended(7, requestA, status: 201),
        ])
        // Another user's lines, all of one trace: a flow start on each line would open thousands
        // of traces, and the open traces' memory bound would evict request A before it idles.
        let traffic = (8..<(8 + Correlator.awaitWindowLines + 2 * Correlator.sweepInterval)).map { line in
            SyntheticEvent(line, "🔍 [USER_REPO] Checking user \(userB)", tags: ["USER_REPO"], user: userB)
        }
        harness.feed(traffic)
        let traceA = harness.traces.first { $0.requestText == requestA }
        #expect(traceA?.closeReason == .idle)
        #expect(traceA?.lineNumbers == [1, 2, 3, 4, 5, 6, 7])
    }

    /// A guessed head's body that logs its flow's end step stays open for its request's end line:
    /// here request B's body (user B) sits behind A's head, and ends before the run moves on to
    /// user A's body. When B's end line comes, user A's body is still at work, so the body that
    /// ended is B's, and the heads are exchanged back. Closed at its end step, B's body would have
    /// kept A's request id, and B's end line would have joined user A's body.
    @Test func anEndedBodyWaitsForItsRequestsEndLine() {
        let harness = CorrelationHarness()
        harness.feed(twoNewRequests(requestA, requestB, from: 1, users: (userB, userA)) + [
                SyntheticEvent(11, "❌ [GENERATION] Generation failed for user \(userB): 400: User not found",
                               tags: ["GENERATION"], user: userB, status: .error, level: .error),
                SyntheticEvent(12, "👤 [USER_REPO] Getting user by ID: \(userA)", tags: ["USER_REPO"], user: userA),
                SyntheticEvent(13, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"],
                               table: "users", operation: .select),
                ended(14, requestB, status: 400),
            ])
        harness.correlator.finish()
        let traceA = harness.traces.first { $0.requestText == requestA }
        let traceB = harness.traces.first { $0.requestText == requestB }
        #expect(traceB?.userText == userB)
        #expect(traceB?.lineNumbers == [3, 4, 5, 6, 7, 11, 14])
        #expect(traceA?.userText == userA)
        #expect(traceA?.lineNumbers == [1, 2, 8, 9, 10, 12, 13])
    }

    /// A user's second request: the authentication response is followed by a line naming a user
    /// who already has a request in flight, but that request's last step is not known to precede
    /// an authentication call while the new request's head is (learned from the first request).
    /// The response is the new request's, not the user's open one.
    @Test func aUsersSecondRequestTakesItsOwnAuthentication() {
        let harness = CorrelationHarness()
        let balance = "/api/v1/credits/balance"
        let traces = harness.run([
            SyntheticEvent(1, "[\(requestA)] GET \(balance) - Started", request: requestA, kind: .requestStart,
                           method: .get, path: balance),
            SyntheticEvent(2, "🔐 [AUTH] Validating JWT for GET \(balance)", tags: ["AUTH"]),
            authResponse(3),
            SyntheticEvent(4, "✅ [AUTH] Authenticated user \(userA)", tags: ["AUTH"], user: userA),
            SyntheticEvent(5, "💳 [USER_SERVICE] Getting credits for user \(userA)", tags: ["USER_SERVICE"], user: userA),
            SyntheticEvent(6, "🔍 [USER_SERVICE] Calling the billing provider for user \(userA)", tags: ["USER_SERVICE"],
                           user: userA),
            started(7, requestB), validating(8), authResponse(9),
        ] + authenticated(10, userA))
        let traceA = traces.first { $0.requestText == requestA }
        let traceB = traces.first { $0.requestText == requestB }
        #expect(traceB?.lineNumbers.starts(with: [7, 8, 9]) == true)
        #expect(traceA?.lineNumbers.starts(with: [1, 2, 3, 4, 5, 6]) == true)
        #expect(traceA?.lineNumbers.contains(9) == false)
    }

    /// Exchanging heads with a trace whose body began before this trace's head would give that
    /// body a head logged after it: no request's lines come in that order, so no such exchange is
    /// made. Here requests P and Q were guessed before request R started; when R's end line comes
    /// while R's body is still at work, the only finished bodies are P's and Q's, both older than
    /// R's head, and R keeps its own.
    @Test func noExchangeGivesABodyAHeadLoggedAfterIt() {
        let (requestP, requestQ, requestR, requestS) = ("p-request-0001", "q-request-0002", "r-request-0003",
                                                        "s-request-0004")
        let (userP, userQ, userR) = ("1d3a07bb-dfa5-4cf5-9855-7011c6c57ba5", "82523e86-feac-4eb7-9c38-f519b91751da",
                                     "29a1a321-5a70-4b91-82a0-7c47f063bf92")
        let harness = CorrelationHarness()
        // P's and Q's heads were guessed (users P then Q); R's head is a guess too, among R and S,
        // and only its first response comes (user R) before its end line.
        harness.feed(twoNewRequests(requestP, requestQ, from: 1, users: (userP, userQ))
            + [started(11, requestR), validating(12), started(13, requestS), validating(14), authResponse(15)]
            + authenticated(16, userR) + [
                SyntheticEvent(18, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"],
                               table: "users", operation: .select),
                ended(19, requestR, status: 201),
            ])
        harness.correlator.finish()
        let traceR = harness.traces.first { $0.requestText == requestR }
        #expect(traceR?.userText == userR)
        #expect(traceR?.lineNumbers == [11, 12, 15, 16, 17, 18, 19])
    }
}
