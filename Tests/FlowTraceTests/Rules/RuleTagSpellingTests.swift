import Testing
@testable import FlowTrace

/// A `tag:` a line can never carry (lower case, brackets, spaces, no letter) is refused where it is
/// written, with the spelling it probably meant.
@Suite struct RuleTagSpellingTests {
    /// ``RuleFileErrorTests/valid`` with its step's `tag: GENERATION` (line 9, value at column 10) replaced.
    private func rule(tag value: String) -> String {
        RuleFileErrorTests.valid.replacingOccurrences(of: "    tag: GENERATION\n", with: "    tag: \(value)\n")
    }

    @Test(arguments: [
        ("database", "tags are upper-case", "did you mean DATABASE?"),
        ("Credit_Tx", "tags are upper-case", "did you mean CREDIT_TX?"),
        ("'[DATABASE]'", "without its brackets", "did you mean DATABASE?"),
        ("'[database]'", "without its brackets", "did you mean DATABASE?"),
        ("' DATABASE'", "upper-case letters, digits", "did you mean DATABASE?"),
        ("CREDIT SERVICE", "upper-case letters, digits", "CREDIT-SERVICE for [CREDIT-SERVICE]"),
        ("'123'", "needs a letter", "CREDIT-SERVICE for [CREDIT-SERVICE]"),
        ("''", "an empty tag", "CREDIT-SERVICE for [CREDIT-SERVICE]"),
        ("DATABASÉ", "upper-case letters, digits", "CREDIT-SERVICE for [CREDIT-SERVICE]"),
    ])
    func tagsNoLineCarriesAreRefused(_ value: String, _ reason: String, _ hint: String) throws {
        let failure = try #require(Rule.loadingError(rule(tag: value)), "tag: \(value) loaded")
        #expect(failure.message.contains("can never match"))
        #expect(failure.message.contains(reason), "\(failure.message)")
        #expect(failure.hint?.contains(hint) == true, "\(failure.hint ?? "no hint")")
        #expect(failure.location == .init(file: "team/rule.yaml", line: 9, column: 10))
    }

    @Test func aBadTagInAListIsLocatedAtItself() throws {
        let failure = try #require(Rule.loadingError(rule(tag: "[GENERATION, auth]")))
        #expect(failure.hint == "did you mean AUTH?")
        #expect(failure.location == .init(file: "team/rule.yaml", line: 9, column: 23))
    }

    @Test func tooLongATagIsRefused() throws {
        #expect(Rule.loadingError(rule(tag: String(repeating: "A", count: TagSpelling.maxLength))) == nil)
        let failure = try #require(Rule.loadingError(rule(tag: String(repeating: "A", count: TagSpelling.maxLength + 1))))
        #expect(failure.message.contains("at most 78"))
    }

    /// What the loader accepts is what the line analyser records as a tag, and the reverse.
    @Test(arguments: ["DB-CREATE", "CREDIT_TX", "A1", "X", "database", "123", "_-", "CREDIT SERVICE", String(repeating: "T", count: 78), String(repeating: "T", count: 79)])
    func theLoaderAgreesWithTheLineAnalyser(_ tag: String) throws {
        let bytes = Array("[\(tag)] x".utf8)
        let recorded = bytes.withUnsafeBytes { buffer in
            TagBracket.scan(buffer.baseAddress!, open: 0, end: buffer.count).map(\.isTag) ?? false
        }
        #expect(TagSpelling.isTag(tag) == recorded)
    }

    @Test func aFlowStepsTagIsCheckedToo() throws {
        let yaml = try #require(BuiltinData.file("correlation.yaml"))
        #expect(throws: Never.self) { try CorrelationConfig(yaml: yaml, file: "team/correlation.yaml") }
        let broken = yaml.replacingOccurrences(of: "tag: AUTH,", with: "tag: auth,")
        #expect(broken != yaml)
        let failure = try #require(FlowTraceError.thrown(by: try CorrelationConfig(yaml: broken, file: "team/correlation.yaml")))
        #expect(failure.message.contains("tag 'auth' can never match"))
        #expect(failure.hint == "did you mean AUTH?")
        #expect(failure.location == .init(file: "team/correlation.yaml", line: 24, column: 12))
    }
}
