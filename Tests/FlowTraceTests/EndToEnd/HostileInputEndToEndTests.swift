import Foundation
import Testing

/// Bad and hostile input through the built binary: nothing crashes, nothing is lost silently,
/// nothing unsafe reaches the terminal or a report.
@Suite struct HostileInputEndToEndTests {
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("flowtrace-\(UUID().uuidString).log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func line(_ text: String) -> [UInt8] { Array("2025-08-02 07:07:57,123 - svc - INFO - \(text)\n".utf8) }

    @Test func longLinesInvalidUTF8AndNULAreCountedNotFatal() throws {
        var bytes = line("🔍 [GENERATION] Starting credit check for user \(user)")
        bytes += Array("2025-08-02 07:07:57,200 - svc - ERROR - ❌ [USER_REPO] huge ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20) + [0x0A]
        bytes += Array("2025-08-02 07:07:57,300 - svc - INFO - bad \u{FF} bytes ".utf8) + [0xFF, 0xFE, 0x00, 0x41, 0x0A]
        bytes += line("✅ [USER_REPO] User found in database for ID \(user)")
        let path = try temporaryFile(bytes)
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", path])
        #expect(result.status == 0)
        let summary = try #require(result.records(ofType: "summary").last)
        #expect(summary["lines_read"] as? Int == 4)
        #expect(summary["lines_truncated"] as? Int == 1)
        #expect(summary["lines_invalid_utf8"] as? Int == 1)
        #expect(summary["lines_with_nul"] as? Int == 1)
        let traces = result.records(ofType: "trace")
        #expect(traces.flatMap { $0["lines"] as? [Int] ?? [] }.sorted() == [1, 2, 3, 4])
    }

    @Test func terminalControlSequencesNeverReachTheTerminal() throws {
        let evil = "❌ [USER_REPO] Query failed for user \(user) \u{1b}]0;owned\u{07}\u{1b}[2J\u{1b}[31mred\u{9b}1A\u{08}"
        let path = try temporaryFile(line(evil))
        let result = try BinaryRunner.run(["scan", "--color", "never", path])
        #expect(result.stdout.contains("Query failed for user \(user)"))
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
        #expect(result.stdout.contains("red"))
        #expect(!result.stdout.contains("owned"))
    }

    @Test func secretsAreRedactedInEveryFormat() throws {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXNlY3JldA"
        let path = try temporaryFile(
            line("❌ [DATABASE] 401 for user \(user) with apikey=\(jwt) and Authorization: Bearer sk_live_abcdefghijklmnop")
        )
        for format in ["text", "jsonl"] {
            let result = try BinaryRunner.run(["scan", "--format", format, "--traces", "--all", "--color", "never", path])
            #expect(!result.stdout.contains(jwt))
            #expect(!result.stdout.contains("sk_live_abcdefghijklmnop"))
        }
        let parsed = try BinaryRunner.run(["parse", path])
        #expect(!parsed.stdout.contains(jwt))
        #expect(parsed.stdout.contains("[REDACTED"))
    }

    /// As scan: a file that cannot be opened is reported, and the others are still read.
    @Test func parseReadsTheOtherFilesAfterOneThatCannotBeOpened() throws {
        let path = try temporaryFile(line("🔍 [GENERATION] Starting credit check for user \(user)"))
        let result = try BinaryRunner.run(["parse", "/nonexistent/app.log", path, FileManager.default.temporaryDirectory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/app.log"))
        #expect(result.stderr.contains(FileManager.default.temporaryDirectory.path))
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("Starting credit check"))
    }

    @Test func jsonOutputStaysValidWhateverTheLogContains() throws {
        let path = try temporaryFile(line("❌ [AUTH] \"quoted\" \\ back\tslash \u{01}\u{1f} for user \(user)") + [0xC3, 0x28, 0x0A])
        let result = try BinaryRunner.run(["parse", path])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }

    /// Starts `flowtrace scan -` on a pipe, as `tail -f app.log | flowtrace scan` runs, with JSON
    /// lines of traces on `output`.
    private func startLiveScan(idleWindow: String) throws -> (process: Process, input: Pipe, output: Pipe) {
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["scan", "--format", "jsonl", "--traces", "--idle-window", idleWindow, "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, input, output)
    }

    /// `tail -f app.log | flowtrace scan`: a trace is reported while the input is still open.
    @Test func liveStreamReportsTracesBeforeTheInputEnds() throws {
        let (process, input, output) = try startLiveScan(idleWindow: "1s")
        defer { if process.isRunning { process.terminate() } }
        try input.fileHandleForWriting.write(contentsOf: Data(line("🔍 [GENERATION] Starting credit check for user \(user)")))
        let received = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var firstRecord = ""
        DispatchQueue.global().async {
            firstRecord = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            received.signal()
        }
        let arrived = received.wait(timeout: .now() + 15) == .success
        #expect(arrived)
        #expect(firstRecord.contains("\"type\":\"trace\""))
        #expect(process.isRunning)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A live request that keeps logging stays one trace across a stall shorter than the idle
    /// window, however long it has been open: each line's activity is stamped when it arrives.
    @Test func aLiveTraceThatKeepsLoggingIsNotClosedAsIdle() throws {
        let (process, input, output) = try startLiveScan(idleWindow: "3s")
        defer { if process.isRunning { process.terminate() } }
        let write = { (text: String) in try input.fileHandleForWriting.write(contentsOf: Data(self.line(text))) }
        try write("🔍 [GENERATION] Starting credit check for user \(user)")
        // 4.5 s of steady lines, longer than the window; then a 2 s stall (the scan checks for
        // idle traces after 1 s of it), shorter than the window; then the request's last line.
        for _ in 0..<15 {
            Thread.sleep(forTimeInterval: 0.3)
            try write("💳 [USER_SERVICE] Getting credits for user \(user)")
        }
        Thread.sleep(forTimeInterval: 2)
        try write("✅ [GENERATION] Credit check passed for user \(user)")
        try input.fileHandleForWriting.close()
        let records = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        process.waitUntilExit()
        let traces = records.filter { $0["type"] as? String == "trace" }
        #expect(traces.count == 1)
        #expect((traces.first?["lines"] as? [Int])?.count == 17)
        #expect(traces.first?["closed_by"] as? String != "idle")
    }

    @Test func aClosedOutputPipeEndsTheScanQuietly() throws {
        var bytes: [UInt8] = []
        for index in 0..<20_000 {
            let id = String(format: "%08x-0000-4000-8000-%012x", index, index)
            bytes += line("❌ [USER_REPO] Query result for user \(id): False")
        }
        let path = try temporaryFile(bytes)
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["scan", "--color", "never", path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        _ = output.fileHandleForReading.readData(ofLength: 100)
        try output.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(errors.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }
}
