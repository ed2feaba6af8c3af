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
    ])
    func redacts(_ input: String, _ expected: String) {
        #expect(SecretRedactor.redact(input) == expected)
    }

    /// Every key name, in any case and with `-` for `_`, and every prefix is found wherever a
    /// word starts (the scan only looks closer at words whose first two bytes may start one).
    @Test func everyKeyAndPrefixIsFound() {
        for key in SecretRedactor.secretKeys {
            for variant in [key, key.uppercased(), key.capitalized, key.replacingOccurrences(of: "_", with: "-")] {
                for text in ["\(variant)=abcd1234", "x \(variant): abcd1234 y", "(\(variant)=abcd1234)"] {
                    #expect(!SecretRedactor.redact(text).contains("abcd1234"), "\(text)")
                }
            }
        }
        for prefix in SecretRedactor.secretPrefixes {
            #expect(SecretRedactor.redact("a \(prefix)abcdefgh1234 b") == "a [REDACTED] b", "\(prefix)")
        }
        #expect(SecretRedactor.redact("bEaReR abcd1234") == "bEaReR [REDACTED]")
    }
}
