/// Runs a rule's examples through the whole pipeline (parse, correlate, judge) and compares the
/// number of findings with what each example expects. The test suite runs every example of every
/// rule file; `flowtrace rules validate` runs them too.
public enum RuleExampleRunner {
    /// One example's outcome.
    public struct Result: Sendable {
        public var rule: String
        public var example: RuleExample
        /// The variant of the example's text that was run (`as written`, `CRLF`, …).
        public var variant: String
        public var findings: [Finding]

        public var passed: Bool { findings.count == example.expectedFindings }

        public var description: String {
            let location = example.location.description
            return "\(location): \(rule) example (\(variant)) expected \(example.expectedFindings) finding(s), got \(findings.count)"
                + (findings.isEmpty ? "" : ": " + findings.map(\.message).joined(separator: "; "))
        }
    }

    /// The findings of `rule` alone on `log`, scanned with `options`.
    public static func findings(of rule: Rule, on log: [UInt8], options: ScanOptions) throws -> [Finding] {
        let collector = FindingCollector()
        let engine = RuleEngine(ruleSet: try RuleSet(rules: [rule]), flowNames: options.correlation.flows.map(\.id))
        let scanner = Scanner(options: options, reporter: collector, judge: engine.judge)
        _ = try scanner.scan(LineReader(bytes: log, name: "example"))
        return collector.findings
    }

    /// Runs every example of `rule` as written.
    public static func run(_ rule: Rule, options: ScanOptions) throws -> [Result] {
        try rule.examples.map { example in
            Result(rule: rule.id, example: example, variant: "as written",
                   findings: try findings(of: rule, on: Array(example.log.utf8), options: options))
        }
    }
}

/// A reporter that keeps the findings (for examples and tests).
final class FindingCollector: Reporter {
    private(set) var findings: [Finding] = []
    func report(_ trace: TraceReport) throws { findings += trace.findings }
    func report(_ summary: ScanSummary) throws {}
    func finish() throws {}
}
