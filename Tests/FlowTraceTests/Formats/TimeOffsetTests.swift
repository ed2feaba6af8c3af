import Testing
@testable import FlowTrace

/// UTC offsets and epoch units (M7), and the local day that time-only lines take from the dated
/// lines around them (``DateCarry``).
@Suite struct TimeOffsetTests {
    static let info = " INFO app: x"

    /// M7a: `+HH:MM`, `+HHMM` and PostgreSQL's hours-only `+HH` (JSON times and text lines).
    @Test(arguments: [
        ("2025-08-02T07:07:57+05:30", "2025-08-02T01:37:57.000Z"), ("2025-08-02T07:07:57+0530", "2025-08-02T01:37:57.000Z"),
        ("2025-08-02T07:07:57+05", "2025-08-02T02:07:57.000Z"), ("2025-08-02T07:07:57.5-03", "2025-08-02T10:07:57.500Z"),
        ("2025-08-02 23:07:57.123456-11", "2025-08-03T10:07:57.123Z"), ("2025-08-02T07:07:57+00", "2025-08-02T07:07:57.000Z"),
    ])
    func m7OffsetsWithOrWithoutMinutes(_ stamp: String, _ utc: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let text = parser.parse(string: stamp + Self.info)
        #expect(text.layout == .isoLevel)
        #expect(text.time?.iso8601 == utc)
        let json = parser.parse(string: #"{"level":"info","message":"x","timestamp":"\#(stamp)"}"#)
        #expect(json.time?.iso8601 == utc)
    }

    /// Digits that are no offset leave the time as UTC and, in a text line, the layout unread.
    @Test(arguments: ["2025-08-02T07:07:57+5", "2025-08-02T07:07:57+053", "2025-08-02T07:07:57+05:3", "2025-08-02T07:07:57+25"])
    func m7MalformedOffsetsAreNotRead(_ stamp: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        #expect(parser.parse(string: stamp + Self.info).layout == .unparsed)
    }

    /// M7b: epoch numbers in seconds, milliseconds, microseconds and nanoseconds, as numbers or strings.
    @Test(arguments: ["1754118477.123", "1754118477123", "1754118477123456", "1754118477123456789", "\"1754118477123456\""])
    func m7EpochUnitsByMagnitude(_ value: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: #"{"level":"info","message":"x","ts":\#(value)}"#)
        #expect(event.time?.iso8601 == "2025-08-02T07:07:57.123Z")
    }

    @Test func epochNumbersThatDoNotFitAreNoTime() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        #expect(parser.parse(string: #"{"level":"info","message":"x","ts":99999999999999999999}"#).time == nil)
        #expect(parser.parse(string: #"{"level":"info","message":"x","ts":9999999999999999999}"#).time != nil)
    }

    /// M7c: a time of day is in the local time of the dated line before it.
    @Test func m7TimeOnlyLinesTakeTheLastOffset() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        _ = parser.parse(string: "2025-08-03T01:00:00+05:30 INFO app: dated in India")
        #expect(parser.parse(string: "01:00:05 | INFO | x | b").time?.iso8601 == "2025-08-02T19:30:05.000Z")
        // Local midnight is crossed at 18:30 UTC.
        #expect(parser.parse(string: "23:59:59 | INFO | x | c").time?.iso8601 == "2025-08-03T18:29:59.000Z")
        #expect(parser.parse(string: "00:00:01 | INFO | x | d").time?.iso8601 == "2025-08-03T18:30:01.000Z")
        // A dated line in UTC resets the zone.
        _ = parser.parse(string: "2025-08-05 10:00:00,000 - app - INFO - dated in UTC")
        #expect(parser.parse(string: "10:00:01 | INFO | x | e").time?.iso8601 == "2025-08-05T10:00:01.000Z")
        _ = parser.parse(string: #"{"level":"info","message":"x","time":"2025-08-05T20:00:00-04:00"}"#)
        #expect(parser.parse(string: "20:00:02 | INFO | x | f").time?.iso8601 == "2025-08-06T00:00:02.000Z")
    }

    /// A JSON wrapper's offset dates the time-only line it wraps.
    @Test func m7AWrappedConsoleLineTakesTheWrappersOffset() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let line = #"{"log":"01:00:05 | INFO | x | b\n","time":"2025-08-03T01:00:05.250+05:30"}"#
        let event = parser.parse(string: line)
        #expect(event.layout == .console)
        #expect(event.time?.iso8601 == "2025-08-02T19:30:05.000Z")
    }

    /// M7d: a container prefix just before midnight wrapping a console line just after it.
    @Test func m7AContainerPrefixAcrossMidnight() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "2025-08-02T23:59:59.999Z stdout F 00:00:00 | INFO | x | next day")
        #expect(event.layout == .console)
        #expect(event.time?.iso8601 == "2025-08-03T00:00:00.000Z")
        // And the other way: the runtime stamped the line just after midnight, the service just before.
        let late = parser.parse(string: "2025-08-03T00:00:00.100Z stdout F 23:59:59 | INFO | x | day before")
        #expect(late.time?.iso8601 == "2025-08-02T23:59:59.000Z")
        let offset = parser.parse(string: "2025-08-03T01:00:00+02:00 stdout F 01:00:00 | INFO | x | local")
        #expect(offset.time?.iso8601 == "2025-08-02T23:00:00.000Z")
    }
}
