import Testing
@testable import FlowTrace

/// Audit: `Bearer<TAB>token` and URL-encoded separators (`apikey%3D…`, `token%3A…`) let secrets
/// through. Prose and harmless values around the same words stay readable.
@Suite struct SecretEncodingTests {
    @Test(arguments: [
        ("Authorization: Bearer\tabc.def-ghi_jkl", "Authorization: Bearer\t[REDACTED]"),
        ("sent Bearer\tabc.def-ghi_jkl upstream", "sent Bearer\t[REDACTED] upstream"),
        ("Authorization:\tBasic dXNlcjpwYXNzd29yZA==", "Authorization:\tBasic [REDACTED]"),
        ("GET /cb?apikey%3Ds3cr3tvalue&page=2", "GET /cb?apikey%3D[REDACTED]&page=2"),
        ("next=%2Fv1%3Ftoken%3Dabcdef123%26x", "next=%2Fv1%3Ftoken%3D[REDACTED]"),
        ("q=password%3dhunter22 ok", "q=password%3d[REDACTED] ok"),
        ("header x-api-key%3Asecret99", "header x-api-key%3A[REDACTED]"),
        ("creds access_token%3a%22quoted%22", "creds access_token%3a[REDACTED]"),
    ])
    func redacts(_ input: String, _ expected: String) {
        #expect(SecretRedactor.redact(input) == expected)
    }

    @Test(arguments: [
        "the Bearer\tof bad news",
        "use_service_key%3DFalse&token%3Dnone",
        "page%3D2&tokens%3D5",
        "apikey%3D&x=1",
        "100%3 done, token%3",
        "password%20reset requested",
        "token\tcount 3",
    ])
    func leavesHarmlessTextAlone(_ input: String) {
        #expect(SecretRedactor.redact(input) == input)
    }
}
