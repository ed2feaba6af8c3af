/// `--format jsonl`: one JSON object per line, flushed per record. The record shapes are a
/// documented contract (README, "JSON lines"): `trace` records (with `--traces`), `finding`
/// records, and one `summary` record per input, last.
public final class JSONLinesReporter: Reporter {
    private let output: OutputSink
    private let includeTraces: Bool

    public init(output: OutputSink, includeTraces: Bool) {
        self.output = output
        self.includeTraces = includeTraces
    }

    public func report(_ report: TraceReport) throws {
        if includeTraces { try output.writeRecord(JSONLinesReporter.traceRecord(report)) }
        for finding in report.findings {
            try output.writeRecord(JSONLinesReporter.findingRecord(finding, file: report.file))
        }
    }

    public func report(_ summary: ScanSummary) throws {
        try output.writeRecord(JSONLinesReporter.summaryRecord(summary))
    }

    public func finish() throws { try output.flush() }

    /// The entities as logged, redacted (a JWT can stand where a user or request id should).
    static func entities(user: String?, request: String?, generation: String?) -> JSONText {
        var entities = JSONText()
        entities.add("user", user.map(SecretRedactor.redact))
        entities.add("request", request.map(SecretRedactor.redact))
        entities.add("generation", generation.map(SecretRedactor.redact))
        return entities
    }

    static func traceRecord(_ report: TraceReport) -> String {
        let trace = report.trace
        var record = JSONText()
        record.add("type", "trace")
        record.add("file", report.file)
        record.add("id", trace.id)
        record.add("lines", trace.lineNumbers)
        record.add("entities", object: entities(user: trace.userText, request: trace.requestText,
                                                generation: trace.generationText))
        record.add("start", trace.firstTime?.iso8601)
        record.add("end", trace.lastTime?.iso8601)
        record.add("status", trace.status.name)
        record.add("flow", report.flow)
        record.add("closed_by", trace.closeReason?.rawValue)
        record.add("linked_to", trace.linkedTo)
        return record.closed()
    }

    static func findingRecord(_ finding: Finding, file: String) -> String {
        var record = JSONText()
        record.add("type", "finding")
        record.add("file", file)
        record.add("rule", finding.rule)
        record.add("severity", finding.severity.rawValue)
        record.add("trace", finding.trace)
        record.add("entities", object: entities(user: finding.user, request: finding.request,
                                                generation: finding.generation))
        record.add("lines", finding.lines)
        record.add("message", SecretRedactor.redact(finding.message))
        record.add("start", finding.firstTime?.iso8601)
        record.add("end", finding.lastTime?.iso8601)
        record.add("fingerprint", finding.fingerprint)
        return record.closed()
    }

    static func summaryRecord(_ summary: ScanSummary) -> String {
        var record = JSONText()
        record.add("type", "summary")
        record.add("file", summary.file)
        record.add("lines_read", summary.linesRead)
        record.add("lines_parsed", summary.linesParsed)
        record.add("lines_tagged", summary.linesTagged)
        record.add("lines_truncated", summary.linesTruncated)
        record.add("lines_unparsed", summary.linesUnparsed)
        record.add("lines_invalid_utf8", summary.linesInvalidUTF8)
        record.add("lines_with_nul", summary.linesWithNUL)
        record.add("lines_mojibake_repaired", summary.linesMojibakeRepaired)
        record.add("lines_orphaned", summary.linesOrphaned)
        record.add("lines_without_text", summary.linesWithoutText)
        record.add("traces", summary.traces)
        record.add("traces_with_errors", summary.tracesWithErrors)
        record.add("traces_with_warnings", summary.tracesWithWarnings)
        record.add("traces_split", summary.tracesSplit)
        record.add("findings", summary.findings)
        record.add("compressed", summary.compressed)
        if let error = summary.error {
            var detail = JSONText()
            detail.add("code", error.code.rawValue)
            detail.add("message", error.message)
            detail.add("line", error.location?.line)
            detail.add("byte_offset", error.location?.byteOffset.map { Int($0) })
            record.add("error", object: detail)
        } else {
            record.add("error", nil as String?)
        }
        return record.closed()
    }
}
