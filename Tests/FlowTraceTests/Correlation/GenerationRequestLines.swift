@testable import FlowTrace

/// The lines every new generation request logs before its body, as synthetic events: for
/// correlation tests that interleave requests (conforming suites call them unqualified).
protocol GenerationRequestLines {}

extension GenerationRequestLines {
    func started(_ line: Int, _ request: String) -> SyntheticEvent {
        SyntheticEvent(line, "[\(request)] POST /api/v1/generations - Started", request: request, kind: .requestStart,
                       method: .post, path: "/api/v1/generations")
    }

    func validating(_ line: Int) -> SyntheticEvent {
        SyntheticEvent(line, "🔐 [AUTH] Validating JWT for POST /api/v1/generations", tags: ["AUTH"])
    }

    func authResponse(_ line: Int) -> SyntheticEvent {
        SyntheticEvent(line, "HTTP Request: GET https://x.supabase.co/auth/v1/user \"HTTP/2 200 OK\"",
                       kind: .httpCall, method: .get, path: "/auth/v1/user", httpStatus: 200)
    }

    /// The authenticated user's line and the credit check after it (two lines).
    func authenticated(_ line: Int, _ user: String) -> [SyntheticEvent] {
        [SyntheticEvent(line, "✅ [AUTH] Authenticated user \(user)", tags: ["AUTH"], user: user),
         SyntheticEvent(line + 1, "🔍 [GENERATION] Starting credit check for user \(user)", tags: ["GENERATION"], user: user)]
    }
}
