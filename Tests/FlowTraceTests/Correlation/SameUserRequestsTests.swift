import Testing
@testable import FlowTrace

/// One user's two requests in flight: the line naming the user right after the authentication
/// response that resumed the second request is the second request's (audit H3).
@Suite struct SameUserRequestsTests {
    static let requestA = """
        2025-08-02 07:00:00,000 - middleware.request_logging - INFO - [aaaaaaaa-0000-4000-8000-000000000001] POST /api/v1/generations - Started
        2025-08-02 07:00:00,001 - middleware.auth - INFO - 🔐 [AUTH] Validating JWT for POST /api/v1/generations
        """
    static let requestB = """
        2025-08-02 07:00:00,002 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/generations - Started
        2025-08-02 07:00:00,003 - middleware.auth - INFO - 🔐 [AUTH] Validating JWT for POST /api/v1/generations
        """
    static let restOfA = """
        2025-08-02 07:00:00,010 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/auth/v1/user "HTTP/2 200 OK"
        2025-08-02 07:00:00,011 - middleware.auth - INFO - ✅ [AUTH] Authenticated user 22cb3917-57f6-49c6-ac96-ec266570081b
        2025-08-02 07:00:00,012 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 300
        2025-08-02 07:00:00,013 - database - INFO - 🔑 [DATABASE] Using SERVICE client for select on users
        """
    static let restOfBoth = """
        2025-08-02 07:00:00,020 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/auth/v1/user "HTTP/2 200 OK"
        2025-08-02 07:00:00,021 - middleware.auth - INFO - ✅ [AUTH] Authenticated user 22cb3917-57f6-49c6-ac96-ec266570081b
        2025-08-02 07:00:00,022 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 120
        2025-08-02 07:00:00,023 - database - INFO - 🔓 [DATABASE] Using ANON client for select on users
        2025-08-02 07:00:00,030 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/rest/v1/users "HTTP/2 200 OK"
        2025-08-02 07:00:00,031 - database - INFO - ✅ [DATABASE] SELECT result for users: 1 rows
        2025-08-02 07:00:00,032 - services.generation_service - INFO - ✅ [GENERATION] Generation completed for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits: 300
        2025-08-02 07:00:00,033 - middleware.request_logging - INFO - [aaaaaaaa-0000-4000-8000-000000000001] POST /api/v1/generations - 201 - 33ms
        2025-08-02 07:00:00,040 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/rest/v1/users "HTTP/2 200 OK"
        2025-08-02 07:00:00,041 - database - INFO - ✅ [DATABASE] SELECT result for users: 0 rows
        2025-08-02 07:00:00,042 - services.generation_service - ERROR - ❌ [GENERATION] Generation failed for user 22cb3917-57f6-49c6-ac96-ec266570081b
        2025-08-02 07:00:00,043 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/generations - 400 - 41ms
        """

    /// Audit H3 (`same-user.log`): the second authentication response could only be B's (A awaited
    /// a database read), yet B's `Authenticated user U` joined A's trace by the user key; B's credit
    /// check then opened a third trace, which split B's anon-client read from its empty result, and
    /// the `anon-client-fallback` finding was missed.
    @Test func h3TheSecondRequestKeepsItsAuthenticationAndItsFinding() {
        let log = LogTextCorrelation([Self.requestA, Self.requestB, Self.restOfA, Self.restOfBoth].joined(separator: "\n"))
        #expect(log.lineGroups == [[1, 2, 5, 6, 7, 8, 13, 14, 15, 16], [3, 4, 9, 10, 11, 12, 17, 18, 19, 20]])
        let traceB = log.trace(ofRequest: "bbbbbbbb-0000-4000-8000-000000000002")
        let anon = log.findings.filter { $0.rule == "anon-client-fallback" }
        #expect(anon.count == 1)
        #expect(anon.first?.trace == traceB?.id)
        #expect(anon.first?.lines == [12, 18])
    }

    /// Request B alone (`same-user-B-only.log`) was always right and gives the same finding.
    @Test func h3TheSecondRequestAloneGivesTheSameFinding() {
        let log = LogTextCorrelation(Self.requestB + """

            2025-08-02 07:00:00,020 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/auth/v1/user "HTTP/2 200 OK"
            2025-08-02 07:00:00,021 - middleware.auth - INFO - ✅ [AUTH] Authenticated user 22cb3917-57f6-49c6-ac96-ec266570081b
            2025-08-02 07:00:00,022 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 120
            2025-08-02 07:00:00,023 - database - INFO - 🔓 [DATABASE] Using ANON client for select on users
            2025-08-02 07:00:00,040 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/rest/v1/users "HTTP/2 200 OK"
            2025-08-02 07:00:00,041 - database - INFO - ✅ [DATABASE] SELECT result for users: 0 rows
            2025-08-02 07:00:00,042 - services.generation_service - ERROR - ❌ [GENERATION] Generation failed for user 22cb3917-57f6-49c6-ac96-ec266570081b
            2025-08-02 07:00:00,043 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/generations - 400 - 41ms
            """)
        #expect(log.lineGroups == [Array(1...10)])
        #expect(log.findings.map(\.rule) == ["anon-client-fallback"])
        #expect(log.findings.first?.lines == [6, 8])
    }
}
