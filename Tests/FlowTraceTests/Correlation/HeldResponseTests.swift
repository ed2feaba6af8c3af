import Testing
@testable import FlowTrace

/// A response that no line tells the owner of is held; the next response's candidates are those
/// still awaiting it once the held run went to its owner.
@Suite struct HeldResponseTests {
    /// Two requests await the same read, and two responses come that name neither. The first run
    /// is a guess; the second response cannot be the guessed request's too, whose wait that run
    /// ended (seen in the audit's generated `c11`/`c12` logs: one request took both responses).
    @Test func twoResponsesToTwoWaitingRequestsGoOneToEach() {
        let (userA, userB) = ("22cb3917-57f6-49c6-ac96-ec266570081b", "5a0f9c1e-8d2b-4f7a-9e3c-1b2d3e4f5a6b")
        func select(_ line: Int) -> SyntheticEvent {
            SyntheticEvent(line, "🔑 [DATABASE] Using SERVICE client for select on users", tags: ["DATABASE"],
                           table: "users", operation: .select)
        }
        func response(_ line: Int) -> SyntheticEvent {
            SyntheticEvent(line, "HTTP Request: GET https://x.supabase.co/rest/v1/users \"HTTP/2 200 OK\"", kind: .httpCall,
                           table: "users", operation: .select, httpStatus: 200)
        }
        func result(_ line: Int) -> SyntheticEvent {
            SyntheticEvent(line, "✅ [DATABASE] SELECT result for users: 1 rows", tags: ["DATABASE"], status: .ok,
                           table: "users", operation: .select, rows: 1)
        }
        let traces = CorrelationHarness().run([
            SyntheticEvent(1, "🔍 [GENERATION] Starting credit check for user \(userA)", tags: ["GENERATION"], user: userA),
            select(2),
            SyntheticEvent(3, "🔍 [GENERATION] Starting credit check for user \(userB)", tags: ["GENERATION"], user: userB),
            select(4),
            response(5), result(6),
            response(7), result(8),
        ])
        #expect(traces.map(\.lineNumbers).sorted { $0[0] < $1[0] } == [[1, 2, 5, 6], [3, 4, 7, 8]])
    }
}
