/// The severity a log line declares in its layout (`INFO`, `"level":"error"`, …).
public enum Level: UInt8, Sendable, Comparable, CaseIterable {
    case none = 0
    case trace, debug, info, notice, warning, error, critical

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name used in reports (`"warning"`, `"error"`, …); `nil` when the line declared none.
    public var name: String? {
        switch self {
        case .none: nil
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// Recognises a level word, ASCII case-insensitively (`WARN`, `warning`, `Err`, `FATAL`, …).
    public init?(word: UnsafeRawBufferPointer) {
        var upper: UInt64 = 0
        guard word.count >= 3, word.count <= 8 else { return nil }
        for byte in word {
            let folded = (byte >= 0x61 && byte <= 0x7A) ? byte - 0x20 : byte
            upper = upper << 8 | UInt64(folded)
        }
        switch upper {
        case Level.pack("TRACE"): self = .trace
        case Level.pack("DEBUG"): self = .debug
        case Level.pack("INFO"): self = .info
        case Level.pack("NOTICE"): self = .notice
        case Level.pack("WARN"), Level.pack("WARNING"): self = .warning
        case Level.pack("ERROR"), Level.pack("ERR"): self = .error
        case Level.pack("CRITICAL"), Level.pack("FATAL"), Level.pack("CRIT"), Level.pack("PANIC"): self = .critical
        default: return nil
        }
    }

    private static func pack(_ word: StaticString) -> UInt64 {
        var value: UInt64 = 0
        word.withUTF8Buffer { for byte in $0 { value = value << 8 | UInt64(byte) } }
        return value
    }
}
