import Testing
@testable import FlowTrace

/// Lines longer than the cap: delivered truncated, with their real length, never buffered whole.
@Suite struct LongLineTests {
    @Test(arguments: [7, 64 * 1024 + 3, nil] as [Int?])
    func threeMebibyteLineIsTruncatedToTheCap(chunkSize: Int?) {
        let cap = 1 << 20
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let input = Array("before\n".utf8) + long + Array("\nafter\n".utf8)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize, maxLineBytes: cap)
        #expect(outcome.error == nil)
        #expect(outcome.lines.count == 3)
        guard outcome.lines.count == 3 else { return }
        #expect(outcome.lines[0].text == "before")
        #expect(outcome.lines[1].bytes.count == cap)
        #expect(outcome.lines[1].fullLength == 3 << 20)
        #expect(outcome.lines[1].bytes.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(outcome.lines[1].byteOffset == 7)
        #expect(outcome.lines[2] == CollectedLine(
            bytes: Array("after".utf8), number: 3, byteOffset: Int64(8 + (3 << 20)), fullLength: 5))
        #expect(outcome.carryCapacity <= cap)
    }

    /// A 50 MB line from a generated source: the carry buffer stops at the cap.
    @Test func fiftyMegabyteLineIsNeverBufferedWhole() {
        let cap = 1 << 20
        let length = 50_000_000
        let source = GeneratedByteSource(prefix: Array("head\n".utf8), fill: UInt8(ascii: "y"), fillCount: length,
                                         suffix: Array("\r\ntail".utf8))
        let reader = LineReader(source: source, name: "big", maxLineBytes: cap, configuration: .standard)
        let outcome = ReadOutcome.read(reader)
        #expect(outcome.error == nil)
        #expect(outcome.lines.map(\.fullLength) == [4, length, 4])
        #expect(outcome.lines.map(\.bytes.count) == [4, cap, 4])
        #expect(outcome.lines.last?.text == "tail")
        #expect(outcome.carryCapacity > 0)
        #expect(outcome.carryCapacity <= cap)
    }

    /// Small caps, so truncation happens both inside a buffer and across buffers.
    @Test(arguments: ReadOutcome.chunkSizes)
    func smallCapTruncatesEveryWay(chunkSize: Int?) {
        let input = Array("abcdefghij\nabc\nabcd\r\nabcdefg\r\n\r\nabcdef".utf8)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize, maxLineBytes: 4)
        #expect(outcome.error == nil)
        #expect(outcome.lines.map(\.text) == ["abcd", "abc", "abcd", "abcd", "", "abcd"])
        #expect(outcome.lines.map(\.fullLength) == [10, 3, 4, 7, 0, 6])
        #expect(outcome.lines.map(\.isTruncatedLine) == [true, false, false, true, false, true])
        #expect(outcome.lines == CollectedLine.expected(from: input, maxLineBytes: 4))
        #expect(outcome.carryCapacity <= 4)
    }

    /// A cap that falls inside a UTF-8 character cuts before it: truncating a valid line must not
    /// make it invalid (it would be counted as invalid UTF-8). Inside a buffer and across buffers.
    @Test(arguments: ReadOutcome.chunkSizes)
    func truncationNeverSplitsACharacter(chunkSize: Int?) {
        // 🔍 is four bytes, é two, ✅ three; a cap of 6 falls inside each of them.
        let input = Array("ab🔍cdef\nabcdeé\nabcd✅\nabcdefgh\nabcde🔍\n".utf8)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize, maxLineBytes: 6)
        #expect(outcome.lines.map(\.text) == ["ab🔍", "abcde", "abcd", "abcdef", "abcde"])
        #expect(outcome.lines.allSatisfy { String(validating: $0.bytes, as: UTF8.self) != nil })
        #expect(outcome.lines == CollectedLine.expected(from: input, maxLineBytes: 6))
    }

    /// A `\r` that falls just past the cap is still recognised as part of the CRLF ending.
    @Test(arguments: ReadOutcome.chunkSizes)
    func carriageReturnPastTheCapIsDropped(chunkSize: Int?) {
        let outcome = ReadOutcome.read(Array("abcd\r\nabcde\r\n".utf8), chunkSize: chunkSize, maxLineBytes: 4)
        #expect(outcome.lines.map(\.text) == ["abcd", "abcd"])
        #expect(outcome.lines.map(\.fullLength) == [4, 5])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func capOfOneByte(chunkSize: Int?) {
        let input = SampleLog.mixed(lines: 50)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize, maxLineBytes: 1)
        #expect(outcome.lines == CollectedLine.expected(from: input, maxLineBytes: 1))
    }
}

private extension CollectedLine {
    var isTruncatedLine: Bool { fullLength > bytes.count }
}
