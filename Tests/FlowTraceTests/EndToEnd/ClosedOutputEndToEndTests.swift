import Foundation
import Testing

/// Audit: when the reader of standard output went away (`flowtrace scan … | head -1`), the scan
/// exited 0 whatever it had found. It now stops with the code for what it found and read so far.
@Suite struct ClosedOutputEndToEndTests {
    /// A log large enough that its report cannot fit in a pipe's buffer: 400 failing requests.
    private func largeFailingLog(in directory: TemporaryDirectory) throws -> String {
        let sample = try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.sample("failures/rls-insert-denied.log")))
        let path = directory.path("many.log")
        try Data(repeating: 0, count: 0).write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for _ in 0..<400 { try handle.write(contentsOf: sample) }
        try handle.close()
        return path
    }

    /// Runs the binary, reads its first line of standard output, then closes the pipe as `head -1`
    /// does and waits for the exit status (killing the process after a minute).
    private func statusAfterFirstLine(_ arguments: [String]) throws -> (status: Int32, line: String) {
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let drained = DispatchGroup()
        DispatchQueue.global().async(group: drained) { _ = errors.fileHandleForReading.readDataToEndOfFile() }
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        try output.fileHandleForReading.close()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        drained.wait()
        return (process.terminationStatus, String(decoding: received.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
    }

    @Test func findingsBeforeTheReaderLeftExitWithOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try largeFailingLog(in: directory)
        let result = try statusAfterFirstLine(["scan", "--format", "github", log])
        #expect(result.line.hasPrefix("::error file="))
        #expect(result.status == 1)
    }

    @Test func anInputErrorBeforeTheReaderLeftExitsWithTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try largeFailingLog(in: directory)
        let result = try statusAfterFirstLine(["scan", "--format", "github", BinaryRunner.sample("gzip/truncated.log.gz"), log])
        #expect(result.status == 2)
    }
}
