/// The last date a parser read (`YYYY-MM-DD`, as bytes) and its day number, and the last time of
/// day (`HH:MM:SS`) and its milliseconds: consecutive lines mostly share their date and often
/// their second, so each is validated and converted once per change.
struct DayCache {
    /// The date's first eight bytes; zero (no date) until one was read.
    var head: UInt64 = 0
    /// The date's last two bytes.
    var tail: UInt16 = 0
    /// Days since 1970-01-01 of the date.
    var days: Int64 = 0
    /// The last `HH:MM:SS` as bytes; `00:00:00` until one was read.
    var clock: UInt64 = 0x3030_3A30_303A_3030
    /// Milliseconds since midnight of `clock`.
    var clockMilliseconds: Int64 = 0
}
