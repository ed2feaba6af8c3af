import Testing
@testable import FlowTrace

/// A flow start joins the request it begins: one whose start line came before another task's line
/// (audit H2), or, in a log without request-tracking lines, the authentication that came before it
/// (audit M2).
@Suite struct FlowStartJoiningTests {
    static let generationWork = """
        2025-08-02 07:00:00,000 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 300
        2025-08-02 07:00:00,002 - services.generation_service - INFO - ✅ [GENERATION] Generation record created: 7b87a9e2-1111-4222-8333-444455556666 for user 22cb3917-57f6-49c6-ac96-ec266570081b
        2025-08-02 07:00:00,005 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/webhooks/billing - Started
        """
    static let grant = """
        2025-08-02 07:00:00,007 - services.credit_service - INFO - 💳 [CREDIT-SERVICE] Granting 100 credits to user 795b929e-9a9a-40fd-aa7b-5bf55eb561a4
        2025-08-02 07:00:00,008 - services.credit_service - INFO - ✅ [CREDIT-SERVICE] Grant completed for user 795b929e-9a9a-40fd-aa7b-5bf55eb561a4
        2025-08-02 07:00:00,009 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] POST /api/v1/webhooks/billing - 200 - 4ms
        """

    /// Audit H2 (`bg3.log`): a line of another request's generation work (it names the generation)
    /// between the webhook's start line and its flow start took the run; the grant opened a trace
    /// of its own, and the webhook's trace held only its start and end lines.
    @Test func h2AFlowStartJoinsTheRequestAnotherTasksLineInterrupted() {
        let log = LogTextCorrelation(Self.generationWork + """

            2025-08-02 07:00:00,006 - services.generation_service - INFO - 🎨 [GENERATION] Submitting generation 7b87a9e2-1111-4222-8333-444455556666 to fal-ai/flux/dev

            """ + Self.grant)
        #expect(log.lineGroups == [[1, 2, 4], [3, 5, 6, 7]])
        let webhook = log.trace(ofRequest: "bbbbbbbb-0000-4000-8000-000000000002")
        #expect(webhook?.userText == "795b929e-9a9a-40fd-aa7b-5bf55eb561a4")
        #expect(webhook?.closeReason == .ended)
    }

    /// The same log without the interrupting line (`bg4.log`) was right before and stays so.
    @Test func h2WithoutTheInterruptionTheFlowStartJoinsTheRun() {
        let log = LogTextCorrelation(Self.generationWork + "\n" + Self.grant)
        #expect(log.lineGroups == [[1, 2], [3, 4, 5, 6]])
    }

    /// Audit M2 (`split.log`): without request-tracking lines, the authentication before a flow start
    /// (`Validating JWT`, declared in `request_begins`, its HTTP response, `Authenticated user U`)
    /// was split off: the first two lines joined no trace, the third was a trace of its own.
    @Test func m2TheAuthenticationJoinsTheFlowThatStartsAfterIt() {
        let log = LogTextCorrelation("""
            2025-08-02 07:00:00,000 - middleware.auth - INFO - 🔐 [AUTH] Validating JWT for POST /api/v1/generations
            2025-08-02 07:00:00,010 - httpx - INFO - HTTP Request: GET https://xyz.supabase.co/auth/v1/user "HTTP/2 200 OK"
            2025-08-02 07:00:00,011 - middleware.auth - INFO - ✅ [AUTH] Authenticated user 22cb3917-57f6-49c6-ac96-ec266570081b
            2025-08-02 07:00:00,012 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 300
            2025-08-02 07:00:00,013 - services.generation_service - ERROR - ❌ [GENERATION] Generation failed for user 22cb3917-57f6-49c6-ac96-ec266570081b
            """)
        #expect(log.lineGroups == [[1, 2, 3, 4, 5]])
        let trace = log.traces.first
        #expect(trace?.userText == "22cb3917-57f6-49c6-ac96-ec266570081b")
        let generation = try! CorrelationConfig.builtin().flows.firstIndex { $0.id == "generation" }
        #expect(trace?.flowIndex == generation)
        #expect(trace?.closeReason == .ended)
    }

    /// Without a step that begins the request, the line naming the user that opened a trace just
    /// before is still the same request as the user's flow start that follows it.
    @Test func m2AUsersLineJoinsTheFlowStartOfThatUserRightAfterIt() {
        let log = LogTextCorrelation("""
            2025-08-02 07:00:00,011 - middleware.auth - INFO - ✅ [AUTH] Authenticated user 22cb3917-57f6-49c6-ac96-ec266570081b
            2025-08-02 07:00:00,012 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 300
            2025-08-02 07:00:00,013 - services.generation_service - INFO - ✅ [GENERATION] Generation completed for user 22cb3917-57f6-49c6-ac96-ec266570081b
            2025-08-02 07:00:00,014 - middleware.auth - INFO - ✅ [AUTH] Authenticated user 5a0f9c1e-8d2b-4f7a-9e3c-1b2d3e4f5a6b
            2025-08-02 07:00:00,015 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 10
            """)
        // The other user's line is no part of the first user's second request.
        #expect(log.lineGroups == [[1, 2, 3], [4], [5]])
    }

    /// In a log with request-tracking lines, a step that begins a request is an ordinary line of
    /// the request whose start line came before it: two requests validate, in that order.
    @Test func m2WithRequestTrackingTheBeginStepIsAnOrdinaryLine() {
        let log = LogTextCorrelation("""
            2025-08-02 07:00:00,000 - middleware.request_logging - INFO - [aaaaaaaa-0000-4000-8000-000000000001] GET /api/v1/credits/balance - Started
            2025-08-02 07:00:00,001 - middleware.auth - INFO - 🔐 [AUTH] Validating JWT for GET /api/v1/credits/balance
            2025-08-02 07:00:00,002 - middleware.request_logging - INFO - [bbbbbbbb-0000-4000-8000-000000000002] GET /api/v1/credits/balance - Started
            2025-08-02 07:00:00,003 - middleware.auth - INFO - 🔐 [AUTH] Validating JWT for GET /api/v1/credits/balance
            """)
        #expect(log.lineGroups == [[1, 2], [3, 4]])
    }

    @Test func theStepsThatBeginARequestAreReadFromTheCorrelationFile() throws {
        let config = try CorrelationConfig(yaml: """
            kind: correlation
            request_begins:
              - { tag: AUTH, contains: "Validating" }
            flows:
              - id: generation
                start: [{ tag: GENERATION, contains: "Starting credit check" }]
            """, file: "team.yaml")
        #expect(config.requestBegins.map(\.contains) == ["Validating"])
        #expect(try CorrelationConfig.builtin().requestBegins.count == 1)
    }
}
