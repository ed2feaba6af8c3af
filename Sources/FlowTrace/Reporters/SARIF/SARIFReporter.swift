import Foundation

/// `--format sarif`: a SARIF 2.1.0 log written at the end — the rules as reporting descriptors, one
/// result per finding located at its first evidence line (the others as related locations; a
/// finding no line shows, at its trace's lines), with the finding's fingerprint as
/// `partialFingerprints`. Log text is redacted; `JSONEncoder` escapes.
public final class SARIFReporter: Reporter {
    /// The key of the fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "flowtrace/v1"

    private let output: OutputSink
    private let rules: [Rule]
    private let toolVersion: String
    private var results: [SARIFLog.Result] = []
    private var notifications: [SARIFLog.Notification] = []

    public init(output: OutputSink, rules: [Rule], toolVersion: String) {
        self.output = output
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public func report(_ report: TraceReport) throws {
        for finding in report.findings {
            results.append(result(finding, file: report.file, evidence: report.trace.evidence(lines: finding.lines)))
        }
    }

    public func report(_ summary: ScanSummary) throws {
        guard let error = summary.error else { return }
        let location = SARIFLog.Location(file: summary.file, line: max(1, error.location?.line ?? 1), text: nil)
        notifications.append(.init(level: "error", message: .init(text: ReportText.clean(error.description)),
                                   locations: [location]))
    }

    public func finish() throws {
        let driver = SARIFLog.ToolComponent(name: "flowtrace", version: toolVersion, rules: rules.map(SARIFLog.ReportingDescriptor.init))
        let invocation = SARIFLog.Invocation(executionSuccessful: notifications.isEmpty,
                                             toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
        let log = SARIFLog(runs: [.init(tool: .init(driver: driver), results: results, invocations: [invocation])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        output.write(String(decoding: try encoder.encode(log), as: UTF8.self) + "\n")
        try output.flush()
    }

    private func result(_ finding: Finding, file: String, evidence: [Trace.EvidenceLine]) -> SARIFLog.Result {
        let text = Dictionary(evidence.map { ($0.line, ReportText.clean($0.message)) }, uniquingKeysWith: { first, _ in first })
        let related = finding.lines.dropFirst().enumerated().map { index, line in
            SARIFLog.Location(file: file, line: line, text: text[line], id: index + 1, message: "evidence")
        }
        let location: SARIFLog.Location
        if let first = finding.lines.first {
            location = SARIFLog.Location(file: file, line: first, text: text[first])
        } else {
            // No line shows the finding (absences only): it is about its trace's lines, or the file.
            location = SARIFLog.Location(file: file, lines: finding.traceLines)
        }
        return SARIFLog.Result(
            ruleId: finding.rule,
            ruleIndex: rules.firstIndex { $0.id == finding.rule } ?? 0,
            level: SARIFLog.level(finding.severity),
            message: .init(text: ReportText.clean(finding.message)),
            locations: [location],
            relatedLocations: related.isEmpty ? nil : related,
            partialFingerprints: finding.fingerprint.map { [SARIFReporter.fingerprintKey: $0] }
        )
    }
}
