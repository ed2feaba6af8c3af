@testable import FlowTrace
import Testing

/// Expectation files: reading, writing what was read back, and matching findings finding by finding.
@Suite struct ExpectationTests {
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func finding(_ rule: String, lines: [Int], user: String? = "22cb3917-57f6-49c6-ac96-ec266570081b") -> Finding {
        Finding(rule: rule, severity: .error, message: "m", trace: "t1", user: user, lines: lines)
    }

    @Test func snapshotRoundTrips() throws {
        let findings = [finding("rls-denial", lines: [22, 23]), finding("anon-client-fallback", lines: [18, 22])]
        let written = Expectation(snapshotOf: findings, inputError: .corruptCompressedInput)
        let read = try Expectation(yaml: written.yaml(fixture: "x.log"), file: "x.expect.yaml")
        #expect(read.findings.map(\.rule) == ["anon-client-fallback", "rls-denial"])
        #expect(read.findings.map(\.lines) == [[18, 22], [22, 23]])
        #expect(read.findings.allSatisfy { $0.user == user && $0.count == 1 })
        #expect(read.inputError == "corrupt-compressed-input")
        #expect(try Expectation(yaml: Expectation(snapshotOf: [], inputError: nil).yaml(fixture: "y"), file: "y").findings == [])
    }

    @Test func hostileEntityValuesSurviveTheYAML() throws {
        let odd = "a: \"b\" # c\n- d"
        let written = Expectation(snapshotOf: [finding("rls-denial", lines: [1], user: odd)], inputError: nil)
        #expect(try Expectation(yaml: written.yaml(fixture: "x"), file: "x").findings.first?.user == odd)
    }

    /// Audit: a message with U+2028 was written into a `# note` that YAML reads as two lines, and
    /// `check` then rejected the file `check --update` had written.
    @Test func everyLineBreakAndControlCharacterSurvivesTheYAML() throws {
        let hostile = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}",
                       "\u{9B}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\t", "\"", "\\", "# x", "é 🔓"]
        for text in hostile {
            let odd = "a\(text)findings: [oops"
            let entry = Expectation.Entry(rule: "rls-denial", user: odd, request: odd, generation: odd, lines: [1], note: odd)
            let expectation = Expectation(findings: [entry, Expectation.Entry(rule: "odd\(text)rule", count: 2)], inputError: odd)
            let yaml = expectation.yaml(fixture: "dir\(text)name.log")
            let read = try Expectation(yaml: yaml, file: "x.expect.yaml")
            #expect(read.findings.map(\.rule) == ["rls-denial", "odd\(text)rule"], "\(text.unicodeScalars.map(\.value))")
            #expect(read.findings.first?.user == odd && read.findings.first?.request == odd && read.findings.first?.generation == odd)
            #expect(read.inputError == odd)
            // Only the header's two lines and one per note are comments: nothing spilled out of them.
            #expect(yaml.split(separator: "\n").filter { $0.hasPrefix("#") || $0.hasPrefix("  #") }.count == 3)
        }
    }

    @Test func badFilesAreLocatedErrors() {
        #expect(throws: FlowTraceError.self) { try Expectation(yaml: "findings:\n  - rule: x\n    lines: [1]\n    count: 2\n", file: "f") }
        #expect(throws: FlowTraceError.self) { try Expectation(yaml: "something: 1\n", file: "f") }
        #expect(throws: FlowTraceError.self) { try Expectation(yaml: "findings:\n  - user: u\n", file: "f") }
    }

    @Test func comparesFindingByFinding() {
        let actual = [finding("rls-denial", lines: [22, 23]), finding("rls-denial", lines: [40, 41]), finding("service-key-rejected", lines: [3])]
        // Count without lines, any user: matches both rls-denial findings; service-key-rejected is unexpected.
        let differences = FixtureOutcome.compare(actual, with: [Expectation.Entry(rule: "rls-denial", count: 2)])
        #expect(differences.map(\.subject) == ["service-key-rejected user \(user)"])
        #expect(differences.map(\.expected) == ["none"])
        // Pinned lines: the right one is matched whatever the order; a wrong pin is shown against the actual lines.
        let pinned = [Expectation.Entry(rule: "rls-denial", lines: [40, 41]), Expectation.Entry(rule: "rls-denial", lines: [22, 24]),
                      Expectation.Entry(rule: "service-key-rejected", user: user)]
        let pinnedDifferences = FixtureOutcome.compare(actual, with: pinned)
        #expect(pinnedDifferences.map(\.expected) == ["1 finding, lines 22, 24"])
        #expect(pinnedDifferences.map(\.actual) == ["1 finding, lines 22–23: m"])
        // Too few.
        #expect(FixtureOutcome.compare([], with: [Expectation.Entry(rule: "rls-denial")]).map(\.actual) == ["none"])
        // Another user's finding expected: the expected one is missing and the actual one unexpected.
        let otherUser = FixtureOutcome.compare(actual, with: pinned.dropLast() + [Expectation.Entry(rule: "service-key-rejected", user: "other")])
        #expect(otherUser.map(\.expected).suffix(2) == ["1 finding", "none"])
        #expect(otherUser.map(\.actual).suffix(2) == ["none", "1 finding, lines 3: m"])
    }
}
