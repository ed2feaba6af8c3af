/// Reads timestamps from bytes: ISO 8601 and `logging` dates (`2025-08-02 07:07:57,123`,
/// `2025-08-02T07:07:57.123456789Z`, `…+02:00`, `…+0200`, `…+02`), times of day (`07:07:57`,
/// `07:07:57.123`) and epoch numbers (seconds, milliseconds, microseconds or nanoseconds, told
/// apart by their size; seconds with or without a fraction).
enum TimeParser {
    /// A parsed timestamp and the offset just past it.
    struct Parsed {
        var milliseconds: Int64
        var end: Int
        /// The UTC offset the text stated (local time minus UTC, in milliseconds); 0 for `Z` or none.
        var utcOffset: Int64 = 0
    }

    /// `YYYY-MM-DD[T ]HH:MM:SS[.,fraction][Z|±HH[[:]MM]]` at `start`, converted to UTC milliseconds
    /// (the offset it stated kept in ``Parsed/utcOffset``). `days` remembers the last date, which
    /// most lines repeat.
    static func dateTime(_ base: UnsafeRawPointer, at start: Int, end: Int, days: inout DayCache) -> Parsed? {
        guard start + 19 <= end else { return nil }
        let head = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        let tail = base.loadUnaligned(fromByteOffset: start + 8, as: UInt16.self)
        if head != days.head || tail != days.tail {
            guard let year = ByteClass.fixedDigits(base, at: start, count: 4, end: end),
                  ByteClass.byte(base, start + 4) == 0x2D,
                  let month = ByteClass.fixedDigits(base, at: start + 5, count: 2, end: end),
                  ByteClass.byte(base, start + 7) == 0x2D,
                  let day = ByteClass.fixedDigits(base, at: start + 8, count: 2, end: end),
                  month >= 1, month <= 12, day >= 1, day <= 31
            else { return nil }
            days = DayCache(head: head, tail: tail, days: LogTime.daysSinceEpoch(year: year, month: month, day: day))
        }
        let separator = ByteClass.byte(base, start + 10)
        guard separator == 0x54 || separator == 0x20 || separator == 0x74 else { return nil }
        let clock = base.loadUnaligned(fromByteOffset: start + 11, as: UInt64.self)
        if clock != days.clock {
            guard let seconds = clockMilliseconds(clock) else { return nil }
            days.clock = clock
            days.clockMilliseconds = seconds
        }
        let time = withFraction(days.clockMilliseconds, base, after: start + 19, end: end)
        var milliseconds = days.days * LogTime.millisecondsPerDay + time.milliseconds
        var position = time.end
        var utcOffset: Int64 = 0
        if position < end {
            let byte = ByteClass.byte(base, position)
            if byte == 0x5A || byte == 0x7A {
                position += 1
            } else if byte == 0x2B || byte == 0x2D, let offset = offset(base, at: position + 1, end: end) {
                utcOffset = byte == 0x2B ? offset.milliseconds : -offset.milliseconds
                milliseconds -= utcOffset
                position = offset.end
            }
        }
        return Parsed(milliseconds: milliseconds, end: position, utcOffset: utcOffset)
    }

    /// The `HH:MM`, `HHMM` or `HH` (PostgreSQL prints whole hours so) of a UTC offset after its
    /// sign, in milliseconds, and where it ends; nil for other digits (`+5`, `+053`).
    private static func offset(_ base: UnsafeRawPointer, at start: Int, end: Int) -> Parsed? {
        guard let hours = ByteClass.fixedDigits(base, at: start, count: 2, end: end), hours < 24 else { return nil }
        var cursor = start + 2
        var minutes: Int64 = 0
        if cursor < end, ByteClass.byte(base, cursor) == 0x3A { cursor += 1 }
        if let digits = ByteClass.fixedDigits(base, at: cursor, count: 2, end: end) {
            guard digits < 60 else { return nil }
            minutes = digits
            cursor += 2
        } else {
            cursor = start + 2  // hours only; a `:` not followed by minutes is not the offset's
        }
        guard cursor == end || !ByteClass.isDigit(ByteClass.byte(base, cursor)) else { return nil }
        return Parsed(milliseconds: (hours * 60 + minutes) * 60_000, end: cursor)
    }

