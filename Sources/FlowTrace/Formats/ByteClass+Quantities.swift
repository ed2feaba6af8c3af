/// Numbers with more to them than digits: durations with a unit (`812ms`, `1.2s`, `350us`) and
/// integers grouped in thousands (`1,240`).
extension ByteClass {
    /// A duration's value in milliseconds and where its text ends.
    struct Duration {
        var milliseconds: Int64
        var end: Int
        /// Whether the value is the integer's digits as they stand (`812ms`), with no fraction or
        /// scaling: only then can a message that differs in those digits reuse the reading.
        var isWholeMilliseconds: Bool
    }

    /// The unit (and fraction) after the integer `whole` read before `position`: `ms`, `s`, `us`
    /// or `µs`, optionally after `.digits`, and not followed by a word character. Rounded to the
    /// nearest millisecond; nil when there is no such unit or the value does not fit.
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
        // The value in millionths of its unit, then rounded to milliseconds by the unit's size.
        let millionthsPerMillisecond: Int64
        if has(base, at: cursor, end: end, "ms") {
            millionthsPerMillisecond = 1_000_000
            cursor += 2
        } else if has(base, at: cursor, end: end, "us") {
            millionthsPerMillisecond = 1_000_000_000
            cursor += 2
        } else if has(base, at: cursor, end: end, "\u{B5}s") {
            millionthsPerMillisecond = 1_000_000_000
            cursor += 3
        } else if cursor < end, byte(base, cursor) == 0x73 {
            millionthsPerMillisecond = 1000
            cursor += 1
        } else {
            return nil
        }
        guard cursor == end || !isWord(byte(base, cursor)), whole < Int64.max / 1_000_000 - 1 else { return nil }
        let millionths = whole * 1_000_000 + fraction
        return Duration(milliseconds: (millionths + millionthsPerMillisecond / 2) / millionthsPerMillisecond,
                        end: cursor, isWholeMilliseconds: millionthsPerMillisecond == 1_000_000 && !hasFraction)
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
