/// Parses durations written by people: `500ms`, `90s`, `2m`, `1h`, `1.5s`, or bare seconds.
public enum DurationText {
    /// The longest duration accepted: 100 years. Windows are added to log times and turned into
    /// nanoseconds, which a longer one could overflow.
    public static let maximumMilliseconds: Int64 = 100 * 365 * 86_400_000

    /// The duration in milliseconds, or nil when `text` is not a duration, or one that is not
    /// finite or longer than ``maximumMilliseconds``.
    public static func milliseconds(_ text: String) -> Int64? {
        let units: [(suffix: String, factor: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        var number = Double(text)
        var factor = 1000.0
        for unit in units where number == nil && text.hasSuffix(unit.suffix) {
            number = Double(text.dropLast(unit.suffix.count))
            factor = unit.factor
        }
        guard let number, number >= 0 else { return nil }
        let milliseconds = number * factor
        // Also rejects NaN and infinity, which compare false and greater.
        guard milliseconds <= Double(maximumMilliseconds) else { return nil }
        return Int64(milliseconds)
    }
}
