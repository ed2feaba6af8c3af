/// Finds the variable parts of a log message, byte by byte, as log template miners do: UUIDs,
/// long hex strings, e-mail addresses, IP addresses, dates and times, durations, numbers and
/// quoted strings. What is left is the *step*: two lines that log the same step differ only in
/// their spans. Works on the message's bytes (the parser already repaired mojibake and decoded
/// JSON), never allocating per byte; words are skipped whole, so `v1` or `utf8` stay words.
public enum StepMasker {
    /// Appends the variable spans of `bytes`, in order, to `spans`.
    public static func spans(in bytes: UnsafeRawBufferPointer, into spans: inout [MaskedSpan]) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let atBoundary = index == 0 || !isWordByte(bytes[index - 1])
            if atBoundary, byte == quote || byte == apostrophe, let end = quotedEnd(bytes, from: index) {
                spans.append(MaskedSpan(start: index, end: end, kind: .quoted))
                index = end
            } else if atBoundary, isWordByte(byte) {
                if let span = variable(bytes, at: index) {
                    spans.append(span)
                    index = span.end
                } else {
                    while index < count, isWordByte(bytes[index]) { index += 1 }
                }
            } else {
                index += 1
            }
        }
    }

    /// The spans of a String (tests and the edges).
    public static func spans(in text: String) -> [MaskedSpan] {
        var copy = text
        var spans: [MaskedSpan] = []
        copy.withUTF8 { self.spans(in: UnsafeRawBufferPointer($0), into: &spans) }
        return spans
    }

    /// The bytes of a leading status symbol (an emoji and its variation selector) and the spaces
    /// after it: the symbol is compared as the event's status, not as part of the step.
    public static func symbolLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        while index < bytes.count, bytes[index] >= 0x80 || bytes[index] == space { index += 1 }
        return index
    }

    // MARK: - Recognisers, tried in order at the start of a word

    private static func variable(_ bytes: UnsafeRawBufferPointer, at start: Int) -> MaskedSpan? {
        if let end = uuidEnd(bytes, start) { return MaskedSpan(start: start, end: end, kind: .id) }
        if let end = emailEnd(bytes, start) { return MaskedSpan(start: start, end: end, kind: .id) }
        guard isDigit(bytes[start]) else {
            if let end = hexEnd(bytes, start) { return MaskedSpan(start: start, end: end, kind: .id) }
            return nil
        }
        if let end = dateTimeEnd(bytes, start) ?? timeEnd(bytes, start) {
            return MaskedSpan(start: start, end: end, kind: .time)
        }
        if let end = ipv4End(bytes, start) { return MaskedSpan(start: start, end: end, kind: .id) }
        if let end = hexEnd(bytes, start) { return MaskedSpan(start: start, end: end, kind: .id) }
        guard var span = number(bytes, start) else { return nil }
        if span.kind == .number, inURL(bytes, at: start) { span.kind = .id }
        return span
    }

    /// Whether a number at `start` is a segment or parameter of a URL or path (`/users/42`,
    /// `?page=2`): an id, not a value. The word it is in starts with `/` or holds `://`.
    private static func inURL(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard start > 0, bytes[start - 1] == slash || bytes[start - 1] == equals else { return false }
        var index = start - 1
        while index > 0, bytes[index - 1] != space, bytes[index - 1] != quote { index -= 1 }
        if bytes[index] == slash { return true }
        while index + 2 < start {
            if bytes[index] == colon, bytes[index + 1] == slash, bytes[index + 2] == slash { return true }
            index += 1
        }
        return false
    }

    /// `8-4-4-4-12` hex digits, followed by a non-word byte.
    private static func uuidEnd(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        var index = start
        for (group, length) in [8, 4, 4, 4, 12].enumerated() {
            if group > 0 {
                guard index < bytes.count, bytes[index] == dash else { return nil }
                index += 1
            }
            for _ in 0..<length {
                guard index < bytes.count, isHex(bytes[index]) else { return nil }
                index += 1
            }
        }
        return endsWord(bytes, index) ? index : nil
    }

    /// `0x…`, or a run of at least 8 hex digits with a digit in it (a hash, a key, a hex id).
    private static func hexEnd(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        var index = start
        if bytes[start] == zero, start + 2 < bytes.count, bytes[start + 1] | 0x20 == UInt8(ascii: "x"),
           isHex(bytes[start + 2]) {
            index = start + 2
            while index < bytes.count, isHex(bytes[index]) { index += 1 }
            return endsWord(bytes, index) ? index : nil
        }
        var hasDigit = false
        while index < bytes.count, isHex(bytes[index]) {
            hasDigit = hasDigit || isDigit(bytes[index])
            index += 1
        }
        return index - start >= 8 && hasDigit && endsWord(bytes, index) ? index : nil
    }

    /// `local@domain.tld`.
    private static func emailEnd(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        var index = start
        while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == dot || bytes[index] == dash
            || bytes[index] == plus { index += 1 }
        guard index > start, index < bytes.count, bytes[index] == at else { return nil }
        index += 1
        let domainStart = index
        var dots = 0
        while index < bytes.count, isWordByte(bytes[index]) || bytes[index] == dash || bytes[index] == dot {
            if bytes[index] == dot { dots += 1 }
            index += 1
        }
        while index > domainStart, bytes[index - 1] == dot { index -= 1; dots -= 1 }
        return index > domainStart && dots > 0 ? index : nil
    }

    /// `2025-08-02`, optionally followed by `T` or a space and a time of day.
    private static func dateTimeEnd(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        guard let afterYear = digits(bytes, start, exactly: 4), afterYear < bytes.count, bytes[afterYear] == dash,
              let afterMonth = digits(bytes, afterYear + 1, exactly: 2), afterMonth < bytes.count,
              bytes[afterMonth] == dash, let afterDay = digits(bytes, afterMonth + 1, exactly: 2)
        else { return nil }
        if afterDay + 1 < bytes.count, bytes[afterDay] == UInt8(ascii: "T") || bytes[afterDay] == space,
           let end = timeEnd(bytes, afterDay + 1) {
            return end
        }
        return endsWord(bytes, afterDay) ? afterDay : nil
    }

    /// `7:07`, `07:07:57`, `07:07:57.123456`, `07:07:57,123`, with an optional `Z` or offset.
    private static func timeEnd(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        var index = start
        let hourEnd = digits(bytes, index, exactly: 2) ?? digits(bytes, index, exactly: 1)
        guard let hourEnd, hourEnd < bytes.count, bytes[hourEnd] == colon,
              let minuteEnd = digits(bytes, hourEnd + 1, exactly: 2) else { return nil }
        index = minuteEnd
        if index < bytes.count, bytes[index] == colon, let secondEnd = digits(bytes, index + 1, exactly: 2) {
            index = secondEnd
            if index + 1 < bytes.count, bytes[index] == dot || bytes[index] == comma, isDigit(bytes[index + 1]) {
                index += 1
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") { index += 1 }
        if index < bytes.count, bytes[index] == plus || bytes[index] == dash,
           let hours = digits(bytes, index + 1, exactly: 2), hours < bytes.count, bytes[hours] == colon,
           let minutes = digits(bytes, hours + 1, exactly: 2) {
            index = minutes
        }
        return endsWord(bytes, index) ? index : nil
    }

    /// `10.0.2.65`, with an optional `:port`.
    private static func ipv4End(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        var index = start
        for part in 0..<4 {
            if part > 0 {
                guard index < bytes.count, bytes[index] == dot else { return nil }
                index += 1
            }
            let partStart = index
            while index < bytes.count, isDigit(bytes[index]), index - partStart < 3 { index += 1 }
            guard index > partStart else { return nil }
        }
        if index + 1 < bytes.count, bytes[index] == colon, isDigit(bytes[index + 1]) {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return endsWord(bytes, index) ? index : nil
    }

    /// A number (`12`, `3.5`), a duration when a unit follows (`122ms`, `1.5s`), or nil inside a
    /// word that merely starts with a digit (`2fa`).
    private static func number(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> MaskedSpan? {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        if index + 1 < bytes.count, bytes[index] == dot, isDigit(bytes[index + 1]) {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if endsWord(bytes, index) { return MaskedSpan(start: start, end: index, kind: .number) }
        for unit in durationUnits {
            let end = index + unit.count
            guard end <= bytes.count else { continue }
            var matches = true
            for (offset, byte) in unit.enumerated() where bytes[index + offset] != byte { matches = false; break }
            if matches, endsWord(bytes, end) { return MaskedSpan(start: start, end: end, kind: .duration) }
        }
        return nil
    }

    // MARK: - Bytes

    private static let durationUnits: [[UInt8]] = ["ms", "us", "µs", "ns", "s", "m", "h", "min"].map { Array($0.utf8) }
    private static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), dash = UInt8(ascii: "-")
    private static let dot = UInt8(ascii: "."), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    private static let plus = UInt8(ascii: "+"), at = UInt8(ascii: "@"), space = UInt8(ascii: " ")
    private static let zero = UInt8(ascii: "0"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")

    /// The end of a quoted string starting at `start` (closing quote included) on this line, if the
    /// closing quote is not inside a word (`it's` is no quote).
    private static func quotedEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let mark = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == mark { return endsWord(bytes, index + 1) || mark == quote ? index + 1 : nil }
            index += 1
        }
        return nil
    }

    private static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, exactly count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        for index in start..<(start + count) where !isDigit(bytes[index]) { return nil }
        return start + count
    }

    private static func endsWord(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> Bool {
        index >= bytes.count || !isWordByte(bytes[index])
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }

    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_")
    }
}
