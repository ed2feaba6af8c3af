/// The last date a parser read (`YYYY-MM-DD`, as bytes) and its day number: consecutive lines
/// mostly share their date, so it is validated and converted once per change of day.
struct DayCache {
    /// The date's first eight bytes; zero (no date) until one was read.
    var head: UInt64 = 0
    /// The date's last two bytes.
    var tail: UInt16 = 0
    /// Days since 1970-01-01 of the date.
    var days: Int64 = 0
}
