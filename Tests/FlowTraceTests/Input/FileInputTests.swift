import Foundation
import Testing
@testable import FlowTrace

/// Files on disk: detection by content, not name, and the errors of unreadable files.
@Suite struct FileInputTests {
    @Test func plainFileNamedLikeGzip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = SampleLog.mixed(lines: 5000)
        let path = try directory.write(text, to: "y.gz")
        let reader = try LineReader(path: path)
        #expect(reader.name == path)
        let outcome = ReadOutcome.read(reader)
        #expect(outcome.error == nil)
        #expect(!outcome.isCompressed)
        #expect(outcome.lines == CollectedLine.expected(from: text))
    }

    @Test func gzipFileNamedLikeText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = SampleLog.mixed(lines: 50_000)
        let path = try directory.write(GzipEncoder.member(text) + GzipEncoder.member("after\n"), to: "x.log")
        let outcome = ReadOutcome.read(try LineReader(path: path))
        #expect(outcome.error == nil)
        #expect(outcome.isCompressed)
        #expect(outcome.lines == CollectedLine.expected(from: text + Array("after\n".utf8)))
    }

    @Test func truncatedGzipFileNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gzip = GzipEncoder.member(SampleLog.numbered(100))
        let path = try directory.write(Array(gzip.dropLast(12)), to: "cut.gz")
        let outcome = ReadOutcome.read(try LineReader(path: path))
        let error = try #require(outcome.error)
        #expect(error.code == .corruptCompressedInput)
        #expect(error.location?.file == path)
        #expect(error.location?.byteOffset == Int64(gzip.count - 12))
        #expect(error.description.hasPrefix("\(path):\(outcome.lines.count) (byte offset \(gzip.count - 12)): "))
    }

    @Test func missingFileIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("missing.log")
        let error = try #require(throws: FlowTraceError.self) { try LineReader(path: path) }
        #expect(error.code == .unreadableInput)
        #expect(error.location?.file == path)
        #expect(error.message.contains("No such file or directory"))
        #expect(error.description.contains(path))
    }

    @Test func directoryIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try #require(throws: FlowTraceError.self) { try LineReader(path: directory.url.path) }
        #expect(error.code == .unreadableInput)
        #expect(error.location?.file == directory.url.path)
        #expect(error.message.contains("directory"))
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func fileWithoutReadPermissionIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array("secret\n".utf8), to: "secret.log")
        chmod(path, 0o200)
        let error = try #require(throws: FlowTraceError.self) { try LineReader(path: path) }
        #expect(error.code == .unreadableInput)
        #expect(error.message.contains("Permission denied"))
    }

    /// A read error on an open descriptor (a directory opened by the caller fails at `read(2)`).
    @Test func readErrorIsReportedWithItsOffset() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fd = open(directory.url.path, O_RDONLY)
        try #require(fd >= 0)
        let reader = LineReader(fileDescriptor: fd, name: "dir", ownsDescriptor: true)
        let outcome = ReadOutcome.read(reader)
        let error = try #require(outcome.error)
        #expect(error.code == .unreadableInput)
        #expect(error.message.contains("Is a directory"))
        #expect(error.location == FlowTraceError.Location(file: "dir", line: 0, byteOffset: 0))
    }

    @Test func stdinIsNamedForDisplay() throws {
        let reader = try LineReader(path: "-")
        #expect(reader.name == "<stdin>")
    }

    /// A descriptor the reader does not own stays open.
    @Test func borrowedDescriptorStaysOpen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array("a\nb\n".utf8), to: "a.log")
        let borrowed = open(path, O_RDONLY)
        try #require(borrowed >= 0)
        defer { close(borrowed) }
        #expect(ReadOutcome.read(LineReader(fileDescriptor: borrowed, name: "a", ownsDescriptor: false)).lines.count == 2)
        #expect(fcntl(borrowed, F_GETFD) != -1)
    }
}
