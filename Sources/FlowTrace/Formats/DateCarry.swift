/// The date that a stream's time-only lines take: the day of its last dated line, moved on a
/// day whenever a time of day falls more than twelve hours behind the line before it (the log
/// crossed midnight). Concurrent requests log slightly out of order: a line up to an hour behind
/// the previous one across midnight (`23:59:59` after `00:00:01`) keeps the day before.
///
/// A time of day is read in the UTC offset of the last dated line, which a service prints in its
/// own local time: after `2025-08-03T01:00:00+05:30`, `01:00:05` is `2025-08-02T19:30:05Z`.
struct DateCarry {
    /// A time of day this far behind the previous line's starts the next day.
    static let rolloverGap: Int64 = LogTime.millisecondsPerDay / 2
    /// A line this far behind the previous one, across midnight, is late, not a day ahead.
    static let lateness: Int64 = 3_600_000

    /// Milliseconds (UTC) at the current day's midnight in the last dated line's offset, or
    /// counted from the first line's day while no line has had a date.
    private var midnight: Int64 = 0
    private var hasDate = false
    /// The time of the last line with a time.
    private var last: Int64?

    /// A time with a date (UTC milliseconds), written with the UTC offset `utcOffset` (local time
    /// minus UTC): its local day becomes the current one.
    mutating func dated(_ milliseconds: Int64, utcOffset: Int64 = 0) -> LogTime {
        var ofDay = (milliseconds + utcOffset) % LogTime.millisecondsPerDay
        if ofDay < 0 { ofDay += LogTime.millisecondsPerDay }
        midnight = milliseconds - ofDay
        hasDate = true
        last = milliseconds
        return LogTime(milliseconds: milliseconds, hasDate: true)
    }

    /// A time of day on the current day, the next one after midnight is crossed, or the day before
    /// for a late line.
    mutating func undated(_ timeOfDay: Int64) -> LogTime {
        var time = midnight + timeOfDay
        if let last {
            if last - time > DateCarry.rolloverGap {
                midnight += LogTime.millisecondsPerDay
                time += LogTime.millisecondsPerDay
            } else if (0...DateCarry.lateness).contains(last - (time - LogTime.millisecondsPerDay)) {
                time -= LogTime.millisecondsPerDay
            }
        }
        last = time
        return LogTime(milliseconds: time, hasDate: hasDate)
    }
}
