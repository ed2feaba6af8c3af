import Testing
@testable import FlowTrace

/// How the message analysis reads numbers: signs and fractions of credits (M5), numbers in an
/// access line's request line (M6), and durations (the cases 11f4e38 missed).
@Suite struct NumberReadingTests {
    struct Reading: Sendable, CustomTestStringConvertible {
        var message: String
        var amount: Int64?
        var balance: Int64?
        var duration: Int64?
        var testDescription: String { message }
    }

    /// M5: a `-` that follows a byte that is not a word character is a sign; a fraction is
    /// dropped rounding down, and its digits are not another number.
    @Test(arguments: [
        Reading(message: "Current balance for user: -20, required: 10", amount: 10, balance: -20),
        Reading(message: "New balance: -50", balance: -50),
        Reading(message: "balance:-7 amount=-3", amount: -3, balance: -7),
        Reading(message: "amount: 12.50", amount: 12),
        Reading(message: "balance: 0.5", balance: 0),
        Reading(message: "balance: -0.5", balance: -1),
        Reading(message: "balance: -2.0", balance: -2),
        Reading(message: "balance: .5 amount: 3", amount: 3, balance: 0),
        Reading(message: "amount: 1,240.75, balance: -1,000", amount: 1240, balance: -1000),
        Reading(message: "range 10-20, balance 5", balance: 5),
        Reading(message: "balance 2025-08-02", balance: 2025),
        Reading(message: "amount: 1.5x, balance: 3", balance: 3),
        Reading(message: "balance: 5.", balance: 5),
    ])
    func m5SignsAndFractions(_ reading: Reading) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "💳 [CREDIT-SERVICE] " + reading.message)
        #expect(event.amount == reading.amount)
        #expect(event.balance == reading.balance)
    }

    /// A fraction's digits are no number of their own: `1.5 rows` has one row, not five.
    @Test func fractionDigitsAreNotRows() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        #expect(parser.parse(string: "✅ [DATABASE] SELECT result for users: 1.5 rows").rowCount == 1)
    }

    /// M6: the path and the HTTP version of an access line's request line fill no amount or
    /// balance, whatever the client address looks like; ids in the path are still read.
    @Test(arguments: [
        "INFO:     10.0.0.7:51234 - \"GET /api/v1/credits/balance HTTP/1.1\" 200 OK",
        "INFO:     [::1]:51234 - \"GET /api/v1/credits/balance HTTP/1.1\" 200 OK",
        "INFO:     [2001:db8::7]:51234 - \"GET /api/v1/credits/balance HTTP/2\" 200 OK",
        "2025-08-02 07:00:00,090 - uvicorn.access - INFO - [::1]:37144 - \"GET /api/v1/credits/balance/7 HTTP/1.1\" 200",
        "INFO:     10.0.0.7:51234 - \"POST /api/v1/credits/amount/5?balance=3 HTTP/1.1\" 402 Payment Required",
    ])
    func m6RequestLinesNameNoAmounts(_ line: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: line)
        #expect(event.kind == .access)
        #expect(event.balance == nil)
        #expect(event.amount == nil)
        #expect(event.tags.isEmpty)
        #expect(event.httpStatus == 200 || event.httpStatus == 402)
    }

    @Test func m6IdsInAnAccessPathAreStillRead() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let user = "22cb3917-57f6-49c6-ac96-ec266570081b"
        let event = parser.parse(string: "INFO:     10.0.0.7:1 - \"GET /api/v1/credits/balance?user_id=\(user) HTTP/1.1\" 200 OK")
        #expect(event.user.map { parser.string($0.range) } == user)
        #expect(event.balance == nil)
    }

    /// Durations: no whole part (`.8s` was read as 8 s), a unit after a space, units spelled out;
    /// `2m` stays no duration (minutes, millions, metres).
    @Test(arguments: [
        Reading(message: "took 0.8s", duration: 800), Reading(message: "took .8s", duration: 800),
        Reading(message: "took 800 ms", duration: 800), Reading(message: "took 1.5 s", duration: 1500),
        Reading(message: "took 2 seconds", duration: 2000), Reading(message: "took 1.2sec", duration: 1200),
        Reading(message: "took 3 secs", duration: 3000), Reading(message: "took 250 milliseconds", duration: 250),
        Reading(message: "took 1500 microseconds", duration: 2), Reading(message: "took 350µs", duration: 0),
        Reading(message: "took 1500\u{3BC}s", duration: 2), Reading(message: "took 7 msec", duration: 7),
        Reading(message: "took 2m", duration: nil), Reading(message: "took 2 min", duration: nil),
        Reading(message: "took 1.2S", duration: nil), Reading(message: "granted 10 sessions", duration: nil),
        Reading(message: "file.2s", duration: nil), Reading(message: "took 5 s3", duration: nil),
        Reading(message: "duration: 12 msgs", duration: nil),
    ])
    func durations(_ reading: Reading) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        #expect(parser.parse(string: "🔍 [GENERATION] " + reading.message).durationMilliseconds == reading.duration)
    }

    /// A duration takes its number from the amount a keyword announced: `amount: 10 s` has none.
    @Test func aDurationIsNoAmount() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "💳 [CREDIT-SERVICE] amount: 10 s, balance: 5")
        #expect(event.durationMilliseconds == 10_000)
        #expect(event.balance == 5)
    }

    @Test func requestTrackingDurationsWithASpacedUnit() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let id = "[3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c] POST /api/v1/generations - 400 - "
        #expect(parser.parse(string: id + "812 ms").durationMilliseconds == 812)
        #expect(parser.parse(string: id + "0.8 s").durationMilliseconds == 800)
        #expect(parser.parse(string: id + "812").durationMilliseconds == 812)
    }
}
