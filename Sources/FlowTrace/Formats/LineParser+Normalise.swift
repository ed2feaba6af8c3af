import CByteScan

/// Copies a line into the event text, removing ANSI escape sequences and repairing mojibake, and
/// notes NUL bytes and invalid UTF-8. A line is screened once, sixteen bytes at a time, and copied
/// in runs between the bytes it changes: one `memcpy` for clean lines (the common case), also when
/// they hold valid UTF-8 such as emoji. The screen also finds the first `"` (where an access line's
/// request line may start), so that the message analysis need not search for it.
extension LineParser {
    /// Normalises `source[0..<count]` into the event text; `firstQuote` is set to the text offset
    /// of its first `"`, or `Int.max`.
    func normalise(_ source: UnsafeRawPointer, count: Int, firstQuote: inout Int) -> EventFlags {
        firstQuote = Int.max
        text.reserve(count)
        var flags: EventFlags = []
        let repairer = tables.repairer
        var index = 0
        var runStart = 0
        while index < count {
            index = LineParser.nextSuspicious(source, from: index, count: count, quotes: firstQuote == Int.max)
            guard index < count else { break }
            let byte = ByteClass.byte(source, index)
            if byte < 0x80 {
                if byte == 0x1B {
                    text.append(source + runStart, count: index - runStart)
                    index = LineParser.endOfEscape(source, at: index, count: count)
                    runStart = index
                    flags.insert(.ansiStripped)
                    continue
                }
                if byte == 0x22 {
                    if firstQuote == Int.max { firstQuote = text.count + index - runStart }
                } else if byte == 0 {
                    flags.insert(.containsNUL)
                }
                index += 1
                continue
            }
            if repairer.canStart(with: byte) {
                text.append(source + runStart, count: index - runStart)
                runStart = index
                if let consumed = repairer.repair(source, at: index, end: count, into: text) {
                    index += consumed
                    runStart = index
                    flags.insert(.mojibakeRepaired)
                    continue
                }
            }
            let length = LineParser.validSequenceLength(source, at: index, count: count)
            if length == 0 {
                flags.insert(.invalidUTF8)
                index += 1
            } else {
                index += length
            }
        }
        text.append(source + runStart, count: count - runStart)
        return flags
    }

    /// The offset of the first control byte (ESC and NUL among them), non-ASCII byte or (with
    /// `quotes`) `"` at or after `index` (or `count`), sixteen bytes at a time.
    @inline(__always)
    static func nextSuspicious(_ source: UnsafeRawPointer, from index: Int, count: Int, quotes: Bool) -> Int {
        flowtrace_next_suspicious(source.assumingMemoryBound(to: UInt8.self), index, count, quotes ? 1 : 0)
    }

    /// The offset just past the escape sequence starting at `index` (CSI, OSC, nF or a two-byte escape).
    static func endOfEscape(_ source: UnsafeRawPointer, at index: Int, count: Int) -> Int {
        var position = index + 1
        guard position < count else { return position }
        let kind = ByteClass.byte(source, position)
        position += 1
        if kind == 0x5B {
            while position < count {
                let byte = ByteClass.byte(source, position)
                position += 1
                if byte >= 0x40, byte <= 0x7E { break }
                if byte < 0x20 || byte > 0x7E { return position - 1 }
            }
        } else if kind >= 0x20, kind <= 0x2F {
            while position < count, ByteClass.byte(source, position) >= 0x20, ByteClass.byte(source, position) <= 0x2F {
                position += 1
            }
            return min(position + 1, count)
        } else if kind == 0x5D {
            while position < count {
                let byte = ByteClass.byte(source, position)
                if byte == 0x07 { return position + 1 }
                if byte == 0x1B { return min(position + 2, count) }
                position += 1
            }
        }
        return position
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
    @inline(__always)
    static func validSequenceLength(_ source: UnsafeRawPointer, at index: Int, count: Int) -> Int {
        let lead = ByteClass.byte(source, index)
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return 0
        }
        guard index + length <= count else { return 0 }
        let second = ByteClass.byte(source, index + 1)
        guard second >= lowest, second <= highest else { return 0 }
        for offset in 2..<max(length, 2) {
            let byte = ByteClass.byte(source, index + offset)
            if byte & 0xC0 != 0x80 { return 0 }
        }
        return length
    }
}
