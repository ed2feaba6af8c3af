#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a scan needs besides its inputs: the data that drives it and the limits it runs under.
public struct ScanOptions: Sendable {
    public var correlation: CorrelationConfig
    public var vocabulary: FormatVocabulary
    /// Lines longer than this are truncated (and counted).
    public var maxLineBytes: Int
    /// How often a stalled live input is checked for idle traces.
    public var liveCheckInterval: Duration
    /// Print each stage's CPU time to standard error after each input (the benchmark's view of
    /// where time goes); on when the environment sets `FLOWTRACE_STAGE_TIMES`.
    public var reportsStageTimes = getenv("FLOWTRACE_STAGE_TIMES") != nil
    /// Which thread judges closed traces; the environment's `FLOWTRACE_JUDGING` may set it.
    public var judging = JudgingPlacement.fromEnvironment

    public init(correlation: CorrelationConfig, vocabulary: FormatVocabulary,
                maxLineBytes: Int = LineReader.defaultMaxLineBytes, liveCheckInterval: Duration = .seconds(1)) {
        self.correlation = correlation
        self.vocabulary = vocabulary
        self.maxLineBytes = maxLineBytes
        self.liveCheckInterval = liveCheckInterval
    }

    /// The built-in formats and correlation.
    public static func builtin() throws -> ScanOptions {
        ScanOptions(correlation: try CorrelationConfig.builtin(), vocabulary: try FormatVocabulary.builtin())
    }
}
