import Testing
@testable import FlowTrace

/// L2: bracketed level words are the level of a line whose layout gave none, never tags; a
/// bracket inside a URL is no tag; tags past the fourth are counted, not kept.
@Suite struct LevelTagTests {
    static let prefix = "2025-08-02 07:00:00,026 - services.x - INFO - "

    @Test(arguments: [("[INFO]", Level.info), ("[ERROR]", .error), ("[WARNING]", .warning), ("[WARN]", .warning),
                      ("[DEBUG]", .debug), ("[CRITICAL]", .critical), ("[FATAL]", .critical), ("[TRACE]", .trace)])
    func l2ALevelWordIsTheLevelAndNoTag(_ word: String, _ level: Level) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let bare = parser.parse(string: "\(word) [GENERATION] Deducting credits")
        #expect(bare.level == level)
        #expect(bare.layout == .bare)
        #expect(bare.tags.count == 1)
        #expect(parser.string(bare.tags.range(at: 0)) == "GENERATION")
        // The layout's level wins.
        let basic = parser.parse(string: Self.prefix + "\(word) [GENERATION] Deducting credits")
        #expect(basic.level == .info)
        #expect(basic.tags.count == 1)
    }

    /// The first level word names the level; lower-case or partial words are neither level nor tag.
    @Test func theFirstLevelWordCounts() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "❌ [DB] [ERROR] then [WARNING] [error] [ERRORS]")
        #expect(event.level == .error)
        #expect(event.status == .error)
        #expect((0..<event.tags.storedCount).map { parser.string(event.tags.range(at: $0)) } == ["DB", "ERRORS"])
    }

    @Test func aJSONLineWithoutALevelTakesItsTagsLevel() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: #"{"message":"[WARNING] [CREDIT-SERVICE] Low balance","logger":"svc"}"#)
        #expect(event.layout == .json)
        #expect(event.level == .warning)
        #expect(event.tags.count == 1)
        let levelled = parser.parse(string: #"{"message":"[WARNING] x","level":"debug"}"#)
        #expect(levelled.level == .debug)
    }

    /// A remembered message gives its tags' level to a line with no level of its own, and only to it.
    @Test func theMemoKeepsTheLevelOfTags() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let message = "[ERROR] [GENERATION] Deducted 10 credits for user 22cb3917-57f6-49c6-ac96-ec266570081b"
        let other = "[ERROR] [GENERATION] Deducted 25 credits for user 0b5f3d86-268e-4c45-9c6b-f1e1a399f82a"
        let lines = [message, Self.prefix + message, message, Self.prefix + message, message, other, Self.prefix + other,
                     other, "07:00:00 | DEBUG | x | " + other, other, Self.prefix + message]
        for line in lines {
            var fresh = LineParser(vocabulary: FormatSampleTests.vocabulary)
            #expect(MessageMemoTests.parse(line, with: &parser) == MessageMemoTests.parse(line, with: &fresh), "\(line)")
        }
        #expect(parser.messageMemo.numberMaskedHitCount > 0)
    }

    @Test(arguments: ["(https://docs.example.com/[DOCS])", "https://x/[DOCS]/y", "/path/[ID]"])
    func l2ABracketInAURLIsNoTag(_ text: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "📋 [GENERATION] see \(text)")
        #expect(event.tags.count == 1)
    }

    /// The tag list keeps the first four tags in order and counts the rest; level words take no place.
    @Test func l2TagsPastTheFourthAreCountedInOrder() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        for _ in 0..<3 {  // also when taken from the memo
            let event = parser.parse(string: "🔍 [A1] [ERROR] [B2] [C3] [D4] [GENERATION] [E5] five tags")
            #expect(event.tags.count == 6)
            #expect(event.tags.storedCount == 4)
            #expect((0..<4).map { parser.string(event.tags.range(at: $0)) } == ["A1", "B2", "C3", "D4"])
            #expect(event.level == .error)
        }
    }
}
