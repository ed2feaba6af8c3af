/// Finds the secrets of one text (see ``SecretRedactor``) in one pass: word by word, where a word
/// is a run of letters, digits, `-` and `_`, each looked at once (a JWT, an API key prefix, a
/// secret key name and its value), and at each `://` a URL's password. After a secret the scan
/// goes on behind it, so the spans come sorted and never overlap, and the work stays linear in
/// the length of the text however long its lines.
struct SecretScanner {
    let bytes: [UInt8]

    /// ``SecretRedactor/secretKeys`` and ``SecretRedactor/secretPrefixes`` as bytes, the keys folded
    /// (see ``foldCase(_:)``).
    static let foldedKeys = SecretRedactor.secretKeys.map { $0.utf8.map(foldCase) }
    static let prefixes = SecretRedactor.secretPrefixes.map { Array($0.utf8) }
    static let jwtStart = Array("eyJ".utf8)
    /// Inside a word (`req…eyJ…`), a JWT needs a header this long: real headers have 20 or more.
    static let minimumEmbeddedHeader = 16

    /// The secrets, sorted by position.
    func spans() -> [SecretSpan] {
        var spans: [SecretSpan] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ":"), let span = urlPassword(colon: index) {
                spans.append(span)
                index = span.range.upperBound
            } else if Self.isWordByte(bytes[index]) {
                let word = index..<wordEnd(from: index)
                if let span = secret(in: word) {
                    spans.append(span)
                    index = max(span.range.upperBound, word.lowerBound + 1)
                } else {
                    index = word.upperBound
                }
            } else {
                index += 1
            }
        }
        return spans
    }

    /// The secret that starts with `word` or inside it, or the value `word` is the key of.
    private func secret(in word: Range<Int>) -> SecretSpan? {
        if let end = jwtEnd(from: word.lowerBound, minimumHeader: 0) { return .jwt(word.lowerBound..<end) }
        if let end = prefixedKeyEnd(word) { return .secret(word.lowerBound..<end) }
        if let value = secretValue(afterKey: word) { return .secret(value) }
        if let start = embeddedJWTStart(word), let end = jwtEnd(from: start, minimumHeader: Self.minimumEmbeddedHeader) {
            return .jwt(start..<end)
        }
        return nil
    }

    private func wordEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
        return index
    }

    /// `eyJ…` `.` `…` (`.` `…`): a JWT; returns where it ends. Its header must have at least
    /// `minimumHeader` characters.
    private func jwtEnd(from start: Int, minimumHeader: Int) -> Int? {
        guard hasPrefix(Self.jwtStart, at: start) else { return nil }
        var index = start
        var segments = 1
        var segmentLength = 0
        var headerLength = 0
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isWordByte(byte) {
                segmentLength += 1
            } else if byte == UInt8(ascii: "."), segmentLength > 0, segments < 3 {
                if segments == 1 { headerLength = segmentLength }
                segments += 1
                segmentLength = 0
            } else {
                break
            }
            index += 1
        }
        return segments >= 2 && index - start >= 16 && headerLength >= minimumHeader ? index : nil
    }

    /// Where `eyJ` first occurs inside `word` after its first byte. Only the first can start a
    /// JWT where a later one could not: a later one has the shorter header.
    private func embeddedJWTStart(_ word: Range<Int>) -> Int? {
        guard word.count > Self.minimumEmbeddedHeader else { return nil }
        for index in (word.lowerBound + 1)..<(word.upperBound - 2) where hasPrefix(Self.jwtStart, at: index) {
            return index
        }
        return nil
    }

    /// An API key with a known prefix (`sk_live_…`) and at least 8 more characters.
    private func prefixedKeyEnd(_ word: Range<Int>) -> Int? {
        for prefix in Self.prefixes where hasPrefix(prefix, at: word.lowerBound) {
            if word.count >= prefix.count + 8 { return word.upperBound }
        }
        return nil
    }

    /// At the `:` of `scheme://user:password@host`, the password; nil for a URL without one.
    private func urlPassword(colon: Int) -> SecretSpan? {
        guard colon > 0, Self.isWordByte(bytes[colon - 1]), colon + 2 < bytes.count,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        let authority = colon + 3
        var index = authority
        var at: Int?
        while index < bytes.count, !Self.endsAuthority(bytes[index]) {
            if bytes[index] == UInt8(ascii: "@") { at = index }
            index += 1
        }
        // The last `@`: a password written with an unescaped `@` stays whole.
        guard let at, let separator = bytes[authority..<at].firstIndex(of: UInt8(ascii: ":")),
              separator + 1 < at else { return nil }
        return .secret((separator + 1)..<at)
    }

    /// Whether `bytes` has `prefix` at `start`, exactly.
    func hasPrefix(_ prefix: [UInt8], at start: Int) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[start + offset] != prefix[offset] { return false }
        return true
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// The end of a URL's `user:password@host:port`: a path, query or fragment, a space, a quote.
    private static func endsAuthority(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
            || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "`")
    }

    /// ASCII letters in lower case and `-` as `_`, so that `X-Api-Key` is `x_api_key`.
    static func foldCase(_ byte: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        if byte == UInt8(ascii: "-") { return UInt8(ascii: "_") }
        return byte
    }
}
