import Testing
@testable import FlowTrace

/// A key written twice in one mapping of a configuration file is reported at the second one's
/// line and column, naming where the first is (Yams names only the first, with the whole text).
@Suite struct DuplicateKeyTests {
    @Test(arguments: [
        // A top-level key: `title` again on line 3.
        ("title: A sample\n", "title: A sample\ntitle: Again\n", "title", 3, 1, 2),
        // A step's field: `tag` again on line 10, column 5.
        ("    tag: GENERATION\n", "    tag: GENERATION\n    tag: DATABASE\n", "tag", 10, 5, 9),
        // A step name: `seen` again on line 10, column 3.
        ("  seen:\n    tag: GENERATION\n", "  seen:\n    tag: GENERATION\n  seen:\n    tag: DATABASE\n", "seen", 10, 3, 8),
        // In a flow mapping on one line: the second `exists` at line 12, column 25.
        ("  exists: seen\n", "  all: [{ exists: seen, exists: seen }]\n", "exists", 12, 25, 12),
    ])
    func aRuleFilesDuplicateIsLocatedAtItself(_ original: String, _ replacement: String, _ key: String,
                                              _ line: Int, _ column: Int, _ firstLine: Int) throws {
        let yaml = RuleFileErrorTests.valid.replacingOccurrences(of: original, with: replacement)
        #expect(yaml != RuleFileErrorTests.valid)
        let failure = try #require(Rule.loadingError(yaml), "a duplicate '\(key)' loaded")
        #expect(failure.code == .invalidConfiguration)
        #expect(failure.message.hasPrefix("duplicate key '\(key)': this mapping already has it at line \(firstLine), column"))
        #expect(failure.location == .init(file: "team/rule.yaml", line: line, column: column))
        #expect(failure.hint?.contains("each key once") == true)
        // Not Yams's message, which carries the whole file.
        #expect(!failure.description.contains("examples:"))
    }

    @Test func aCorrelationFilesDuplicateIsLocatedAtItself() throws {
        let yaml = try #require(BuiltinData.file("correlation.yaml"))
        let original = "  - { tag: AUTH, contains: \"Validating\" }"
        #expect(yaml.contains(original))
        let failure = try #require(FlowTraceError.thrown(by: try CorrelationConfig(
            yaml: yaml.replacingOccurrences(of: original, with: "  - { tag: AUTH, contains: \"Validating\", tag: USER }"),
            file: "team/correlation.yaml")))
        #expect(failure.message.hasPrefix("duplicate key 'tag': this mapping already has it at line 24, column 7"))
        #expect(failure.location == .init(file: "team/correlation.yaml", line: 24, column: 42))
    }

    @Test func aFormatsFilesDuplicateIsLocatedAtItself() throws {
        let yaml = try #require(BuiltinData.file("formats.yaml"))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        // The first top-level key, written again at the end.
        let index = try #require(lines.firstIndex { $0.first?.isLetter == true && $0.contains(":") })
        let key = String(lines[index].prefix { $0 != ":" })
        let doubled = yaml + (yaml.hasSuffix("\n") ? "" : "\n") + "\(key): []\n"
        let failure = try #require(FlowTraceError.thrown(by: try VocabularyDefinition(yaml: doubled, file: "team/formats.yaml")))
        #expect(failure.message.hasPrefix("duplicate key '\(key)': this mapping already has it at line \(index + 1), column 1"))
        #expect(failure.location == .init(file: "team/formats.yaml", line: lines.count + (yaml.hasSuffix("\n") ? 0 : 1), column: 1))
    }

    @Test func theFinderSkipsKeysThatAreNoScalarsAndOtherMappings() {
        let yaml = "a: { b: 1 }\nc:\n  b: 2\n  ? [x]\n  : 1\n  ? [x]\n  : 2\n  d: 3\n  d: 4\n"
        #expect(DuplicateKeyFinder.first(in: yaml) == .init(key: "d", first: (8, 3), repeated: (9, 3)))
        #expect(DuplicateKeyFinder.first(in: "a: 1\nb: 2\n") == nil)
        #expect(DuplicateKeyFinder.first(in: "a: 1\na: 2\nb: 1\nb: 2\n", among: ["b"]) == .init(key: "b", first: (3, 1), repeated: (4, 1)))
    }
}