    /// `HH:MM:SS[.,fraction]` at `start`, as milliseconds since midnight. The eight bytes of
    /// `HH:MM:SS` are checked and read in one 64-bit word.
    static func timeOfDay(_ base: UnsafeRawPointer, at start: Int, end: Int) -> Parsed? {
        guard start + 8 <= end,
              let milliseconds = clockMilliseconds(base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        else { return nil }
        return withFraction(milliseconds, base, after: start + 8, end: end)
    }

    /// `HH:MM:SS` (the eight bytes of `clock`, first in the lowest) as milliseconds since midnight.
    @inline(__always)
    private static func clockMilliseconds(_ clock: UInt64) -> Int64? {
        // XOR with `00:00:00` leaves each digit's value in its byte and zero for each colon.
        let values = clock ^ 0x3030_3A30_303A_3030
        guard values & 0x0000_FF00_00FF_0000 == 0, values & 0xF0F0_F0F0_F0F0_F0F0 == 0,
              (values &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010 == 0
        else { return nil }
        func pair(_ first: UInt64) -> Int64 {
            Int64(values >> (first << 3) & 0xFF) * 10 + Int64(values >> ((first + 1) << 3) & 0xFF)
        }
        let hours = pair(0), minutes = pair(3), seconds = pair(6)
        guard hours < 24, minutes < 60, seconds < 61 else { return nil }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000
    }

    /// `seconds` (milliseconds since midnight) plus the `.fraction` or `,fraction` at `start`, if any.
    @inline(__always)
    private static func withFraction(_ seconds: Int64, _ base: UnsafeRawPointer, after start: Int, end: Int) -> Parsed {
        var milliseconds = seconds
        var position = start
        if position + 1 < end {
            let byte = ByteClass.byte(base, position)
            if (byte == 0x2E || byte == 0x2C), ByteClass.isDigit(ByteClass.byte(base, position + 1)) {
                position += 1
                // Exactly three digits (milliseconds, the common case) are read without a loop.
                if position + 4 <= end, ByteClass.isDigit(ByteClass.byte(base, position + 1)),
                   ByteClass.isDigit(ByteClass.byte(base, position + 2)),
                   !ByteClass.isDigit(ByteClass.byte(base, position + 3)) {
                    milliseconds += Int64(ByteClass.byte(base, position) &- 0x30) * 100
                        + Int64(ByteClass.byte(base, position + 1) &- 0x30) * 10
                        + Int64(ByteClass.byte(base, position + 2) &- 0x30)
                    position += 3
                } else {
                    milliseconds += fraction(base, &position, end: end)
                }
            }
        }
        return Parsed(milliseconds: milliseconds, end: position)
    }

    /// Reads fraction digits at `position` as milliseconds (truncating beyond three digits).
    static func fraction(_ base: UnsafeRawPointer, _ position: inout Int, end: Int) -> Int64 {
        var value: Int64 = 0
        var digits = 0
        while position < end, ByteClass.isDigit(ByteClass.byte(base, position)) {
            if digits < 3 { value = value * 10 + Int64(ByteClass.byte(base, position) - 0x30) }
            digits += 1
            position += 1
        }
        while digits < 3 { value *= 10; digits += 1 }
        return value
    }

    /// An epoch number (`1754118477`, `1754118477.123`, `1754118477123`, `1754118477123456`,
    /// `1754118477123456789`) as milliseconds, its unit told by its size: below 10¹¹ seconds (until
    /// the year 5138), then milliseconds, microseconds from 10¹⁴, nanoseconds from 10¹⁷. Finer
    /// units are truncated to the millisecond.
    static func epoch(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> Int64? {
        var position = start
        // Up to 19 digits (nanoseconds since 1970 have 19): read unsigned, as 19 nines overflow Int64.
        var whole: UInt64 = 0
        while position < end, position - start < 19, ByteClass.isDigit(ByteClass.byte(base, position)) {
            whole = whole * 10 + UInt64(ByteClass.byte(base, position) - 0x30)
            position += 1
        }
        guard position > start else { return nil }
        var fractionMilliseconds: Int64 = 0
        if position < end, ByteClass.byte(base, position) == 0x2E {
            position += 1
            fractionMilliseconds = fraction(base, &position, end: end)
        }
        guard position == end else { return nil }
        switch whole {
        case 100_000_000_000_000_000...: return Int64(whole / 1_000_000)
        case 100_000_000_000_000...: return Int64(whole / 1000)
        case 100_000_000_001...: return Int64(whole)
        default: return Int64(whole) * 1000 + fractionMilliseconds
        }
    }
}
