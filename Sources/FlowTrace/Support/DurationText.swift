/// Parses durations written by people: `500ms`, `90s`, `2m`, `1h`, `1.5s`, or bare seconds.
public enum DurationText {
    /// The duration in milliseconds, or nil when `text` is not a duration.
    public static func milliseconds(_ text: String) -> Int64? {
        let units: [(suffix: String, factor: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let number = Double(text.dropLast(unit.suffix.count)), number >= 0 else { return nil }
            return Int64(number * unit.factor)
        }
        guard let seconds = Double(text), seconds >= 0 else { return nil }
        return Int64(seconds * 1000)
    }
}
