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

    /// Pairs expected findings with actual ones by a maximum matching, so that the result never
    /// depends on the order of the entries (a broad `user:` entry cannot take the finding a
    /// narrower `request:` entry needed). An entry left short is shown against the leftover
    /// findings of its rule and entities; what is left on either side differs.
    static func compare(_ findings: [Finding], with entries: [Expectation.Entry]) -> [Difference] {
        // One slot per expected finding; more slots than findings could never be filled.
        let slots = entries.indices.flatMap { Array(repeating: $0, count: min(entries[$0].count, findings.count + 1)) }
        let exact = entries.map { entry in findings.indices.filter { entry.accepts(findings[$0]) } }
        var taken = BipartiteMatching.maximum(slots.map { exact[$0] }, rightCount: findings.count)
        let filled = taken.map { $0 != nil }
        // For the report only: open slots take leftover findings that differ in their lines alone.
        let open = slots.indices.filter { taken[$0] == nil }
        let leftover = findings.indices.filter { !taken.contains($0) }
        let near = BipartiteMatching.maximum(open.map { slot in
            leftover.indices.filter { entries[slots[slot]].matches(findings[leftover[$0]]) }
        }, rightCount: leftover.count)
        for (position, partner) in near.enumerated() { taken[open[position]] = partner.map { leftover[$0] } }

        var differences: [Difference] = []
        for (index, entry) in entries.enumerated() {
            let own = slots.indices.filter { slots[$0] == index }
            if own.count == entry.count && own.allSatisfy({ filled[$0] }) { continue }
            let got = own.compactMap { taken[$0] }.map { findings[$0] }
            differences.append(Difference(subject: entry.subject, expected: describe(entry),
                                          actual: got.isEmpty ? "none" : got.map(describe).joined(separator: "; ")))
        }
        let used = Set(taken.compactMap { $0 })
        for finding in findings.indices.filter({ !used.contains($0) }).map({ findings[$0] }) {
            let entry = Expectation(snapshotOf: [finding], inputError: nil).findings[0]
            differences.append(Difference(subject: entry.subject, expected: "none", actual: describe(finding)))
        }
        return differences
    }

    private static func describe(_ entry: Expectation.Entry) -> String {
        let count = entry.count == 1 ? "1 finding" : "\(entry.count) findings"
        guard let lines = entry.lines else { return count }
        return lines.isEmpty ? "\(count), no evidence line" : "\(count), lines \(LineList.describe(lines))"
    }

    private static func describe(_ finding: Finding) -> String {
        "1 finding" + (ReportText.lineNote(finding).map { ", \($0)" } ?? "") + ": \(ReportText.clean(finding.message))"
    }
}
