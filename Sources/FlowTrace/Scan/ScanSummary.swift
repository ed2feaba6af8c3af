/// What one input amounted to: every line accounted for, the traces and findings, and the error
/// that stopped reading, if one did.
public struct ScanSummary: Sendable {
    public var file: String
    public var linesRead = 0
    /// Lines in a recognised layout, or bare lines carrying a tag, symbol or id.
    public var linesParsed = 0
    public var linesTagged = 0
    public var linesTruncated = 0
    /// Lines with nothing recognisable (blank lines, prose); `linesRead = linesParsed + linesUnparsed`.
    public var linesUnparsed = 0
    public var linesInvalidUTF8 = 0
    public var linesWithNUL = 0
    public var linesMojibakeRepaired = 0
    /// Lines that named something to correlate by but joined no trace.
    public var linesOrphaned = 0
    /// Lines kept in a trace without their text (a trace's text is bounded): no rule saw their message.
    public var linesWithoutText = 0
    public var traces = 0
    public var tracesWithErrors = 0
    public var tracesWithWarnings = 0
    /// Parts of traces that held too many lines or too much text to keep whole: each is reported
    /// and judged alone (rules that look for a missing step skip them).
    public var tracesSplit = 0
    public var findings = 0
    public var compressed = false
    /// The error that stopped reading this input early; everything before it was analysed.
    public var error: FlowTraceError?

    public init(file: String) {
        self.file = file
    }

    /// Counts one parsed line.
    mutating func count(_ event: Event) {
        linesRead += 1
        if event.layout == .unparsed { linesUnparsed += 1 } else { linesParsed += 1 }
        if !event.tags.isEmpty { linesTagged += 1 }
        let flags = event.flags
        if flags.contains(.truncated) { linesTruncated += 1 }
        if flags.contains(.invalidUTF8) { linesInvalidUTF8 += 1 }
        if flags.contains(.containsNUL) { linesWithNUL += 1 }
        if flags.contains(.mojibakeRepaired) { linesMojibakeRepaired += 1 }
    }
}
