import Testing
@testable import FlowTrace

/// ``TagKeyCache`` hashes a template's tags once, which holds because the memo gives one
/// template only to messages whose tags are the same bytes.
@Suite struct TagKeyCacheTests {
    static func event(_ line: String, _ parser: inout LineParser) -> (Event, [UInt64]) {
        Array(line.utf8).withUnsafeBytes { raw in
            let event = parser.parse(RawLine(bytes: raw, number: 1, byteOffset: 0, fullLength: raw.count))
            let keys = parser.withText { text in (0..<event.tags.storedCount).map { event.tags.key(at: $0, in: text) } }
            return (event, keys)
        }
    }

    /// Tags that hold a UUID, a number or nothing variable: every event the cache answers from an
    /// earlier one of its template gets the keys of its own tags.
    @Test func eachEventGetsTheKeysOfItsOwnTags() {
        let uuids = MessageMemoTests.otherUUIDs.map { $0.uppercased() }
        let lines = (0..<4).flatMap { round in
            [
                "✅ [JOB-\(uuids[round % uuids.count])] [DATABASE] done for user \(MessageMemoTests.otherUUIDs[round % 3])",
                "✅ [DB-\(round)] [USER_REPO] done",
                "🔍 [GENERATION] Starting credit check for user \(MessageMemoTests.otherUUIDs[round % 3])",
            ]
        }.map { MessageMemoNumberTests.prefix + $0 }
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let cache = TagKeyCache()
        var templated = 0
        for line in lines + lines {
            let (event, expected) = Self.event(line, &parser)
            if event.template != 0 { templated += 1 }
            let keys = parser.withText { cache.keys(of: event, text: $0) }
            #expect((0..<keys.count).map { keys[$0] } == expected, "\(line)")
        }
        #expect(templated >= lines.count / 2, "the memo gave templates: the cache was used")
    }

    /// The cache answers by template: an event of a known template gets the remembered keys.
    @Test func answersByTemplate() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let cache = TagKeyCache()
        var (first, firstKeys) = Self.event(MessageMemoNumberTests.prefix + "✅ [AUTH] ok", &parser)
        first.template = 7_000_001
        _ = parser.withText { cache.keys(of: first, text: $0) }
        var (second, _) = Self.event(MessageMemoNumberTests.prefix + "✅ [DATABASE] ok", &parser)
        second.template = 7_000_001
        let keys = parser.withText { cache.keys(of: second, text: $0) }
        #expect(keys.count == 1 && keys[0] == firstKeys[0])
        second.template = 0
        #expect(parser.withText { cache.keys(of: second, text: $0) }[0] == TagList.key(of: "DATABASE"))
    }
}
