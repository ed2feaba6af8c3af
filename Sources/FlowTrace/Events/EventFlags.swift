/// What was unusual about the bytes of a line. Counted in the summary; never fatal.
public struct EventFlags: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The line was longer than the line cap; only its first bytes were kept.
    public static let truncated = EventFlags(rawValue: 1 << 0)
    /// The line held bytes that are not valid UTF-8 (shown as U+FFFD).
    public static let invalidUTF8 = EventFlags(rawValue: 1 << 1)
    /// The line held NUL bytes.
    public static let containsNUL = EventFlags(rawValue: 1 << 2)
    /// Mojibake (UTF-8 read through Windows-125x or Mac Roman) was repaired.
    public static let mojibakeRepaired = EventFlags(rawValue: 1 << 3)
    /// ANSI escape sequences were removed.
    public static let ansiStripped = EventFlags(rawValue: 1 << 4)
    /// A container runtime prefix (`<time> stdout F `) was removed.
    public static let containerPrefix = EventFlags(rawValue: 1 << 5)
    /// A JSON line could not be decoded as a JSON object and was read as text.
    public static let malformedJSON = EventFlags(rawValue: 1 << 6)
}
