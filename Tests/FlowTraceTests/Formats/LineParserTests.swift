import Testing
@testable import FlowTrace

/// Stream state and byte-level flags of the line parser.
@Suite struct LineParserTests {
    @Test func timeOnlyLinesTakeTheLastDate() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let before = parser.parse(string: "07:00:00 | INFO | app | first")
        #expect(before.time == LogTime(milliseconds: 7 * 3_600_000, hasDate: false))
        _ = parser.parse(string: "2025-08-02 07:07:57,123 - app - INFO - dated")
        let after = parser.parse(string: "07:07:58.5 | INFO | app | later", number: 3)
        #expect(after.time?.iso8601 == "2025-08-02T07:07:58.500Z")
        #expect(after.lineNumber == 3)
    }

    /// A time-only log that crosses midnight goes on to the next day, with or without a date
    /// before it; lines slightly out of order (concurrent requests) stay on their day.
    @Test func timeOnlyLinesCrossMidnight() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let undated = ["23:59:58 | INFO | app | a", "23:59:59 | INFO | app | b", "00:00:01 | INFO | app | c",
                       "23:59:59 | INFO | app | late by two seconds", "00:00:02 | INFO | app | d"]
        let day = LogTime.millisecondsPerDay
        #expect(undated.map { parser.parse(string: $0).time?.milliseconds }
                == [day - 2000, day - 1000, day + 1000, day - 1000, day + 2000])
        #expect(parser.parse(string: "00:00:03 | INFO | app | e").time?.hasDate == false)
        _ = parser.parse(string: "2025-08-02 23:59:59,500 - app - INFO - dated")
        #expect(parser.parse(string: "00:00:01 | INFO | app | f").time?.iso8601 == "2025-08-03T00:00:01.000Z")
        #expect(parser.parse(string: "13:00:00 | INFO | app | g").time?.iso8601 == "2025-08-03T13:00:00.000Z")
        #expect(parser.parse(string: "23:30:00 | INFO | app | ten hours on, same day").time?.iso8601 == "2025-08-03T23:30:00.000Z")
        #expect(parser.parse(string: "00:00:00 | INFO | app | h").time?.iso8601 == "2025-08-04T00:00:00.000Z")
        _ = parser.parse(string: "2025-08-02 10:00:00,000 - app - INFO - a dated line resets the day")
        #expect(parser.parse(string: "10:00:01 | INFO | app | i").time?.iso8601 == "2025-08-02T10:00:01.000Z")
    }

    /// The date and the `HH:MM:SS` of the last line are remembered, never trusted for other bytes.
    @Test func repeatedDatesAndSecondsAreReadAgainWhenTheyChange() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let lines = [
            ("2025-08-02 07:07:57,123 - app - INFO - a", "2025-08-02T07:07:57.123Z"),
            ("2025-08-02 07:07:57,456 - app - INFO - b", "2025-08-02T07:07:57.456Z"),
            ("2025-08-02 07:07:58,001 - app - INFO - c", "2025-08-02T07:07:58.001Z"),
            ("2025-08-03 07:07:58 - app - INFO - d", "2025-08-03T07:07:58.000Z"),
            ("2025-08-03 00:00:00,5 - app - INFO - e", "2025-08-03T00:00:00.500Z"),
        ]
        for (line, time) in lines { #expect(parser.parse(string: line).time?.iso8601 == time) }
        #expect(parser.parse(string: "2025-08-03 07:07:99,000 - app - INFO - bad second").time == nil)
        #expect(parser.parse(string: "2025-08-03 07:07:58,000 - app - INFO - again").time?.iso8601 == "2025-08-03T07:07:58.000Z")
    }

    @Test func lineNumberOffsetAndTruncation() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        var text = "INFO:app:long line"
        let event = text.withUTF8 { bytes in
            parser.parse(RawLine(bytes: UnsafeRawBufferPointer(bytes), number: 42, byteOffset: 1000, fullLength: 5000))
        }
        #expect(event.lineNumber == 42)
        #expect(event.byteOffset == 1000)
        #expect(event.flags.contains(.truncated))
    }

    @Test func invalidUTF8AndNULAreFlagged() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let bytes: [UInt8] = Array("INFO:app:bad ".utf8) + [0xFF, 0xC3, 0x28, 0x00] + Array(" end".utf8)
        let event = bytes.withUnsafeBytes { parser.parse(RawLine(bytes: $0, number: 1, byteOffset: 0, fullLength: $0.count)) }
        #expect(event.flags.contains(.invalidUTF8))
        #expect(event.flags.contains(.containsNUL))
        #expect(event.layout == .pythonDefault)
        #expect(parser.withText { $0.count } == bytes.count)
    }

    @Test func escapeSequencesOfAllKindsAreRemoved() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "\u{1b}[1;31mERROR\u{1b}[0m:app:\u{1b}]0;title\u{7}done\u{1b}(B")
        #expect(event.flags.contains(.ansiStripped))
        #expect(event.level == .error)
        #expect(parser.string(event.message) == "done")
    }

    @Test func tagsAreUpperCaseBracketsWithALetter() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "[A] [DB-CREATE] [123] [lower] [ ] [CREDIT_SERVICE] [X1] [TOO-MANY]")
        #expect(event.tags.count == 5)
        #expect((0..<event.tags.storedCount).map { parser.string(event.tags.range(at: $0)) } == ["A", "DB-CREATE", "CREDIT_SERVICE", "X1"])
        #expect(parser.withText { event.tags.contains(key: TagList.key(of: "DB-CREATE"), in: $0) })
        #expect(!parser.withText { event.tags.contains(key: TagList.key(of: "TOO-MANY"), in: $0) })
    }

    @Test func uuidKeysIgnoreCase() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let upper = parser.parse(string: "user 22CB3917-57F6-49C6-AC96-EC266570081B").user?.key
        let lower = parser.parse(string: "user 22cb3917-57f6-49c6-ac96-ec266570081b").user?.key
        #expect(upper != nil && upper == lower)
    }

    @Test func clausesLimitKeywords() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "checked user; 22cb3917-57f6-49c6-ac96-ec266570081b is next")
        #expect(event.user == nil)
        #expect(event.unlabeledID != nil)
    }

    @Test func tableKeysAreLowerCase() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let upper = parser.parse(string: "Executing SELECT query on USERS").table?.key
        let lower = parser.parse(string: "Executing SELECT query on users").table?.key
        #expect(upper != nil && upper == lower)
    }

    @Test func emptyAndBlankLines() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        #expect(parser.parse(string: "").layout == .unparsed)
        #expect(parser.parse(string: "   ").layout == .unparsed)
        #expect(parser.parse(string: "\r").layout == .unparsed)
    }

    /// The request line's quote is found while normalising: after removed escapes and repaired
    /// mojibake, past the vector screen's first sixteen bytes, and after a quote before the message.
    @Test(arguments: [
        "INFO:     1.2.3.4:5 - \"POST /api/v1/generations HTTP/1.1\" 201",
        "\u{1b}[32mINFO\u{1b}[0m:     1.2.3.4:5 - ðŸ” \"POST /api/v1/generations HTTP/1.1\" 201",
        "2025-08-02 07:07:57,123 - \"odd\"logger - INFO - \"POST /api/v1/generations HTTP/1.1\" 201",
    ])
    func accessLinesAreFoundAfterTheScreen(_ line: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: line)
        #expect(event.kind == .access)
        #expect(event.httpStatus == 201)
        #expect(parser.string(event.httpPath) == "/api/v1/generations")
    }

    @Test func longLinesGrowTheBuffer() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let long = "INFO:app:✅ " + String(repeating: "ðŸ”", count: 5000)
        let event = parser.parse(string: long)
        #expect(event.status == .ok)
        #expect(parser.string(event.message).hasSuffix("🔍🔍"))
    }
}

