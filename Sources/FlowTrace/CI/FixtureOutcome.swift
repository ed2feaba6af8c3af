/// How one fixture fared against its expectation: passed, or the differences, finding by finding.
public struct FixtureOutcome: Sendable {
    /// One difference between what was expected and what the scan found.
    public struct Difference: Sendable, Equatable {
        /// What it is about (`anon-client-fallback user 22cb…`, `input error`, `expectation file`).
        public var subject: String
        public var expected: String
        public var actual: String
    }

    public var fixture: Fixture
    /// The findings the scan produced.
    public var findings: [Finding]
    /// The code of the error that ended the input early, if one did.
    public var inputError: FlowTraceError?
    /// Empty when the fixture passed.
    public var differences: [Difference]

    public var passed: Bool { differences.isEmpty }

    /// The outcome of comparing `findings` and `inputError` with `expectation`.
    public init(fixture: Fixture, findings: [Finding], inputError: FlowTraceError?, expectation: Expectation) {
        self.fixture = fixture
        self.findings = findings
        self.inputError = inputError
        differences = FixtureOutcome.compare(findings, with: expectation.findings)
        if inputError?.code.rawValue != expectation.inputError {
            differences.append(Difference(subject: "input error", expected: expectation.inputError ?? "none",
                                          actual: inputError.map { "\($0.code.rawValue): \($0.description)" } ?? "none"))
        }
    }

    /// A fixture that could not be compared (no or an invalid expectation file): a failure.
    public init(fixture: Fixture, findings: [Finding], inputError: FlowTraceError?, problem: Difference) {
        self.fixture = fixture
        self.findings = findings
        self.inputError = inputError
        differences = [problem]
    }

    /// Matches expected entries to findings: first entries that pin lines to findings with those
    /// lines, then the rest, the most specific first; what is left on either side differs.
    static func compare(_ findings: [Finding], with entries: [Expectation.Entry]) -> [Difference] {
        var unmatched = Array(findings.indices)
        var differences: [Difference] = []
        var pending: [Expectation.Entry] = []
        for entry in entries {
            if let lines = entry.lines, let position = unmatched.firstIndex(where: { entry.matches(findings[$0]) && findings[$0].lines == lines }) {
                unmatched.remove(at: position)
            } else {
                pending.append(entry)
            }
        }
        for entry in pending.sorted(by: { $0.specificity > $1.specificity }) {
            let taken = unmatched.filter { entry.matches(findings[$0]) }.prefix(entry.count)
            unmatched.removeAll { taken.contains($0) }
            let got = taken.map { findings[$0] }
            if got.count == entry.count && (entry.lines == nil || got.first?.lines == entry.lines) { continue }
            differences.append(Difference(subject: entry.subject, expected: describe(entry),
                                          actual: got.isEmpty ? "none" : got.map(describe).joined(separator: "; ")))
        }
        for index in unmatched {
            let finding = findings[index]
            let entry = Expectation.Entry(rule: finding.rule, user: finding.user, request: finding.request,
                                          generation: finding.generation)
            differences.append(Difference(subject: entry.subject, expected: "none", actual: describe(finding)))
        }
        return differences
    }

    private static func describe(_ entry: Expectation.Entry) -> String {
        let count = entry.count == 1 ? "1 finding" : "\(entry.count) findings"
        return entry.lines.map { "\(count), lines \(LineList.describe($0))" } ?? count
    }

    private static func describe(_ finding: Finding) -> String {
        "1 finding, lines \(LineList.describe(finding.lines)): \(ReportText.clean(finding.message))"
    }
}
