extension FixtureOutcome {
    /// The outcome for people: `PASS path`, or `FAIL path` and each difference as expected against
    /// actual. Log text and entity values are redacted and stripped of control sequences.
    public func text(palette: Palette) -> String {
        let path = TerminalText.sanitize(fixture.logPath)
        guard !passed else { return palette.green("PASS") + "  " + path + "\n" }
        var text = palette.red("FAIL") + "  " + path + "\n"
        for difference in differences {
            text += "      ✗ " + palette.bold(ReportText.clean(difference.subject)) + "\n"
            text += "          expected: " + ReportText.clean(difference.expected) + "\n"
            text += "          actual:   " + ReportText.clean(difference.actual) + "\n"
        }
        return text
    }

    /// The outcome as a JUnit test case named after the fixture, failing with the differences.
    public var junitCase: JUnitReport.TestCase {
        let name = fixture.logPath.split(separator: "/").last.map(String.init) ?? fixture.logPath
        let className = String(fixture.logPath.dropLast(name.count).dropLast())
        guard !passed else { return JUnitReport.TestCase(name: name, className: className) }
        let details = differences.map { difference in
            [difference.subject, "  expected: " + difference.expected, "  actual:   " + difference.actual]
                .map(ReportText.clean).joined(separator: "\n")
        }
        let message = "\(differences.count) difference(s) from \(fixture.expectationPath)"
        return JUnitReport.TestCase(name: name, className: className.isEmpty ? "." : className,
                                    failure: (message, details.joined(separator: "\n")))
    }
}
