import Testing
@testable import FlowTrace

/// ``StepIndex`` remembers what the events of a template match (``StepMatchCache``), unless a
/// needle could overlap the UUIDs that events of one template differ in.
@Suite struct StepMatchCacheTests {
    static let prefix = MessageMemoNumberTests.prefix

    /// Parses `line` and returns what `index` matches for it, its template, and what a fresh index
    /// (nothing remembered) matches.
    static func match(_ line: String, _ index: StepIndex, fresh: () -> StepIndex, flow: Int? = nil,
                      parser: inout LineParser) -> (found: Int?, template: UInt32, expected: Int?) {
        Array((prefix + line).utf8).withUnsafeBytes { raw in
            let event = parser.parse(RawLine(bytes: raw, number: 1, byteOffset: 0, fullLength: raw.count))
            return parser.withText { text in
                let keys = event.tags.keys(in: text)
                return (index.firstMatch(event, tagKeys: keys, text: text, in: flow), event.template,
                        fresh().firstMatch(event, tagKeys: keys, text: text, in: flow))
            }
        }
    }

    static let users = ["6816de06-0a04-4f48-921b-18a91ab1c42f"] + MessageMemoTests.otherUUIDs

    /// A needle that holds part of a UUID: events of one template match or not by their own text.
    @Test func aNeedleInsideAUUIDIsSearchedEveryTime() {
        let patterns = { [(0, StepPattern(tag: "GENERATION", contains: "6816de06-0a04"))] }
        let index = StepIndex(patterns())
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        var templates: Set<UInt32> = []
        for user in Self.users + Self.users + Self.users {
            let result = Self.match("🔍 [GENERATION] Starting credit check for user \(user)", index,
                                    fresh: { StepIndex(patterns()) }, parser: &parser)
            #expect(result.found == result.expected, "\(user)")
            #expect(result.found == (user.hasPrefix("6816de06") ? 0 : nil), "\(user)")
            templates.insert(result.template)
        }
        #expect(templates.count == 2 && templates.contains(0), "one template for all users once remembered")
    }

    /// Needles outside the ids: every event of a template matches what a fresh search finds, also
    /// within a flow.
    @Test func eventsOfATemplateMatchAsSearched() {
        let patterns = {
            [(0, StepPattern(tag: "GENERATION", contains: "Starting credit check")),
             (1, StepPattern(tag: "USER_SERVICE", contains: "Getting credits")),
             (1, StepPattern(tag: "GENERATION", status: .ok))]
        }
        let index = StepIndex(patterns())
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let messages = ["🔍 [GENERATION] Starting credit check for user U", "💳 [USER_SERVICE] Getting credits for user U",
                        "✅ [GENERATION] Done for user U", "❌ [GENERATION] Failed for user U", "🔍 [DATABASE] select for user U"]
        var remembered = 0
        for round in 0..<4 {
            for message in messages {
                for flow in [nil, 0, 1] {
                    let line = message.replacingOccurrences(of: "U", with: Self.users[round % Self.users.count])
                    let result = Self.match(line, index, fresh: { StepIndex(patterns()) }, flow: flow, parser: &parser)
                    #expect(result.found == result.expected, "\(line) in \(String(describing: flow))")
                    if result.template != 0 { remembered += 1 }
                }
            }
        }
        #expect(remembered > 30, "the events had templates: the cache answered")
    }

    @Test func remembersByTemplateAndFlow() {
        let cache = StepMatchCache()
        #expect(cache.found(template: 7, flow: -1) == nil)
        cache.remember(2, template: 7, flow: -1)
        cache.remember(-1, template: 7, flow: 1)
        #expect(cache.found(template: 7, flow: -1) == 2)
        #expect(cache.found(template: 7, flow: 1) == -1)
        #expect(cache.found(template: 8, flow: -1) == nil)
        // Flows 1024 apart share a slot: the flow is part of what the slot remembers.
        cache.remember(0, template: 9, flow: 0)
        #expect(cache.found(template: 9, flow: Int32(StepMatchCache.slotCount)) == nil)
        #expect(cache.found(template: 9, flow: 0) == 0)
    }
}
