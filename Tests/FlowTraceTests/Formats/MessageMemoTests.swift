import Testing
@testable import FlowTrace

/// A message the parser remembers (``MessageMemo``) must read exactly as a fresh parser reads
/// it, also when it comes back at another offset of its line, or with other UUIDs in it.
@Suite struct MessageMemoTests {
    static let vocabulary = FormatSampleTests.vocabulary

    /// What the message analysis and the layout put into an event, as text, offsets included.
    static func fields(_ event: Event, text: UnsafeRawBufferPointer) -> [String] {
        var tags: [String] = []
        for index in 0..<event.tags.storedCount {
            tags.append("\(event.tags.range(at: index)) \(event.tags.key(at: index, in: text))")
        }
        return [
            "\(event.layout) \(event.level) \(event.logger) \(event.message)",
            "\(event.status) \(event.kind) \(event.tags.count) \(tags)",
            "\(event.httpMethod) \(event.httpStatus) \(event.httpPath) \(event.operation) \(event.client)",
            "\(String(describing: event.table)) \(String(describing: event.unlabeledID))",
            "\(String(describing: event.user)) \(String(describing: event.generation)) \(String(describing: event.request))",
            "\(String(describing: event.durationMilliseconds)) \(String(describing: event.amount))",
            "\(String(describing: event.balance)) \(String(describing: event.rowCount))",
        ]
    }

    static func parse(_ line: String, with parser: inout LineParser) -> [String] {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBytes { raw in
            let event = parser.parse(RawLine(bytes: raw, number: 1, byteOffset: 0, fullLength: raw.count))
            return parser.withText { fields(event, text: $0) }
        }
    }

    @Test(arguments: FormatSampleTests.samples)
    func aRepeatedSampleReadsAsTheFirstTime(_ sample: FormatSample) {
        var fresh = LineParser(vocabulary: Self.vocabulary)
        let expected = Self.parse(sample.line, with: &fresh)
        var parser = LineParser(vocabulary: Self.vocabulary)
        // Seen once, remembered the second time, taken from the memo the third.
        for round in 0..<3 {
            #expect(Self.parse(sample.line, with: &parser) == expected, "\(sample.location), round \(round)")
        }
    }

    @Test func aRememberedMessageMovesWithItsOffset() {
        let message = "💳 [CREDIT-SERVICE] Granting 500 credits to user 6816de06-0a04-4f48-921b-18a91ab1c42f "
            + "(PATCH https://xyz.supabase.co/rest/v1/users?id=eq.6816de06-0a04-4f48-921b-18a91ab1c42f \"HTTP/2 200 OK\")"
        let short = "2025-08-02 07:00:00,026 - a - INFO - " + message
        let long = "2025-08-02 07:00:00,026 - services.credit_transaction_service - INFO - " + message
        var parser = LineParser(vocabulary: Self.vocabulary)
        _ = Self.parse(short, with: &parser)
        _ = Self.parse(short, with: &parser)
        var fresh = LineParser(vocabulary: Self.vocabulary)
        #expect(Self.parse(long, with: &parser) == Self.parse(long, with: &fresh))
        #expect(Self.parse(short, with: &parser) == Self.parse(short, with: &fresh))
    }

    /// `line` with its UUIDs replaced, in order, by `replacements` (cycled).
    static func replacingUUIDs(in line: String, with replacements: [String]) -> String {
        var result = ""
        var rest = Substring(line)
        var index = 0
        while let match = rest.firstMatch(of: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/) {
            result += rest[..<match.range.lowerBound] + replacements[index % replacements.count]
            index += 1
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }

    static let otherUUIDs = ["0b5f3d86-268e-4c45-9c6b-f1e1a399f82a", "FFFFFFFF-0000-4AAA-8BBB-123456789ABC",
                             "11111111-2222-4333-8444-555555555555"]

    @Test(arguments: FormatSampleTests.samples.filter { replacingUUIDs(in: $0.line, with: ["x"]) != $0.line })
    func aSampleWithOtherUUIDsReadsAsTheFirstTime(_ sample: FormatSample) {
        var parser = LineParser(vocabulary: Self.vocabulary)
        _ = Self.parse(sample.line, with: &parser)
        _ = Self.parse(sample.line, with: &parser)
        // Other ids, all distinct, all equal, and a pattern of equal and distinct ones.
        for replacements in [Self.otherUUIDs, [Self.otherUUIDs[1]], [Self.otherUUIDs[2], Self.otherUUIDs[2], Self.otherUUIDs[0]]] {
            let line = Self.replacingUUIDs(in: sample.line, with: replacements)
            var fresh = LineParser(vocabulary: Self.vocabulary)
            #expect(Self.parse(line, with: &parser) == Self.parse(line, with: &fresh), "\(sample.location): \(line)")
        }
    }

    /// Whether a message names the same id twice changes how it reads: the memo must not mix them.
    @Test func equalAndDistinctIdsAreNotConfused() {
        let first = "0b5f3d86-268e-4c45-9c6b-f1e1a399f82a"
        let second = "6816de06-0a04-4f48-921b-18a91ab1c42f"
        func line(_ user: String, _ other: String) -> String {
            "2025-08-02 07:00:00,026 - a - INFO - ✅ [USER_REPO] Credits for user \(user) checked for \(other)"
        }
        var parser = LineParser(vocabulary: Self.vocabulary)
        for (user, other) in [(first, second), (first, second), (second, second), (first, first), (second, first)] {
            var fresh = LineParser(vocabulary: Self.vocabulary)
            #expect(Self.parse(line(user, other), with: &parser) == Self.parse(line(user, other), with: &fresh))
        }
    }

    /// A UUID that letters or digits touch is not a stand-alone id: it is remembered byte for byte.
    @Test func aUUIDInsideAWordIsNotMasked() {
        for (prefix, suffix) in [("user_", ""), ("", "x"), ("id", "_9")] {
            var parser = LineParser(vocabulary: Self.vocabulary)
            for uuid in Self.otherUUIDs + Self.otherUUIDs {
                let line = "2025-08-02 07:00:00,026 - a - INFO - 👤 [USER_REPO] Getting user by ID: \(prefix)\(uuid)\(suffix) now"
                var fresh = LineParser(vocabulary: Self.vocabulary)
                #expect(Self.parse(line, with: &parser) == Self.parse(line, with: &fresh), "\(line)")
            }
        }
    }
}
