/// What a scan needs besides its inputs: the data that drives it and the limits it runs under.
public struct ScanOptions: Sendable {
    public var correlation: CorrelationConfig
    public var vocabulary: FormatVocabulary
    /// Lines longer than this are truncated (and counted).
    public var maxLineBytes: Int
    /// How often a stalled live input is checked for idle traces.
    public var liveCheckInterval: Duration

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
