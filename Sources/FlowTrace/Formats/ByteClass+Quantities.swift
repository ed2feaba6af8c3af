/// Numbers with more to them than digits: durations with a unit (`812ms`, `1.2s`, `350us`,
/// `800 ms`, `2 seconds`) and integers grouped in thousands (`1,240`).
extension ByteClass {
    /// A duration's value in milliseconds and where its text ends.
    struct Duration {
        var milliseconds: Int64
        var end: Int
        /// Whether the value is the integer's digits as they stand (`812ms`), with no fraction or
        /// scaling: only then can a message that differs in those digits reuse the reading.
        var isWholeMilliseconds: Bool
    }

    /// The unit (and fraction) after the integer `whole` read before `position`: optionally
    /// `.digits`, then optionally one space, then `ms`, `s`, `us` or `µs`, or `msec`, `sec`,
    /// `usec`, `millisecond`, `second`, `microsecond` (any of these six with an `s`), not followed
    /// by a word character. Rounded to the nearest millisecond; nil when there is no such unit or
    /// the value does not fit. `2m` is no duration: minutes, millions and metres all write so.
    static func durationSuffix(_ base: UnsafeRawPointer, whole: Int64, at position: Int, end: Int) -> Duration? {
        var cursor = position
        var fraction: Int64 = 0  // in millionths of the unit
        var fractionScale: Int64 = 1_000_000  // a fraction digit's place, in millionths
        var hasFraction = false
        if cursor + 1 < end, byte(base, cursor) == 0x2E, isDigit(byte(base, cursor + 1)) {
            hasFraction = true
            cursor += 1
            while cursor < end, isDigit(byte(base, cursor)) {
                fractionScale /= 10
                fraction += Int64(byte(base, cursor) - 0x30) * fractionScale
                cursor += 1
            }
        }
        if cursor + 1 < end, byte(base, cursor) == 0x20 { cursor += 1 }
        // The value in millionths of its unit, then rounded to milliseconds by the unit's size.
        guard let (millionthsPerMillisecond, unitEnd) = unit(base, at: cursor, end: end),
              unitEnd == end || !isWord(byte(base, unitEnd)), whole < Int64.max / 1_000_000 - 1
        else { return nil }
        let millionths = whole * 1_000_000 + fraction
        return Duration(milliseconds: (millionths + millionthsPerMillisecond / 2) / millionthsPerMillisecond,
                        end: unitEnd, isWholeMilliseconds: millionthsPerMillisecond == 1_000_000 && !hasFraction)
    }

    /// The duration unit at `position` (``durationSuffix(_:whole:at:end:)``): millionths of the
    /// unit per millisecond, and where its letters end.
    private static func unit(_ base: UnsafeRawPointer, at position: Int, end: Int) -> (Int64, Int)? {
        guard position < end else { return nil }
        let first = byte(base, position)
        if first == 0xC2 || first == 0xCE {
            // `µs` with the micro sign (U+00B5, Go's) or the Greek mu (U+03BC).
            guard has(base, at: position, end: end, "\u{B5}s") || has(base, at: position, end: end, "\u{3BC}s")
            else { return nil }
            return (1_000_000_000, position + 3)
        }
        var unitEnd = position
        while unitEnd < end, unitEnd - position < 13, isLetter(byte(base, unitEnd)) { unitEnd += 1 }
        let length = unitEnd - position
        guard length > 0 else { return nil }
        func spells(_ word: StaticString) -> Bool {
            // The word, or the word and a plural `s`.
            let count = word.utf8CodeUnitCount
            return (length == count || length == count + 1 && count > 2 && byte(base, position + count) == 0x73)
                && has(base, at: position, end: end, word)
        }
        let twoLetters = length == 2 && byte(base, position + 1) == 0x73  // `ms`, `us`
        switch first {
        case 0x73 where length == 1 || spells("sec") || spells("second"): return (1000, unitEnd)
        case 0x6D where twoLetters || spells("msec") || spells("millisecond"): return (1_000_000, unitEnd)
        case 0x6D where spells("microsecond"), 0x75 where twoLetters || spells("usec"): return (1_000_000_000, unitEnd)
        default: return nil
        }
    }

    /// `value` (the one to three digits before `position`) extended by the thousands groups that
    /// follow (`,240`: a comma and exactly three digits), and where they end; nil when none follow.
    static func thousandsGroups(_ base: UnsafeRawPointer, value: Int64, at position: Int, end: Int)
        -> (value: Int64, end: Int)? {
        var total = value
        var cursor = position
        var groups = 0
        while groups < 5, cursor + 4 <= end, byte(base, cursor) == 0x2C,
              let group = fixedDigits(base, at: cursor + 1, count: 3, end: end),
              cursor + 4 == end || !isWord(byte(base, cursor + 4)) {
            total = total * 1000 + group
            cursor += 4
            groups += 1
        }
        return groups == 0 ? nil : (total, cursor)
    }
}
