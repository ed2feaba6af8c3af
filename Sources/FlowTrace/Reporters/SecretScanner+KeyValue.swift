/// The value of a secret key (`password=…`, `"DB_PASSWORD": "…"`, `Authorization: Basic …`) or
/// of `Bearer …`.
extension SecretScanner {
    /// What a key word is, as far as its value goes.
    enum KeyKind {
        /// `Bearer`: a space is enough before its value, which needs 4 bytes ("Bearer of bad news").
        case bearer
        /// `Authorization`: its value may start with a scheme (`Basic`), which stays readable.
        case authorization
        /// Any other key naming a secret.
        case secret
    }

    static let bearer = Array("bearer".utf8)
    static let authorization = Array("authorization".utf8)
    /// Values that say which key was used or that there is none, not what it is.
    static let harmlessValues: Set<String> = ["true", "false", "none", "null", "nil", "yes", "no"]
    /// The longest word taken for an `Authorization` scheme (`Negotiate`, `SharedKey`).
    static let maximumSchemeLength = 16

    /// The kind of key `word` is, or nil when it names no secret.
    func keyKind(_ word: Range<Int>) -> KeyKind? {
        if word.count == Self.bearer.count, endsWith(word, Self.bearer) { return .bearer }
        if endsWith(word, Self.authorization) { return .authorization }
        return Self.foldedKeys.contains { endsWith(word, $0) } ? .secret : nil
    }

    /// When `word` is a secret key followed by its value, the range of the value alone.
    ///
    /// A value follows `=` or `:`, also URL-encoded (after `Bearer`, a space or tab): a key word in
    /// prose ("nothing secret here") is not a key. A quoted value ends at its closing quote, spaces and all; any other at
    /// a space, quote or `,` `}` `)` `&` `;`.
    func secretValue(afterKey word: Range<Int>) -> Range<Int>? {
        guard let kind = keyKind(word) else { return nil }
        var index = word.upperBound
        // The closing quote of a quoted key (`"password":`, `\"password\":`).
        while index < bytes.count, Self.isQuote(bytes[index]) || bytes[index] == UInt8(ascii: "\\") { index += 1 }
        var sawSeparator = false
        while index < bytes.count, let length = separatorLength(at: index) {
            if kind == .bearer || !Self.isBlank(bytes[index]) { sawSeparator = true }
            index += length
        }
        guard sawSeparator else { return nil }
        var escaped = false
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), Self.isQuote(bytes[index + 1]) {
            escaped = true
            index += 1
        }
        var quote: UInt8?
        if index < bytes.count, Self.isQuote(bytes[index]) {
            quote = bytes[index]
            index += 1
        }
        let start: Int, end: Int
        if let quote {
            end = closingQuote(quote, from: index, escaped: escaped)
            start = index + schemeLength(at: index, before: end, kind: kind)
        } else {
            start = index + schemeLength(at: index, before: bytes.count, kind: kind)
            end = unquotedEnd(from: start)
        }
        guard end - start >= (kind == .bearer ? 4 : 1) else { return nil }
        let value = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        return Self.harmlessValues.contains(value) ? nil : start..<end
    }

    /// How many bytes of the value at `start` are a scheme word and its space, shown as they are:
    /// `Bearer ` after any key, any short word of letters after `Authorization` (`Basic `).
    private func schemeLength(at start: Int, before end: Int, kind: KeyKind) -> Int {
        if kind == .bearer { return 0 }
        var index = start
        while index < end, isLetter(bytes[index]) { index += 1 }
        let word = start..<index
        guard index + 1 < end, Self.isBlank(bytes[index]), !Self.isValueTerminator(bytes[index + 1]) else {
            return 0
        }
        let isScheme = kind == .authorization
            ? word.count >= 2 && word.count <= Self.maximumSchemeLength
            : word.count == Self.bearer.count && endsWith(word, Self.bearer)
        return isScheme ? word.count + 1 : 0
    }

    /// Where a value opened by `quote` (written `\"` when `escaped`) ends: at its closing quote,
    /// or at the end of the line when there is none.
    private func closingQuote(_ quote: UInt8, from start: Int, escaped: Bool) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
            if bytes[index] == quote {
                let afterBackslash = index > start && bytes[index - 1] == UInt8(ascii: "\\")
                if escaped { return afterBackslash ? index - 1 : index }
                if !afterBackslash { return index }
            }
            index += 1
        }
        return index
    }

    private func unquotedEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, !Self.isValueTerminator(bytes[index]) { index += 1 }
        return index
    }

    /// Whether `word` ends with `folded`, compared folded (see ``foldCase(_:)``).
    private func endsWith(_ word: Range<Int>, _ folded: [UInt8]) -> Bool {
        guard word.count >= folded.count else { return false }
        let start = word.upperBound - folded.count
        for offset in 0..<folded.count where Self.foldCase(bytes[start + offset]) != folded[offset] { return false }
        return true
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isValueTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ")")
            || byte == UInt8(ascii: "&") || byte == UInt8(ascii: ";") || byte < 0x20
    }

    static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// A space or a tab.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The length of the separator between a key and its value at `index`: a blank, `=` or `:`,
    /// or `=` and `:` URL-encoded (`api_key%3D…`, `token%3a…`); nil when there is none.
    private func separatorLength(at index: Int) -> Int? {
        let byte = bytes[index]
        if Self.isBlank(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") { return 1 }
        guard byte == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "3") else { return nil }
        let hex = bytes[index + 2] | 0x20
        return hex == UInt8(ascii: "d") || hex == UInt8(ascii: "a") ? 3 : nil
    }
}
