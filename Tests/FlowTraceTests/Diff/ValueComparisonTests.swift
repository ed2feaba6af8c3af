import Testing
@testable import FlowTrace

/// Which differences of a step are divergences and which are only other inputs or quantities.
@Suite struct ValueComparisonTests {
    private func sameSteps(_ left: String, _ right: String) -> AlignedPair {
        FlowDiff(left: DiffFlowBuilder.flow([left]), right: DiffFlowBuilder.flow([right])).pairs[0]
    }

    @Test(arguments: [
        ("✅ [USER_SERVICE] Successfully retrieved 1250 credits", "✅ [USER_SERVICE] Successfully retrieved 640 credits"),
        ("🚀 [GENERATION] Create request, model: fal-ai/kling-video/v1.6/standard", "🚀 [GENERATION] Create request, model: fal-ai/flux/dev"),
        ("⚠️ [CREDIT_TX] retrying (attempt 1/3) region=eu-west", "⚠️ [CREDIT_TX] retrying (attempt 2/3) region=us-east"),
        ("HTTP Request: GET https://x.co/rest/v1/users \"HTTP/2 200 OK\" 200", "HTTP Request: GET https://x.co/rest/v1/users \"HTTP/2 200 OK\" 206"),
    ])
    func minorDifferencesAreNoDivergence(_ left: String, _ right: String) {
        let pair = sameSteps(left, right)
        #expect(pair.kind == .same)
        #expect(!pair.minor.isEmpty)
        #expect(!pair.diverges)
    }

    @Test(arguments: [
        ("✅ [DATABASE] SELECT result for users: 1 rows", "✅ [DATABASE] SELECT result for users: 0 rows"),
        ("[r] POST /api/v1/generations - 201 - 523ms", "[r] POST /api/v1/generations - 400 - 122ms"),
        ("🔍 [USER_REPO] Executing query with service_key=True", "🔍 [USER_REPO] Executing query with service_key=False"),
        ("✅ [USER_REPO] Query result: True", "✅ [USER_REPO] Query result: False"),
        ("❌ [DATABASE] failed: {'code': '42501'}", "❌ [DATABASE] failed: {'code': '23505'}"),
        ("🔍 [GENERATION] status: queued", "❌ [GENERATION] status: failed"),
        ("🔍 [DATABASE] Using SERVICE client", "🔍 [DATABASE] Using ANON client"),
    ])
    func outcomeDifferencesDiverge(_ left: String, _ right: String) {
        let pair = sameSteps(left, right)
        #expect(pair.kind == .changed)
        #expect(pair.minor.isEmpty)
    }
}
