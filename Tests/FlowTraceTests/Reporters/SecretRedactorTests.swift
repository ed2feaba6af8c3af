import Foundation
import Testing
@testable import FlowTrace

/// Secrets never reach a report; flags that only say which key was used stay readable.
@Suite struct SecretRedactorTests {
    @Test(arguments: [
        ("key eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl end", "key [REDACTED:jwt] end"),
        ("Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [REDACTED]"),
        ("sent Bearer abc.def-ghi_jkl upstream", "sent Bearer [REDACTED] upstream"),
        ("apikey=s3cr3t-value&x=1", "apikey=[REDACTED]&x=1"),
        ("{'password': 'hunter22'}", "{'password': '[REDACTED]'}"),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc ok", "stripe [REDACTED] ok"),
        ("Executing query for user 22cb with service_key=True", "Executing query for user 22cb with service_key=True"),
        ("use_service_key=False, token: None", "use_service_key=False, token: None"),
        ("nothing secret here: 1200 credits", "nothing secret here: 1200 credits"),
        ("authorization=rawtoken123", "authorization=[REDACTED]"),
    ])
    func redacts(_ input: String, _ expected: String) {
        #expect(SecretRedactor.redact(input) == expected)
    }

    /// The audit's misses: a URL's password, key names that end with a secret word, the
    /// credential after an `Authorization` scheme, quoted values with spaces, short values.
    @Test(arguments: [
        ("connect postgresql://postgres:Sup3rS3cretPw@db.example.com:5432/postgres failed",
         "connect postgresql://postgres:[REDACTED]@db.example.com:5432/postgres failed"),
        ("redis://:p@ss:word@cache:6379/0", "redis://:[REDACTED]@cache:6379/0"),
        ("DB_PASSWORD=Hunter2Hunter2", "DB_PASSWORD=[REDACTED]"),
        ("SUPABASE_SERVICE_ROLE_KEY=plainsecretvalue123", "SUPABASE_SERVICE_ROLE_KEY=[REDACTED]"),
        ("env AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI", "env AWS_SECRET_ACCESS_KEY: [REDACTED]"),
        ("{\"stripe_private_key\": \"abc def\", \"n\": 1}", "{\"stripe_private_key\": \"[REDACTED]\", \"n\": 1}"),
        ("config dbPassword='pa ss' ok", "config dbPassword='[REDACTED]' ok"),
        ("headers={'Authorization': 'Basic dXNlcjpwYXNzd29yZA=='}", "headers={'Authorization': 'Basic [REDACTED]'}"),
        ("Authorization: Basic dXNlcjpwYXNzd29yZA== sent", "Authorization: Basic [REDACTED] sent"),
        ("Proxy-Authorization: Negotiate YIIGhgYJKoZIhvcS", "Proxy-Authorization: Negotiate [REDACTED]"),
        ("password=\"correct horse battery staple\" user=bob", "password=\"[REDACTED]\" user=bob"),
        ("{\\\"password\\\": \\\"correct horse\\\"}", "{\\\"password\\\": \\\"[REDACTED]\\\"}"),
        ("password=\"it\\\"s long\" ok", "password=\"[REDACTED]\" ok"),
        ("password=abc", "password=[REDACTED]"),
        ("login password: x, user: bob", "login password: [REDACTED], user: bob"),
        ("token=ab&next=1", "token=[REDACTED]&next=1"),
        ("request req\u{1b}[5meyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2ln end",
         "request req\u{1b}[5m[REDACTED:jwt] end"),
    ])
    func redactsWhatTheAuditFound(_ input: String, _ expected: String) {
        #expect(SecretRedactor.redact(input) == expected)
    }

    /// Ordinary log content stays readable.
    @Test(arguments: [
        "🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b, credits_required: 10",
        "🔑 [DATABASE] Using SERVICE client for select on users",
        "🔑 [DATABASE] Service client bypasses RLS, operation: select, table: credit_transactions",
        "Falling back to service_role for this read: ok",
        "HTTP Request: GET https://xyz.supabase.co/rest/v1/users?select=*&id=eq.22cb3917-57f6-49c6-ac96-ec266570081b \"HTTP/2 200 OK\"",
        "cloning ssh://git@github.com:22/org/repo and redis://cache:6379/0",
        "UPDATE failed on users: {'message': 'Invalid API key'}",
        "usage max_tokens=1000 token_count: 12 tokens: 640",
        "the Bearer of bad news",
        "heyJude.mp3 and MoneyJar.something_longer_than_sixteen",
    ])
    func leavesOrdinaryTextAlone(_ input: String) {
        #expect(SecretRedactor.redact(input) == input)
    }

    /// Every key name, in any case and with `-` for `_`, alone or at the end of a longer name,
    /// and every prefix is found wherever a word starts.
    @Test func everyKeyAndPrefixIsFound() {
        for key in SecretRedactor.secretKeys {
            for name in [key, "db_" + key, "x-" + key, "my" + key] {
                for variant in [name, name.uppercased(), name.capitalized, name.replacingOccurrences(of: "_", with: "-")] {
                    for text in ["\(variant)=s3cr3t", "x \(variant): s3cr3t y", "(\(variant)=s3cr3t)",
                                 "\"\(variant)\": \"s3cr3t v4lue\""] {
                        let redacted = SecretRedactor.redact(text)
                        #expect(!redacted.contains("s3cr3t") && !redacted.contains("v4lue"), "\(text)")
                    }
                }
            }
        }
        for prefix in SecretRedactor.secretPrefixes {
            #expect(SecretRedactor.redact("a \(prefix)abcdefgh1234 b") == "a [REDACTED] b", "\(prefix)")
        }
        #expect(SecretRedactor.redact("bEaReR abcd1234") == "bEaReR [REDACTED]")
    }

    /// A part of a text is redacted as the whole text is: the word after `password:` is a secret.
    @Test func aPartIsRedactedInItsContext() {
        func bytes(of word: String, in text: String) -> Range<Int> { Array(text.utf8).firstRange(of: Array(word.utf8))! }
        let text = "login password: hunter2 for user=bob"
        #expect(SecretRedactor.redactedPart(of: text, bytes: bytes(of: "hunter2", in: text)) == "[REDACTED]")
        #expect(SecretRedactor.redactedPart(of: text, bytes: bytes(of: "password: hunter2", in: text)) == "password: [REDACTED]")
        #expect(SecretRedactor.redactedPart(of: text, bytes: bytes(of: "user=bob", in: text)) == nil)
        let quoted = "password=\"correct horse battery\" ok"
        #expect(SecretRedactor.redactedPart(of: quoted, bytes: bytes(of: "horse", in: quoted)) == "[REDACTED]")
        #expect(SecretRedactor.redactedPart(of: quoted, bytes: bytes(of: "battery\"", in: quoted)) == "[REDACTED]\"")
    }

    /// Hostile lines cost linear time: a scan that restarted at each candidate would take minutes.
    @Test(arguments: ["eyJ", "a://", "password=\"", "x:y@", "Bearer ", "eyJhbGciOiJIUzI1NiJ9eyJ.", "token: '"])
    func longHostileLinesStayLinear(_ unit: String) {
        let text = String(repeating: unit, count: 400_000 / unit.utf8.count)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SecretRedactor.redact(text) }
        #expect(elapsed < .seconds(5), "\(unit): \(elapsed)")
    }
}
