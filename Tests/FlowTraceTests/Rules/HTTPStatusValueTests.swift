import Testing
@testable import FlowTrace

/// A step's `http_status` is a real status (100–599), a class (`4xx`) or a range (`400-499`):
/// any other value could never match a response, so the rule file is refused at the value.
@Suite struct HTTPStatusValueTests {
    /// ``RuleFileErrorTests/valid`` with `http_status: value` on its step (line 10, value at column 18).
    private func rule(httpStatus value: String) -> String {
        RuleFileErrorTests.valid.replacingOccurrences(of: "    tag: GENERATION\n", with: "    tag: GENERATION\n    http_status: \(value)\n")
    }

    @Test(arguments: [("401", 401...401), ("4xx", 400...499), ("5XX", 500...599), ("1xx", 100...199),
                      ("400-499", 400...499), ("401-401", 401...401), ("'100-599'", 100...599)])
    func documentedFormsLoad(_ value: String, _ expected: ClosedRange<Int>) throws {
        let loaded = try Rule(yaml: rule(httpStatus: value), file: "team/rule.yaml")
        let range = try #require(loaded.steps.first?.httpStatus)
        #expect(Int(range.lowerBound)...Int(range.upperBound) == expected)
    }

    @Test(arguments: [
        ("4xx?", "got '4xx?'"), ("abc", "got 'abc'"), ("99", "'99' is not an HTTP status"),
        ("1000", "'1000' is not an HTTP status"), ("'4'", "'4' is not an HTTP status"),
        ("-401", "got '-401'"), ("400-", "got '400-'"), ("-400-499", "got '-400-499'"),
        ("400--499", "got '400--499'"), ("'400 - 499'", "got '400 - 499'"), ("400-abc-499", "got '400-abc-499'"),
        ("600", "'600' is not an HTTP status"), ("0401", "'0401' is not an HTTP status"),
        ("0xx", "'0xx' is no class"), ("6xx", "'6xx' is no class"), ("4x", "got '4x'"),
        ("500-400", "runs backwards"), ("400-600", "'600' is not an HTTP status"),
        ("[401, 403]", "not a list"), ("[401, 4xx]", "not a list"), ("''", "got ''"),
    ])
    func anythingElseIsLocatedAtTheValue(_ value: String, _ expected: String) throws {
        let failure = try #require(Rule.loadingError(rule(httpStatus: value)), "http_status: \(value) loaded")
        #expect(failure.code == .invalidConfiguration)
        #expect(failure.message.contains(expected), "\(failure.message)")
        #expect(failure.location == .init(file: "team/rule.yaml", line: 10, column: 18))
    }
}
