/// A log timestamp in milliseconds. Layouts that print only a time of day get the date of the
/// last dated line of the same stream; when none came before, `hasDate` is false and the value
/// is milliseconds since midnight.
public struct LogTime: Sendable, Equatable, Comparable {
    public var milliseconds: Int64
    public var hasDate: Bool

    public init(milliseconds: Int64, hasDate: Bool) {
        self.milliseconds = milliseconds
        self.hasDate = hasDate
    }

    public static func < (lhs: LogTime, rhs: LogTime) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public static let millisecondsPerDay: Int64 = 86_400_000

    /// The milliseconds since midnight of this time.
    public var millisecondsOfDay: Int64 {
        let remainder = milliseconds % LogTime.millisecondsPerDay
        return remainder < 0 ? remainder + LogTime.millisecondsPerDay : remainder
    }

    /// The time of day, `07:07:57.123`.
    public var timeOfDay: String {
        String(unsafeUninitializedCapacity: 12) { buffer in
            LogTime.writeTime(millisecondsOfDay, into: buffer, at: 0)
            return 12
        }
    }

    /// ISO 8601 in UTC (`2025-08-02T07:07:57.123Z`), or a time of day (`07:07:57.123`) without a date.
    /// Written digit by digit: reports print two for every trace and finding.
    public var iso8601: String {
        guard hasDate else { return timeOfDay }
        let ofDay = millisecondsOfDay
        let (year, month, day) = LogTime.civilDate(daysSinceEpoch: (milliseconds - ofDay) / LogTime.millisecondsPerDay)
        guard (0...9999).contains(year) else {
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(timeOfDay)Z"
        }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            LogTime.writeDigits(year, 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            LogTime.writeDigits(month, 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            LogTime.writeDigits(day, 2, into: buffer, at: 8)
            buffer[10] = UInt8(ascii: "T")
            LogTime.writeTime(ofDay, into: buffer, at: 11)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// Writes `hh:mm:ss.mmm` (twelve bytes) for `ofDay` milliseconds since midnight.
    private static func writeTime(_ ofDay: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        writeDigits(ofDay / 3_600_000, 2, into: buffer, at: start)
        buffer[start + 2] = UInt8(ascii: ":")
        writeDigits(ofDay / 60_000 % 60, 2, into: buffer, at: start + 3)
        buffer[start + 5] = UInt8(ascii: ":")
        writeDigits(ofDay / 1000 % 60, 2, into: buffer, at: start + 6)
        buffer[start + 8] = UInt8(ascii: ".")
        writeDigits(ofDay % 1000, 3, into: buffer, at: start + 9)
    }

    /// Writes the last `width` decimal digits of `value` (not negative), zero-padded.
    private static func writeDigits(_ value: Int64, _ width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
            buffer[index] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
            rest /= 10
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysSinceEpoch(year:month:day:)``.
    public static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