/// The one-pass UUID reader agrees with ``EntityKey/init(uuid:)`` and rejects near misses.
@Suite struct UUIDKeyTests {
    @Test(arguments: [
        "22cb3917-57f6-49c6-ac96-ec266570081b", "22CB3917-57F6-49C6-AC96-EC266570081B", "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "0123abcd-ABCD-9f8e-7d6c-5b4a39281706",
    ])
    func agreesWithEntityKey(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            #expect(ByteClass.uuidKey(raw.baseAddress!, at: 0, end: raw.count) == EntityKey(uuid: raw))
        }
    }

    /// Every byte value at every position of random UUIDs: the vector reader and the byte-by-byte
    /// ``EntityKey/init(uuid:)`` agree on which are UUIDs and on their keys.
    @Test func agreesWithEntityKeyOnEveryByteAtEveryPosition() {
        var random = SeededGenerator(seed: 5)
        let digits = Array("0123456789abcdefABCDEF".utf8)
        for _ in 0..<8 {
            var bytes = (0..<36).map { [8, 13, 18, 23].contains($0) ? UInt8(ascii: "-") : digits.randomElement(using: &random)! }
            for position in 0..<36 {
                let original = bytes[position]
                for value in 0...255 {
                    bytes[position] = UInt8(value)
                    bytes.withUnsafeBytes { raw in
                        #expect(ByteClass.uuidKey(raw.baseAddress!, at: 0, end: 36) == EntityKey(uuid: raw))
                    }
                }
                bytes[position] = original
            }
        }
    }

    @Test(arguments: [
        "22cb3917-57f6-49c6-ac96-ec266570081g", "22cb3917-57f6-49c6-ac96_ec266570081b", "2\u{11}cb3917-57f6-49c6-ac96-ec266570081b",
        "22cb3917-57f6-49c6-ac96-ec26657008:b", "22cb3917-57f6-49c6-ac96-ec26657008", "G2cb3917-57f6-49c6-ac96-ec266570081b",
        "22cb3917-57f6-49c6-ac96-ec266570081\u{e9}",
    ])
    func rejectsNearMisses(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            #expect(ByteClass.uuidKey(raw.baseAddress!, at: 0, end: raw.count) == nil)
        }
    }
}
