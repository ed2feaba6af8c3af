import Testing
@testable import FlowTrace

/// Plain input cut into lines, with every chunk size.
@Suite struct LineSplittingTests {
    private func lines(_ text: String, chunkSize: Int?) -> [CollectedLine] {
        let outcome = ReadOutcome.read(Array(text.utf8), chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(!outcome.isCompressed)
        return outcome.lines
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func plainLines(chunkSize: Int?) {
        #expect(lines("alpha\nbeta\ngamma\n", chunkSize: chunkSize) == [
            CollectedLine(bytes: Array("alpha".utf8), number: 1, byteOffset: 0, fullLength: 5),
            CollectedLine(bytes: Array("beta".utf8), number: 2, byteOffset: 6, fullLength: 4),
            CollectedLine(bytes: Array("gamma".utf8), number: 3, byteOffset: 11, fullLength: 5),
        ])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func crlfEndingsDropTheCarriageReturn(chunkSize: Int?) {
        let result = lines("one\r\ntwo\r\n\r\nthree\r\n", chunkSize: chunkSize)
        #expect(result.map(\.text) == ["one", "two", "", "three"])
        #expect(result.map(\.fullLength) == [3, 3, 0, 5])
        #expect(result.map(\.byteOffset) == [0, 5, 10, 12])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func onlyTheCarriageReturnBeforeTheNewlineIsDropped(chunkSize: Int?) {
        #expect(lines("a\rb\r\r\n\rc\n", chunkSize: chunkSize).map(\.text) == ["a\rb\r", "\rc"])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func finalLineWithoutNewlineIsALine(chunkSize: Int?) {
        let result = lines("first\nlast", chunkSize: chunkSize)
        #expect(result.map(\.text) == ["first", "last"])
        #expect(result.last?.number == 2)
        #expect(result.last?.byteOffset == 6)
        #expect(lines("x", chunkSize: chunkSize).map(\.text) == ["x"])
        #expect(lines("crlf\r", chunkSize: chunkSize).map(\.text) == ["crlf"])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func emptyInputHasNoLines(chunkSize: Int?) {
        let outcome = ReadOutcome.read([], chunkSize: chunkSize)
        #expect(outcome.lines.isEmpty)
        #expect(outcome.error == nil)
        #expect(!outcome.isCompressed)
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func blankLinesAreCounted(chunkSize: Int?) {
        let result = lines("\n\na\n\n", chunkSize: chunkSize)
        #expect(result.map(\.text) == ["", "", "a", ""])
        #expect(result.map(\.number) == [1, 2, 3, 4])
        #expect(result.map(\.byteOffset) == [0, 1, 2, 4])
        #expect(lines("\n", chunkSize: chunkSize).map(\.text) == [""])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func invalidUTF8AndNULPassThroughByteExact(chunkSize: Int?) {
        let input: [UInt8] = [0xFF, 0xFE, 0x00, 0x41, 0x0A, 0xC3, 0x28, 0x00, 0x00, 0x0D, 0x0A, 0x80, 0x0A, 0x00]
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.lines.map(\.bytes) == [[0xFF, 0xFE, 0x00, 0x41], [0xC3, 0x28, 0x00, 0x00], [0x80], [0x00]])
        #expect(outcome.lines == CollectedLine.expected(from: input))
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func gzipMagicWithoutMoreIsPlainText(chunkSize: Int?) {
        let outcome = ReadOutcome.read([0x1F], chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(!outcome.isCompressed)
        #expect(outcome.lines.map(\.bytes) == [[0x1F]])
    }

    /// A mixed input of many line lengths gives the same lines with every chunk size.
    @Test(arguments: ReadOutcome.chunkSizes)
    func everyChunkSizeGivesTheSameLines(chunkSize: Int?) {
        let input = SampleLog.mixed(lines: 400)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.lines.count == 400)
        #expect(outcome.lines == CollectedLine.expected(from: input))
    }

    /// Only lines that straddle two buffers are copied; the rest are handed out in place.
    @Test(arguments: [64, 4096, nil] as [Int?])
    func onlyStraddlingLinesAreCopied(chunkSize: Int?) {
        let input = SampleLog.mixed(lines: 40_000)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        let buffers = input.count / (chunkSize ?? ReaderConfiguration.standard.bufferSize) + 1
        #expect(outcome.lines.count == 40_000)
        #expect(outcome.carriedLineCount <= buffers)
        #expect(outcome.carriedLineCount > 0)
    }

    @Test func bodyErrorStopsReadingAndIsRethrown() {
        struct Stop: Error {}
        let reader = LineReader(bytes: SampleLog.mixed(lines: 10_000), name: "t", chunkSize: 64)
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachLine { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }
}
