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
        let ofDay = millisecondsOfDay
        return "\(pad(ofDay / 3_600_000, 2)):\(pad(ofDay / 60_000 % 60, 2)):\(pad(ofDay / 1000 % 60, 2)).\(pad(ofDay % 1000, 3))"
    }

    /// ISO 8601 in UTC (`2025-08-02T07:07:57.123Z`), or a time of day (`07:07:57.123`) without a date.
    public var iso8601: String {
        let ofDay = millisecondsOfDay
        let hours = ofDay / 3_600_000
        let minutes = ofDay / 60_000 % 60
        let seconds = ofDay / 1000 % 60
        let millis = ofDay % 1000
        let time = "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))"
        guard hasDate else { return time }
        let days = (milliseconds - ofDay) / LogTime.millisecondsPerDay
        let (year, month, day) = LogTime.civilDate(daysSinceEpoch: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(time)Z"
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
