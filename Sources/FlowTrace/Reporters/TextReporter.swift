/// The default, human report: one block per trace that went wrong (every trace with `--all`),
/// its findings, and its lines; then a summary per input. Log text is redacted and stripped of
/// terminal control sequences before it is printed.
public final class TextReporter: Reporter {
    private let output: OutputSink
    private let palette: Palette
    private let showAll: Bool

    public init(output: OutputSink, palette: Palette, showAll: Bool) {
        self.output = output
        self.palette = palette
        self.showAll = showAll
    }

    public func report(_ report: TraceReport) throws {
        let trace = report.trace
        guard showAll || trace.status != .ok || !report.findings.isEmpty else { return }
        output.write(header(report) + "\n")
        for finding in report.findings {
            // A cross-trace finding can be about a trace reported before this one.
            let about = finding.trace == trace.id ? nil : "trace \(finding.trace)"
            let notes = [about, ReportText.lineNote(finding)].compactMap { $0 }
            let place = notes.isEmpty ? "" : palette.dim(" (" + notes.joined(separator: ", ") + ")")
            output.write("   " + severityLabel(finding.severity) + " " + palette.bold(finding.rule) + ": "
                + safe(finding.message) + place + "\n")
        }
        let evidence = Set(report.findings.flatMap(\.lines))
        trace.withText { text in
            for event in trace.events {
                output.write(line(event, text: text, isEvidence: evidence.contains(event.lineNumber)) + "\n")
            }
        }
        try output.writeRecord("")
    }

    public func report(_ summary: ScanSummary) throws {
        let counts = "\(summary.linesRead) lines read · \(summary.linesParsed) parsed · \(summary.linesTagged) tagged"
            + " · \(summary.linesUnparsed) unparsed · \(summary.linesTruncated) truncated"
        var text = palette.bold(safe(summary.file)) + ": " + counts
        var notes: [String] = []
        if summary.linesInvalidUTF8 > 0 { notes.append("\(summary.linesInvalidUTF8) with invalid UTF-8") }
        if summary.linesWithNUL > 0 { notes.append("\(summary.linesWithNUL) with NUL bytes") }
        if summary.linesMojibakeRepaired > 0 { notes.append("\(summary.linesMojibakeRepaired) with repaired mojibake") }
        if !notes.isEmpty { text += " (" + notes.joined(separator: ", ") + ")" }
        let traces = "\(summary.traces) traces (\(summary.tracesWithErrors) with errors, "
            + "\(summary.tracesWithWarnings) with warnings)"
        text += "\n  " + traces + " · \(summary.findings) findings"
        if summary.linesOrphaned > 0 { text += " · \(summary.linesOrphaned) lines in no trace" }
        if summary.tracesSplit > 0 {
            text += "\n  " + palette.yellow("\(summary.tracesSplit) trace part\(summary.tracesSplit == 1 ? "" : "s")")
                + ": requests too long to keep whole, judged part by part (see closed by split)"
        }
        if summary.linesWithoutText > 0 {
            text += "\n  " + palette.yellow("\(summary.linesWithoutText) lines judged without their text")
                + " (a trace's text is capped at 4 MiB)"
        }
        if summary.findings > 0 { text += "\n  " + palette.dim("what to check: flowtrace rules explain RULE-ID") }
        if let error = summary.error {
            let label = palette.red("input error")
            text += "\n  \(label): \(safe(error.description)) — \(ReportText.analysedBefore(summary))"
        }
        try output.writeRecord(text)
    }

    public func finish() throws { try output.flush() }

    private func header(_ report: TraceReport) -> String {
        let trace = report.trace
        var parts = [palette.bold(trace.id)]
        if let flow = report.flow { parts.append(flow) }
        if let user = trace.userText { parts.append("user " + safe(user)) }
        if let request = trace.requestText { parts.append("request " + safe(request)) }
        if let generation = trace.generationText { parts.append("generation " + safe(generation)) }
        parts.append(statusLabel(trace.status))
        var header = "── " + parts.joined(separator: " · ")
        var details = ["\(safe(report.file)) lines \(LineList.describe(trace.lineNumbers))"]
        if let first = trace.firstTime, let last = trace.lastTime {
            details.append("\(first.iso8601) → \(last.iso8601)")
        }
        if let reason = trace.closeReason { details.append("closed by \(reason.rawValue)") }
        if let linked = trace.linkedTo { details.append("continues \(linked)") }
        header += "\n   " + palette.dim(details.joined(separator: " · "))
        return header
    }

    private func line(_ event: Event, text: UnsafeRawBufferPointer, isEvidence: Bool) -> String {
        let status = TraceStatus(of: event)
        let marker = isEvidence ? palette.red("▶") : status == .error ? palette.red("✗")
            : status == .warning ? palette.yellow("!") : " "
        let number = String(event.lineNumber).leftPadded(to: 7, with: " ")
        let time = event.time?.timeOfDay ?? String(repeating: " ", count: 12)
        let level = (event.level.name?.uppercased() ?? "").padding(to: 8)
        let message = safe(event.message.string(in: text))
        let colored = status == .error ? palette.red(message) : status == .warning ? palette.yellow(message) : message
        return " \(marker)\(palette.dim(number))  \(palette.dim(time))  \(level) \(colored)"
    }

    private func statusLabel(_ status: TraceStatus) -> String {
        switch status {
        case .ok: palette.green("ok")
        case .warning: palette.yellow("warning")
        case .error: palette.red("error")
        }
    }

    private func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: palette.red("error  ")
        case .warning: palette.yellow("warning")
        case .info: palette.dim("info   ")
        }
    }

    /// Log text as it may be printed: secrets redacted, control sequences removed.
    private func safe(_ text: String) -> String {
        TerminalText.sanitize(SecretRedactor.redact(text))
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character) -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }

    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
