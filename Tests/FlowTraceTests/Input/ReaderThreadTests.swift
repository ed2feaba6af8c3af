import Foundation
import Testing
@testable import FlowTrace

/// The background reader: failures after some lines, closing the source, and idle callbacks.
@Suite struct ReaderThreadTests {
    @Test(arguments: ReadOutcome.chunkSizes)
    func readFailureComesAfterTheLinesBeforeIt(chunkSize: Int?) throws {
        let failure = InputFailure(code: .unreadableInput, message: "read failed: Input/output error", byteOffset: 9)
        let source = GeneratedByteSource(prefix: Array("one\ntwo\nt".utf8), failure: failure)
        let configuration = chunkSize.map(ReaderConfiguration.chunked) ?? .standard
        let reader = LineReader(source: source, name: "disk.log", maxLineBytes: 100, configuration: configuration)
        let outcome = ReadOutcome.read(reader)
        #expect(outcome.lines.map(\.text) == ["one", "two", "t"])
        let error = try #require(outcome.error)
        #expect(error.code == .unreadableInput)
        #expect(error.message == "read failed: Input/output error")
        #expect(error.location == FlowTraceError.Location(file: "disk.log", line: 3, byteOffset: 9))
    }

    /// The source is closed by the time `forEachLine` returns.
    @Test func sourceIsClosedWhenReadingEnds() throws {
        let source = GeneratedByteSource(prefix: Array("a\n".utf8))
        _ = ReadOutcome.read(LineReader(source: source, name: "a", maxLineBytes: 10, configuration: .standard))
        #expect(source.isClosed)
    }

    /// When `body` throws, the reader thread stops at its next buffer and closes the source.
    @Test func sourceIsClosedWhenTheConsumerStops() throws {
        struct Stop: Error {}
        let source = GeneratedByteSource(prefix: [], fill: 0x0A, fillCount: 100_000_000)
        let reader = LineReader(source: source, name: "a", maxLineBytes: 10, configuration: .chunked(4096))
        #expect(throws: Stop.self) { try reader.forEachLine { _ in throw Stop() } }
        var closed = false
        for _ in 0..<400 where !closed {
            closed = source.isClosed
            if !closed { usleep(5000) }
        }
        #expect(closed)
    }

    /// `tail -f | flowtrace`: the first line arrives at once, `onIdle` fires while the pipe
    /// stalls, then the next line arrives.
    @Test func idleCallbackFiresWhileAPipeStalls() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = Thread {
            func write(_ text: String) {
                _ = text.utf8CString.withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress, $0.count - 1) }
            }
            write("first\n")
            usleep(600_000)
            write("second\npartial")
            usleep(300_000)
            close(writeEnd)
        }
        writer.start()

        let reader = LineReader(fileDescriptor: readEnd, name: "pipe", ownsDescriptor: true)
        var events: [String] = []
        try reader.forEachLine(idleInterval: .milliseconds(50), onIdle: { events.append("idle") }) { line in
            events.append(String(decoding: line.bytes, as: UTF8.self))
        }
        let first = try #require(events.firstIndex(of: "first"))
        let second = try #require(events.firstIndex(of: "second"))
        let partial = try #require(events.firstIndex(of: "partial"))
        let idlesBetween = events[first..<second].filter { $0 == "idle" }.count
        #expect(idlesBetween >= 3, "onIdle must fire repeatedly while the pipe stalls: \(events)")
        #expect(events[second..<partial].contains("idle"), "\(events)")
        #expect(first < second && second < partial)
        #expect(events.filter { $0 != "idle" } == ["first", "second", "partial"])
    }

    /// The same for gzip: what is decoded is delivered before the decoder waits for more input.
    @Test func gzipOnAStallingPipeDeliversEachFlushedPiece() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let pieces = GzipEncoder.flushedPieces(["first\n", "second\n"])
        let writer = Thread {
            for piece in pieces {
                _ = piece.withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress, $0.count) }
                usleep(500_000)
            }
            close(writeEnd)
        }
        writer.start()

        let reader = LineReader(fileDescriptor: readEnd, name: "pipe.gz", ownsDescriptor: true)
        var events: [String] = []
        try reader.forEachLine(idleInterval: .milliseconds(50), onIdle: { events.append("idle") }) { line in
            events.append(String(decoding: line.bytes, as: UTF8.self))
        }
        #expect(reader.isCompressed)
        let first = try #require(events.firstIndex(of: "first"))
        let second = try #require(events.firstIndex(of: "second"))
        #expect(events[first..<second].filter { $0 == "idle" }.count >= 3, "\(events)")
        #expect(events.filter { $0 != "idle" } == ["first", "second"])
    }

    @Test func noIdleCallbackWithoutInterval() throws {
        let reader = LineReader(bytes: Array("a\nb\n".utf8), name: "m")
        var idles = 0
        var lines = 0
        try reader.forEachLine(onIdle: { idles += 1 }) { _ in lines += 1 }
        #expect(lines == 2)
        #expect(idles == 0)
    }
}
