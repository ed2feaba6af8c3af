import Testing
@testable import FlowTrace

/// The gzip framing read around zlib's raw inflate: optional header fields, header and trailer
/// checks, each split across reads by the small chunk sizes.
@Suite struct GzipFramingTests {
    private static let text = SampleLog.mixed(lines: 50) + [0x0A]
    private static let expected = CollectedLine.expected(from: text)

    /// Headers with each optional field, all of them, and long ones that span many reads.
    private static let headers: [(extra: [UInt8]?, name: String?, comment: String?, headerCRC: Bool)] = [
        (nil, "app.log", nil, false),
        (nil, nil, "rotated at midnight", false),
        ([0x42, 0x43, 2, 0, 0xFF, 0x00], nil, nil, false),
        ([], nil, nil, false),
        (nil, nil, nil, true),
        ([1, 2, 3], "app.log", "a comment", true),
        (Array(repeating: 0x1F, count: 300), String(repeating: "n", count: 200), "", true),
    ]

    @Test(arguments: ReadOutcome.chunkSizes)
    func optionalHeaderFieldsAreSkipped(chunkSize: Int?) {
        for header in Self.headers {
            let member = GzipEncoder.member(
                Self.text, extra: header.extra, name: header.name, comment: header.comment, headerCRC: header.headerCRC)
            let outcome = ReadOutcome.read(member + member, chunkSize: chunkSize)
            #expect(outcome.error == nil, "\(header)")
            #expect(outcome.lines == CollectedLine.expected(from: Self.text + Self.text), "\(header)")
        }
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func truncatedInsideOptionalFieldsIsReportedAtTheEnd(chunkSize: Int?) throws {
        let member = GzipEncoder.member(Self.text, extra: [1, 2, 3], name: "a.log", comment: "c", headerCRC: true)
        for cut in 2..<26 {
            let outcome = ReadOutcome.read(Array(member[..<cut]), chunkSize: chunkSize)
            let error = try #require(outcome.error)
            #expect(error.message.contains("unexpected end of gzip data"), "cut \(cut)")
            #expect(error.location?.byteOffset == Int64(cut))
            #expect(outcome.lines.isEmpty)
        }
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func wrongHeaderCRCIsCorrupt(chunkSize: Int?) throws {
        var member = GzipEncoder.member(Self.text, name: "a.log", headerCRC: true)
        let field = 10 + "a.log".utf8.count + 1
        member[field + 1] ^= 0x01
        let error = try #require(ReadOutcome.read(member, chunkSize: chunkSize).error)
        #expect(error.message == "corrupt gzip data: header crc mismatch")
        #expect(error.location?.byteOffset == Int64(field))
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func reservedFlagsAndOtherMethodsAreCorrupt(chunkSize: Int?) throws {
        let first = GzipEncoder.member("a\n")
        for (index, value, reason) in [(3, 0x20, "unknown header flags set"), (2, 7, "unknown compression method")] {
            var second = GzipEncoder.member("b\n")
            second[index] = UInt8(value)
            let outcome = ReadOutcome.read(first + second, chunkSize: chunkSize)
            let error = try #require(outcome.error)
            #expect(error.message == "corrupt gzip data: \(reason)")
            #expect(error.location?.byteOffset == Int64(first.count + index))
            #expect(outcome.lines.map(\.text) == ["a"])
        }
    }

    /// A flipped bit in the trailer's CRC-32 or ISIZE: every line comes first, then the error at
    /// the field's offset.
    @Test(arguments: ReadOutcome.chunkSizes)
    func wrongTrailerFieldIsCorrupt(chunkSize: Int?) throws {
        let intact = GzipEncoder.member(Self.text)
        let next = GzipEncoder.member("after\n")
        for (field, reason) in [(8, "incorrect data check"), (4, "incorrect length check")] {
            for byte in 0..<4 {
                var member = intact
                member[member.count - field + byte] ^= 0x10
                let outcome = ReadOutcome.read(member + next, chunkSize: chunkSize)
                let error = try #require(outcome.error)
                #expect(error.message == "corrupt gzip data: \(reason)")
                #expect(error.location?.byteOffset == Int64(member.count - field))
                #expect(error.location?.line == Self.expected.count)
                #expect(outcome.lines == Self.expected)
            }
        }
    }

}
