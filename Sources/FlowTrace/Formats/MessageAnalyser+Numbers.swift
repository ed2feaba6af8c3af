/// Numbers in a message: credits (signed, whole: a fraction is dropped, rounding down), row
/// counts and durations (``ByteClass/durationSuffix(_:whole:at:end:)``). Where each number field
/// was read is its origin (``NumberOrigins``): the digits of one ``NumberSpans`` span exactly when
/// the value is those digits as they stand, so that ``MessageMemo`` may read another line's value
/// there; otherwise (a sign, a fraction, a unit that scales, thousands groups) more than them, and
/// the memo keeps the reading to the line it was made for.
extension MessageAnalyser {
    /// A token that starts with a digit at `position`; returns where to continue.
    mutating func numberToken(at position: Int, classes: UnsafeMutablePointer<UInt8>) -> Int {
        if position > start, ByteClass.byte(base, position - 1) == 0x2E {
            // `.8s`, `= .5`: a fraction with no whole part.
            if position - 1 == start || classes[Int(ByteClass.byte(base, position - 2))] & 3 == 0 {
                return decimal(whole: 0, from: position - 1, at: position - 1, classes: classes)
            }
            // Digits after a word and a `.` are part of that token (`v1.6`, `file.2s`, `10.0.0.7`).
            return skipWord(from: position, classes: classes)
        }
        var cursor = position
        var value = ByteClass.readInteger(base, &cursor, end: end) ?? 0
        guard cursor < end else {
            number(signed(value, from: position, fractionIsZero: true), to: cursor)
            return cursor
        }
        let next = ByteClass.byte(base, cursor)
        if classes[Int(next)] & 3 != 0 || next == 0x2E {
            return decimal(whole: value, from: position, at: cursor, classes: classes)
        } else if next == 0x2C, cursor - position <= 3,
                  let grouped = ByteClass.thousandsGroups(base, value: value, at: cursor, end: end) {
            value = grouped.value
            cursor = grouped.end
            if cursor < end, ByteClass.byte(base, cursor) == 0x2E {
                return decimal(whole: value, from: position, at: cursor, classes: classes)
            }
        } else if next == 0x20 || next >= 0xC2,  // `800 ms`, `350µs`
                  let duration = ByteClass.durationSuffix(base, whole: value, at: cursor, end: end) {
            return self.duration(duration, from: position, digitsEnd: cursor)
        }
        number(signed(value, from: position, fractionIsZero: true), to: cursor)
        return cursor
    }

    /// The number or duration whose whole part `whole` (digits from `numberStart`) ends at
    /// `position`, where a word character or `.` follows: a duration (`1.2s`), a number with a
    /// fraction (`12.50`, rounded down), or a word that starts with digits (`2fa`, `1.5x`), which
    /// is no number. Returns where to continue.
    private mutating func decimal(whole: Int64, from numberStart: Int, at position: Int,
                                  classes: UnsafeMutablePointer<UInt8>) -> Int {
        if let duration = ByteClass.durationSuffix(base, whole: whole, at: position, end: end) {
            return self.duration(duration, from: numberStart, digitsEnd: position)
        }
        var cursor = position
        var fractionIsZero = true
        if cursor + 1 < end, ByteClass.byte(base, cursor) == 0x2E, ByteClass.isDigit(ByteClass.byte(base, cursor + 1)) {
            cursor += 1
            while cursor < end, ByteClass.isDigit(ByteClass.byte(base, cursor)) {
                fractionIsZero = fractionIsZero && ByteClass.byte(base, cursor) == 0x30
                cursor += 1
            }
        }
        if cursor < end, classes[Int(ByteClass.byte(base, cursor))] & 3 != 0 { return skipWord(from: cursor, classes: classes) }
        // The number's text, and so its origin, covers the fraction: ``MessageMemo`` does not
        // give this reading to a line with other digits.
        number(signed(whole, from: numberStart, fractionIsZero: fractionIsZero), to: cursor)
        return cursor
    }

    /// Records a duration read from `numberStart` (its whole part's digits end at `digitsEnd`)
    /// unless the event has one; returns where it ends.
    private mutating func duration(_ duration: ByteClass.Duration, from numberStart: Int, digitsEnd: Int) -> Int {
        if event.durationMilliseconds == nil {
            event.durationMilliseconds = duration.milliseconds
            // A scaled value is not the digits': its origin covers the unit too.
            origins[.duration] = numberStart..<(duration.isWholeMilliseconds ? digitsEnd : duration.end)
        }
        return duration.end
    }

    /// `magnitude` (digits from `digitsStart`), negative after a `-` that follows a byte that is
    /// not a word character, rounded down when a fraction that is not zero was dropped; and where
    /// its text starts, the sign included.
    @inline(__always)
    private func signed(_ magnitude: Int64, from digitsStart: Int, fractionIsZero: Bool) -> (value: Int64, start: Int) {
        guard digitsStart > start, ByteClass.byte(base, digitsStart - 1) == 0x2D,
              digitsStart - 1 == start || !ByteClass.isWord(ByteClass.byte(base, digitsStart - 2))
        else { return (magnitude, digitsStart) }
        return (fractionIsZero ? -magnitude : -magnitude - 1, digitsStart - 1)
    }

    /// A standalone number (`number.value`, its text from `number.start` to `numberEnd`, the
    /// field's origin): fills the value a keyword of the clause announced, unless it is in a
    /// request line.
    private mutating func number(_ number: (value: Int64, start: Int), to numberEnd: Int) {
        let (value, numberStart) = number
        if let role = pendingNumber, numberStart >= numbersFrom {
            let origin = numberStart..<numberEnd
            switch role {
            case .amount where event.amount == nil:
                event.amount = value
                origins[.amount] = origin
            case .balance where event.balance == nil:
                event.balance = value
                origins[.balance] = origin
            case .rows where event.rowCount == nil:
                event.rowCount = value
                origins[.rowCount] = origin
            default: break
            }
        }
        pendingNumber = nil
        lastNumber = value
        lastNumberStart = numberStart
        lastNumberEnd = numberEnd
    }
}
