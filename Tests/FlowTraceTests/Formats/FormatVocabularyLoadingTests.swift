import Testing
@testable import FlowTrace

/// Invalid vocabulary files fail with `.invalidConfiguration` at the offending `file:line:column`,
/// one failure per fixture (lnav's habit).
@Suite struct FormatVocabularyLoadingTests {
    struct BadFile: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var line: Int
        var column: Int?
        var messageContains: String
        var testDescription: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "bad YAML", yaml: "levels:\n  info: [INFO\n", line: 3, column: nil, messageContains: "invalid YAML"),
        BadFile(name: "unknown top-level key", yaml: "levels:\n  info: INFO\nlevles: {}\n", line: 3, column: 1,
                messageContains: "unknown key 'levles'"),
        BadFile(name: "unknown level name", yaml: "levels:\n  loud: [LOUD]\n", line: 2, column: 3,
                messageContains: "unknown name 'loud'"),
        BadFile(name: "wrong type", yaml: "statuses:\n  ok: {symbol: x}\n", line: 2, column: 7,
                messageContains: "must be a string or a list"),
        BadFile(name: "a list where a mapping belongs", yaml: "json_fields: [message]\n", line: 1, column: 14,
                messageContains: "must be a mapping"),
        BadFile(name: "unknown code page", yaml: "code_pages: [koi8-r]\n", line: 1, column: 13,
                messageContains: "unknown code page"),
        BadFile(name: "unknown entity", yaml: "id_columns:\n  users: person\n", line: 2, column: 10,
                messageContains: "unknown entity"),
        BadFile(name: "unknown sample key", yaml: "samples:\n  - line: x\n    expected: {}\n", line: 3, column: 5,
                messageContains: "unknown key 'expected'"),
        BadFile(name: "unknown expectation field", yaml: "samples:\n  - line: x\n    expect: {colour: red}\n", line: 3,
                column: 14, messageContains: "unknown field 'colour'"),
        BadFile(name: "unknown layout", yaml: "samples:\n  - line: x\n    expect: {layout: xml}\n", line: 3, column: 22,
                messageContains: "unknown layout"),
        BadFile(name: "sample without line", yaml: "samples:\n  - expect: {layout: bare}\n", line: 2, column: 5,
                messageContains: "needs a `line`"),
        BadFile(name: "empty file", yaml: "", line: 1, column: 1, messageContains: "empty"),
    ]

    @Test(arguments: badFiles)
    func rejects(_ bad: BadFile) {
        do {
            _ = try FormatVocabulary(yaml: bad.yaml, file: "bad.yaml")
            Issue.record("\(bad.name) was accepted")
        } catch let error as FlowTraceError {
            #expect(error.code == .invalidConfiguration)
            #expect(error.location?.file == "bad.yaml")
            #expect(error.location?.line == bad.line, "\(error)")
            if let column = bad.column { #expect(error.location?.column == column, "\(error)") }
            #expect(error.message.contains(bad.messageContains), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// The built-in file with one sample's expectation changed fails at that sample.
    @Test func aWrongSampleFailsTheLoadAtItsLine() throws {
        let text = try #require(BuiltinData.file("formats.yaml"))
        let broken = text.replacingOccurrences(of: "      kind: \"request-start\"", with: "      kind: \"request-end\"")
        #expect(broken != text)
        do {
            _ = try FormatVocabulary(yaml: broken, file: "formats.yaml")
            Issue.record("the wrong sample was accepted")
        } catch let error as FlowTraceError {
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains("kind: expected 'request-end', got 'request-start'"), "\(error)")
            let line = try #require(error.location?.line)
            let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[line - 1].contains("- Started"), "points at the sample: \(lines[line - 1])")
        }
    }

    /// Samples must cover every layout.
    @Test func samplesMissingALayoutFailTheLoad() throws {
        let yaml = """
            levels: {info: INFO}
            samples:
              - line: "hello there"
                expect: {layout: unparsed}
            """
        #expect(throws: FlowTraceError.self) { try FormatVocabulary(yaml: yaml, file: "small.yaml") }
        let vocabulary = try FormatVocabulary(yaml: yaml, file: "small.yaml", checkingSamples: false)
        #expect(vocabulary.samples.count == 1)
    }

    /// A vocabulary without samples loads (nothing to prove) and still parses by its words.
    @Test func aMinimalVocabularyDrivesTheParser() throws {
        let vocabulary = try FormatVocabulary(yaml: """
            statuses: {ok: ["+"]}
            levels: {info: [INFO, INFORMATION]}
            entities: {user: [account]}
            """, file: "minimal.yaml")
        var parser = LineParser(vocabulary: vocabulary)
        let event = parser.parse(string: "INFORMATION:app:+ [X] ready for account 22cb3917-57f6-49c6-ac96-ec266570081b")
        #expect(event.layout == .pythonDefault)
        #expect(event.level == .info)
        #expect(event.status == .ok)
        #expect(event.user.map { parser.string($0.range) } == "22cb3917-57f6-49c6-ac96-ec266570081b")
    }
}
