import Testing
@testable import FlowTrace

/// A message the parser remembers (``MessageMemo``) must read exactly as a fresh parser reads
/// it, also when it comes back at another offset of its line.
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
}
