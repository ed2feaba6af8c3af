import Testing
@testable import FlowTrace

/// Truncated and corrupt gzip: the lines decoded before the failure come first, then the error
/// with its line count and compressed byte offset.
@Suite struct GzipFailureTests {
    private static let text = SampleLog.numbered(2000)
    private static let gzip = GzipEncoder.member(text)
    private static let expected = CollectedLine.expected(from: text)

    /// Offsets to cut the file at: in the header, in the deflate data, in the trailer.
    private static let cuts: [Int] = [2, 5, 10, 40, gzip.count / 2, gzip.count - 8, gzip.count - 1]

    @Test(arguments: cuts, [1, 7, nil] as [Int?])
    func truncatedStreamDeliversTheLinesBeforeTheCut(cut: Int, chunkSize: Int?) throws {
        let outcome = ReadOutcome.read(Array(Self.gzip[..<cut]), chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(error.message.contains("unexpected end of gzip data"))
        #expect(error.location == FlowTraceError.Location(
            file: "test.log", line: outcome.lines.count, byteOffset: Int64(cut)))
        #expect(outcome.isCompressed)
        try expectPrefix(outcome.lines)
        if cut >= Self.gzip.count - 8 {
            #expect(outcome.lines == Self.expected)
        } else if cut == Self.gzip.count / 2 {
            #expect(outcome.lines.count > 100)
        } else if cut <= 10 {
            #expect(outcome.lines.isEmpty)
        }
    }

    @Test(arguments: [1, 7, nil] as [Int?])
    func truncatedSecondMember(chunkSize: Int?) throws {
        let second = GzipEncoder.member("x\ny\n")
        let input = GzipEncoder.member("a\nb\n") + second.prefix(second.count - 3)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(outcome.lines.map(\.text) == ["a", "b", "x", "y"])
        #expect(error.location?.line == 4)
        #expect(error.location?.byteOffset == Int64(input.count))
    }

    @Test(arguments: [1, 7, nil] as [Int?])
    func corruptDeflateDataIsReportedWithZlibsMessage(chunkSize: Int?) throws {
        var input = Self.gzip
        let start = input.count / 3
        for index in start..<(start + 8) { input[index] ^= 0xA5 }
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(error.message.hasPrefix("corrupt gzip data: "))
        #expect(error.message.count > "corrupt gzip data: ".count)
        #expect(!error.message.contains("unexpected end"))
        let offset = try #require(error.location?.byteOffset)
        #expect(offset >= Int64(start) && offset <= Int64(input.count))
        #expect(error.location?.line == outcome.lines.count)
        // Deflate data decodes to garbage for a while before zlib notices: only the lines well
        // before the damage are intact.
        #expect(outcome.lines.count > 100)
        #expect(outcome.lines.prefix(100).elementsEqual(Self.expected.prefix(100)))
        #expect(outcome.lines.map(\.number) == Array(1...outcome.lines.count))
    }

    @Test(arguments: [1, 7, nil] as [Int?])
    func badChecksumIsCorrupt(chunkSize: Int?) throws {
        var input = GzipEncoder.member("a\nb\n")
        input[input.count - 6] ^= 0xFF
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(error.message == "corrupt gzip data: incorrect data check")
        #expect(outcome.lines.map(\.text) == ["a", "b"])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func trailingGarbageIsAnErrorAfterEveryLine(chunkSize: Int?) throws {
        let member = GzipEncoder.member("a\nb\nc")
        let outcome = ReadOutcome.read(member + Array("garbage".utf8), chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(error.message.contains("trailing garbage"))
        #expect(error.location == FlowTraceError.Location(file: "test.log", line: 3, byteOffset: Int64(member.count)))
        #expect(outcome.lines.map(\.text) == ["a", "b", "c"])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func garbageAfterZeroPaddingIsAnError(chunkSize: Int?) throws {
        let member = GzipEncoder.member("a\n")
        let outcome = ReadOutcome.read(member + [0, 0, 0, 0x1F, 0x8B], chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.message.contains("trailing garbage"))
        #expect(error.location?.byteOffset == Int64(member.count + 3))
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func secondMemberWithBadHeaderIsCorrupt(chunkSize: Int?) throws {
        let member = GzipEncoder.member("a\n")
        let outcome = ReadOutcome.read(member + [0x1F, 0x00, 1, 2, 3, 4, 5, 6, 7, 8], chunkSize: chunkSize)
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(error.message == "corrupt gzip data: incorrect header check")
        #expect(outcome.lines.map(\.text) == ["a"])
    }

    /// Every delivered line matches the intact input's line, except that the last may be cut short.
    private func expectPrefix(_ lines: [CollectedLine]) throws {
        try #require(lines.count <= Self.expected.count)
        for (index, line) in lines.enumerated() {
            let whole = Self.expected[index]
            if index == lines.count - 1 {
                #expect(whole.bytes.starts(with: line.bytes))
                #expect(line.number == whole.number && line.byteOffset == whole.byteOffset)
            } else {
                #expect(line == whole)
            }
        }
    }
}
