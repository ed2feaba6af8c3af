import ArgumentParser
import FlowTrace

/// The options that shape reading and correlation, shared by the commands that scan logs.
struct PipelineOptions: ParsableArguments {
    @Option(help: "Truncate lines longer than this many bytes (they are counted in the summary).")
    var maxLineBytes: Int = LineReader.defaultMaxLineBytes

    @Option(help: "A correlation file to use instead of the built-in one.")
    var correlation: String?

    mutating func validate() throws {
        try PipelineOptions.checkLineCap(maxLineBytes)
    }

    /// The line cap must leave room for a line's prefix and message.
    static func checkLineCap(_ bytes: Int) throws {
        if bytes < 64 { throw ValidationError("--max-line-bytes must be at least 64") }
    }

    /// The built-in formats and correlation, with these options applied.
    func scanOptions() throws -> ScanOptions {
        var options = try ScanOptions.builtin()
        if let correlation { options.correlation = try ConfigFile.correlation(at: correlation) }
        options.maxLineBytes = maxLineBytes
        return options
    }
}
