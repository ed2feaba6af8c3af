import Foundation

/// Runs the built `flowtrace` binary, as a user would, and captures what it prints.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The stdout lines decoded as JSON objects (for `--format jsonl`).
        var records: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }
        }

        func records(ofType type: String) -> [[String: Any]] {
            records.filter { $0["type"] as? String == type }
        }
    }

    /// The package root (where `Samples/` and `Rules/` are).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ path: String) -> String {
        packageRoot.appendingPathComponent("Samples").appendingPathComponent(path).path
    }

    /// The `flowtrace` executable built beside the test bundle.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("flowtrace")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/flowtrace")
    }()

    /// Runs `flowtrace arguments…` with `stdin` as standard input, reading both outputs while it
    /// runs (so a large output cannot deadlock the pipe).
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        try launch(executable, arguments, stdin: stdin, environment: environment)
    }

    /// Runs `script` with `/bin/sh -c`, `$0` being the `flowtrace` executable and `$1`… `arguments`:
    /// to pass arguments that are not UTF-8 (`"$(printf 'log-\\377')"`), which `Process` cannot.
    static func run(shell script: String, _ arguments: [String] = []) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script, executable.path] + arguments, stdin: nil, environment: [:])
    }

    private static func launch(_ program: URL, _ arguments: [String], stdin: Data?, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data()
        nonisolated(unsafe) var stderrData = Data()
        DispatchQueue.global().async(group: group) { stdoutData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { stderrData = errors.fileHandleForReading.readDataToEndOfFile() }
        if let stdin {
            DispatchQueue.global().async(group: group) {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
