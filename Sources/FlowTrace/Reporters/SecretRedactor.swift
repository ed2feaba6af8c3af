/// Removes secrets from log text before it reaches any report: JWTs (Supabase anon and service
/// keys are JWTs), bearer and other `Authorization` credentials, well-known API key shapes, the
/// password of a URL (`postgresql://user:password@host`), and the values of `key=…`/`key: …`
/// pairs whose key names a secret (`password`, `DB_PASSWORD`, `SUPABASE_SERVICE_ROLE_KEY`).
///
/// It runs on report output, never per input line; ``SecretScanner`` finds the secrets in one
/// pass over the text.
public enum SecretRedactor {
    /// A key whose name ends with one of these holds a secret (matched ASCII case-insensitively,
    /// `-` and `_` alike): `password`, `DB_PASSWORD`, `x-api-key`, `client_secret`, `access_token`.
    static let secretKeys = [
        "password", "passwd", "secret", "token", "apikey", "api_key", "authorization",
        "service_role_key", "service_key", "supabase_key", "access_key", "secret_key", "private_key",
    ]
    /// Prefixes of API keys that are secrets on sight.
    static let secretPrefixes = ["sk_live_", "sk_test_", "rk_live_", "sbp_", "sb_secret_", "ghp_", "xoxb-", "AKIA"]

    /// `text` with every secret replaced by `[REDACTED]` (JWTs by `[REDACTED:jwt]`).
    public static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let spans = SecretScanner(bytes: bytes).spans()
        guard !spans.isEmpty else { return text }
        return String(decoding: replacing(spans, in: bytes, within: 0..<bytes.count), as: UTF8.self)
    }

    /// The part of `text` in `bytes` (UTF-8 offsets) as ``redact(_:)`` shows it, or nil when no
    /// secret overlaps that part. Secrets are found in the whole text, so a word that looks
    /// harmless alone (`hunter2`) is still redacted after `password:`; a secret the part only
    /// begins or ends is replaced whole.
    public static func redactedPart(of text: String, bytes range: Range<Int>) -> String? {
        let bytes = Array(text.utf8)
        let range = range.clamped(to: 0..<bytes.count)
        let spans = SecretScanner(bytes: bytes).spans().filter { $0.range.overlaps(range) }
        guard !spans.isEmpty else { return nil }
        return String(decoding: replacing(spans, in: bytes, within: range), as: UTF8.self)
    }

    /// The secrets of `bytes` (UTF-8), sorted and not overlapping: what ``redact(_:)`` replaces.
    static func spans(in bytes: [UInt8]) -> [SecretSpan] {
        SecretScanner(bytes: bytes).spans()
    }

    /// The part `range` of `bytes` as ``redactedPart(of:bytes:)`` shows it, given the secrets
    /// `spans` of `bytes` (see ``spans(in:)``), or nil when none of them overlaps that part.
    static func redactedPart(of bytes: [UInt8], spans: [SecretSpan], range: Range<Int>) -> String? {
        let range = range.clamped(to: 0..<bytes.count)
        guard spans.contains(where: { $0.range.overlaps(range) }) else { return nil }
        return String(decoding: replacing(spans, in: bytes, within: range), as: UTF8.self)
    }

    /// The bytes of `range` with each span (sorted, not overlapping) replaced.
    private static func replacing(_ spans: [SecretSpan], in bytes: [UInt8], within range: Range<Int>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var position = range.lowerBound
        for span in spans where span.range.overlaps(range) {
            if span.range.lowerBound > position { output += bytes[position..<span.range.lowerBound] }
            output += span.replacement.utf8
            position = max(position, min(span.range.upperBound, range.upperBound))
        }
        if position < range.upperBound { output += bytes[position..<range.upperBound] }
        return output
    }
}
