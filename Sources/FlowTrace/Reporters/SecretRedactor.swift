/// Removes secrets from log text before it reaches any report: JWTs (Supabase anon and service
/// keys are JWTs), bearer tokens, well-known API key shapes, and the values of `key=…`/`key: …`
/// pairs whose key names a secret.
public enum SecretRedactor {
    /// Key names whose values are secrets (matched ASCII case-insensitively, `-` and `_` alike).
    static let secretKeys = [
        "apikey", "api_key", "x-api-key", "authorization", "token", "access_token", "refresh_token",
        "auth_token", "secret", "client_secret", "password", "passwd", "service_role_key", "service_key",
        "supabase_key", "private_key",
    ]
    /// Prefixes of API keys that are secrets on sight.
    static let secretPrefixes = ["sk_live_", "sk_test_", "rk_live_", "sbp_", "sb_secret_", "ghp_", "xoxb-", "AKIA"]

    /// ``secretKeys`` folded (see ``foldCase(_:)``), and ``secretPrefixes``, as bytes.
    private static let foldedKeys = secretKeys.map { Array($0.utf8).map(foldCase) }
    private static let prefixBytes = secretPrefixes.map { Array($0.utf8) }
    private static let bearer = Array("bearer ".utf8)
    private static let jwtStart = Array("eyJ".utf8)
    /// Bit `second` of word `4 * first + second / 64`: a key, a prefix, a JWT or `bearer ` can
    /// start with the bytes `first`, `second`, both folded (see ``foldCase(_:)``). Most words
    /// start with a letter some key starts with, and few with a pair.
    private static let startsSomething: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 4 * 256)
        for pattern in foldedKeys + prefixBytes + [bearer, jwtStart] {
            let (first, second) = (Int(foldCase(pattern[0])), Int(foldCase(pattern[1])))
            bits[4 * first + second / 64] |= 1 << UInt64(second % 64)
        }
        return bits
    }()

    /// `text` with every secret replaced by `[REDACTED]` (JWTs by `[REDACTED:jwt]`).
    public static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, mightContainSecret(bytes) else { return text }
        // Made at the first secret: a text without one is returned as it is.
        var output: [UInt8]?
        var index = 0
        let starts = startsSomething
        while index < bytes.count {
            if index + 1 < bytes.count, startsToken(bytes, index),
               starts.withUnsafeBufferPointer({ starts in
                   let (first, second) = (Int(foldCase(bytes[index])), Int(foldCase(bytes[index + 1])))
                   return starts[4 * first + second / 64] & (1 << UInt64(second % 64)) != 0
               }) {
                if let end = jwtEnd(bytes, from: index) {
                    output = (output ?? Array(bytes[..<index])) + "[REDACTED:jwt]".utf8
                    index = end
                    continue
                }
                if let end = prefixedKeyEnd(bytes, from: index) {
                    output = (output ?? Array(bytes[..<index])) + "[REDACTED]".utf8
                    index = end
                    continue
                }
                if let (valueStart, valueEnd) = secretValue(bytes, keyAt: index) {
                    output = (output ?? Array(bytes[..<index])) + bytes[index..<valueStart] + "[REDACTED]".utf8
                    index = valueEnd
                    continue
                }
            }
            output?.append(bytes[index])
            index += 1
        }
        return output.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    private static func mightContainSecret(_ bytes: [UInt8]) -> Bool {
        var hasSeparator = false
        for byte in bytes where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "=")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: " ") {
            hasSeparator = true
            break
        }
        return hasSeparator
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func startsToken(_ bytes: [UInt8], _ index: Int) -> Bool {
        index == 0 || !isTokenByte(bytes[index - 1])
    }

    /// `eyJ…` `.` `…` `.` `…`: a JWT; returns where it ends.
    private static func jwtEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard hasPrefix(bytes, start, jwtStart, caseSensitive: true) else { return nil }
        var index = start
        var segments = 1
        var segmentLength = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isTokenByte(byte) {
                segmentLength += 1
            } else if byte == UInt8(ascii: "."), segmentLength > 0, segments < 3 {
                segments += 1
                segmentLength = 0
            } else {
                break
            }
            index += 1
        }
        return segments >= 2 && index - start >= 16 ? index : nil
    }

    private static func prefixedKeyEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        for prefix in prefixBytes where hasPrefix(bytes, start, prefix, caseSensitive: true) {
            var index = start + prefix.count
            while index < bytes.count, isTokenByte(bytes[index]) { index += 1 }
            if index - start >= prefix.count + 8 { return index }
        }
        return nil
    }

    /// At a secret key name followed by `=`, `:` or a space (`Bearer x`), the range of its value.
    private static func secretValue(_ bytes: [UInt8], keyAt start: Int) -> (Int, Int)? {
        guard startsToken(bytes, start) else { return nil }
        var keyEnd: Int?
        let isBearer = hasPrefix(bytes, start, bearer, caseSensitive: false)
        if isBearer {
            keyEnd = start + 6
        } else {
            for key in foldedKeys where hasPrefix(bytes, start, key, caseSensitive: false) {
                let end = start + key.count
                if end == bytes.count || !isTokenByte(bytes[end]) { keyEnd = end; break }
            }
        }
        guard var index = keyEnd else { return nil }
        // Closing quote of a quoted key, separators, an opening quote, and a scheme word.
        while index < bytes.count, isQuote(bytes[index]) { index += 1 }
        // A key word in prose ("nothing secret here") is not a key: a value follows `=` or `:`,
        // or, after `Bearer`, a space.
        var sawSeparator = false
        while index < bytes.count, isSeparator(bytes[index]) {
            if isBearer || bytes[index] != UInt8(ascii: " ") { sawSeparator = true }
            index += 1
        }
        guard sawSeparator else { return nil }
        while index < bytes.count, isQuote(bytes[index]) { index += 1 }
        if hasPrefix(bytes, index, bearer, caseSensitive: false) { index += 7 }
        let valueStart = index
        while index < bytes.count, !isValueTerminator(bytes[index]) { index += 1 }
        guard index - valueStart >= 4 else { return nil }
        // `service_key=True` says which key was used, not what it is.
        let value = String(decoding: bytes[valueStart..<index], as: UTF8.self).lowercased()
        if ["true", "false", "none", "null", "nil", "yes", "no"].contains(value) { return nil }
        return (valueStart, index)
    }

    private static func isValueTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ")")
            || byte == UInt8(ascii: "&") || byte == UInt8(ascii: ";") || byte < 0x20
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":")
    }

    /// Whether `bytes` has `prefix` at `start`; when not `caseSensitive`, `prefix` is folded
    /// (see ``foldCase(_:)``) and so is each byte compared with it.
    private static func hasPrefix(_ bytes: [UInt8], _ start: Int, _ prefix: [UInt8], caseSensitive: Bool) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count {
            let byte = bytes[start + offset]
            if (caseSensitive ? byte : foldCase(byte)) != prefix[offset] { return false }
        }
        return true
    }

    private static func foldCase(_ byte: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        if byte == UInt8(ascii: "-") { return UInt8(ascii: "_") }
        return byte
    }
}
