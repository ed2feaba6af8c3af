import Testing
@testable import FlowTrace

/// Gzip input, detected by its magic bytes, with every chunk size.
@Suite struct GzipReadingTests {
    @Test(arguments: ReadOutcome.chunkSizes)
    func singleMember(chunkSize: Int?) {
        let text = SampleLog.mixed(lines: 300)
        let outcome = ReadOutcome.read(GzipEncoder.member(text), chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.isCompressed)
        #expect(outcome.lines.count == 300)
        #expect(outcome.lines == CollectedLine.expected(from: text))
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func membersContinueTheNumberingAndJoinASplitLine(chunkSize: Int?) {
        let input = GzipEncoder.member("one\ntwo\nspl") + GzipEncoder.member("it\r\nthree\n")
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.isCompressed)
        #expect(outcome.lines == [
            CollectedLine(bytes: Array("one".utf8), number: 1, byteOffset: 0, fullLength: 3),
            CollectedLine(bytes: Array("two".utf8), number: 2, byteOffset: 4, fullLength: 3),
            CollectedLine(bytes: Array("split".utf8), number: 3, byteOffset: 8, fullLength: 5),
            CollectedLine(bytes: Array("three".utf8), number: 4, byteOffset: 15, fullLength: 5),
        ])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func manyMembersIncludingEmptyOnes(chunkSize: Int?) {
        let parts = (0..<20).map { index in index % 4 == 0 ? [] : SampleLog.numbered(index, prefix: "m\(index)") }
        let input = parts.flatMap { GzipEncoder.member($0, level: Int32($0.count % 10)) }
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.lines == CollectedLine.expected(from: parts.flatMap { $0 }))
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func trailingZeroPaddingIsAccepted(chunkSize: Int?) {
        let input = GzipEncoder.member("a\nb\n") + [UInt8](repeating: 0, count: 1000)
        let outcome = ReadOutcome.read(input, chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.lines.map(\.text) == ["a", "b"])
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func emptyMemberHasNoLines(chunkSize: Int?) {
        let outcome = ReadOutcome.read(GzipEncoder.member([]), chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.isCompressed)
        #expect(outcome.lines.isEmpty)
    }

    @Test(arguments: ReadOutcome.chunkSizes)
    func binaryContentPassesThrough(chunkSize: Int?) {
        let text: [UInt8] = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }
        let outcome = ReadOutcome.read(GzipEncoder.member(text, level: 1), chunkSize: chunkSize)
        #expect(outcome.error == nil)
        #expect(outcome.lines == CollectedLine.expected(from: text))
    }

    /// A large member whose decompressed size spans several default buffers.
    @Test func largeMemberAcrossDefaultBuffers() {
        let text = SampleLog.mixed(lines: 60_000)
        #expect(text.count > 4 << 20)
        let outcome = ReadOutcome.read(GzipEncoder.member(text), chunkSize: nil)
        #expect(outcome.error == nil)
        #expect(outcome.lines == CollectedLine.expected(from: text))
    }
}
