import ArgumentParser
import FlowTrace

/// `flowtrace parse`: show how each line was read, one JSON object per line.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what flowtrace reads from each line (layout, time, tags, status, entities) as JSON lines.",
        discussion: "Useful to check a new log layout, or why a line did not join the trace you expected."
    )

    @Argument(help: "Log files to read (plain or gzip); - for standard input.")
    var files: [String] = []

    @Option(help: "Truncate lines longer than this many bytes.")
    var maxLineBytes: Int = LineReader.defaultMaxLineBytes

    mutating func validate() throws {
        try PipelineOptions.checkLineCap(maxLineBytes)
    }

    func run() throws {
        let vocabulary = try FormatVocabulary.builtin()
        let output = OutputSink(descriptor: 1)
        var failed = false
        // As scan: a file that cannot be opened or read to its end is reported, and the others are read.
        for path in files.isEmpty ? ["-"] : files {
            var parser = LineParser(vocabulary: vocabulary)
            do {
                let reader = try LineReader(path: path, maxLineBytes: maxLineBytes)
                try reader.forEachLine { line in
                    let event = parser.parse(line)
                    let record = parser.withText { text in EventRecord.json(event, text: text, file: reader.name) }
                    try output.writeRecord(record)
                }
            } catch let error as FlowTraceError {
                failed = true
                FileHandleOutput.standardError("flowtrace: error: \(TerminalText.sanitize(error.description))\n")
            }
        }
        if failed { throw ExitCode(ExitStatus.inputOrUsageError) }
    }
}
