import Foundation

/// A small log whose evidence line carries everything a report must survive: markup (`<`, `&`,
/// quotes, `]]>`, `</testcase>`), control characters, GitHub's command characters (`%`, `::`, `,`),
/// and secrets (a JWT, a bearer token). It triggers `rls-denial` once.
enum HostileLog {
    static let user = "c41a9e07-2b5f-4e83-8d9c-6a0f3b7e5d12"
    static let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXNlY3JldA"
    static let bearer = "sk_live_abcdefghijklmnop"
    /// The hostile part of the evidence line, as logged.
    static let markup = "<script>alert(\"x\")</script> & 'q' ]]> </testcase> 100% ::warning::, a=b"

    static var text: String {
        """
        2025-08-02 07:09:03,589 - repositories.user_repository - INFO - 🆕 [DB-CREATE] Creating profile for user \(user) from auth data
        2025-08-02 07:09:03,589 - database - INFO - 🔑 [DATABASE] Using SERVICE client for insert on users
        2025-08-02 07:09:03,605 - httpx - INFO - HTTP Request: POST https://xyz.supabase.co/rest/v1/users "HTTP/2 403 Forbidden"
        2025-08-02 07:09:03,605 - database - ERROR - ❌ [DATABASE] INSERT failed on users: \(markup) \u{01}\u{1b}[31mred\u{7f} header was \(jwt), Authorization: Bearer \(bearer) {'code': '42501', 'message': 'new row violates row-level security policy for table "users"'}

        """
    }

    /// Writes the log to a fresh temporary file and returns its path.
    static func write() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-hostile-\(UUID().uuidString).log").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
