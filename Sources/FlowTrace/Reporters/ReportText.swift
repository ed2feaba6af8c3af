/// Log text as every machine report shows it: secrets redacted (``SecretRedactor``) and control
/// characters made visible (``TerminalText``), so that a report can be printed, parsed as XML 1.0
/// (which cannot carry most control characters at all) and shown in a CI log. Each format still
/// applies its own escaping on top.
public enum ReportText {
    /// `text`, redacted and with control characters shown as escapes.
    public static func clean(_ text: String) -> String {
        TerminalText.sanitize(SecretRedactor.redact(text))
    }

    /// A finding's evidence lines, one per line: `  111  🔓 [DATABASE] Using ANON client …`.
    public static func evidenceBlock(_ evidence: [Trace.EvidenceLine]) -> String {
        evidence.map { "  \(String($0.line).leftPadded(to: 6, with: " "))  \(clean($0.message))" }.joined(separator: "\n")
    }

    /// A finding for people, on one line: `app.log:111: anon-client-fallback (error): message`.
    public static func headline(_ finding: Finding, file: String) -> String {
        let line = finding.span.map { ":\($0.lowerBound)" } ?? ""
        return "\(clean(file))\(line): \(finding.rule) (\(finding.severity.rawValue)): \(clean(finding.message))"
    }

    /// Which lines show a finding, for people: `lines 7, 9–11`, or for a finding no line shows (a
    /// rule of absences only) `no evidence line: trace lines 3–40`; nil when nothing is known.
    public static func lineNote(_ finding: Finding) -> String? {
        if !finding.lines.isEmpty { return "lines " + LineList.describe(finding.lines) }
        return finding.traceLines.map { "no evidence line: trace lines " + LineList.describe($0) }
    }

    /// What was analysed of an input that ended with `summary.error`: for the text summary, after
    /// the error (a file that could not be opened had nothing analysed).
    public static func analysedBefore(_ summary: ScanSummary) -> String {
        summary.linesRead == 0 ? "nothing of it could be read" : "everything before it was analysed"
    }
}
