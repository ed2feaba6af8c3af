import ArgumentParser
import FlowTrace
#if canImport(Glibc)
import Glibc
#endif

/// The documented exit codes, and the one place that maps errors to them.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputOrUsageError: Int32 = 2

    /// Parses the command line, runs the command, and exits with the documented code.
    static func run(_ command: Flowtrace.Type) -> Never {
        do {
            // The raw argv: Swift's CommandLine.arguments repairs a file name that is not UTF-8.
            var parsed = try command.parseAsRoot(RawPath.arguments())
            try parsed.run()
            exit(clean)
        } catch is OutputSink.Closed {
            // `scan` and `check` stop with the code for what they found so far; others end quietly.
            exit(clean)
        } catch let error as FlowTraceError {
            FileHandleOutput.standardError("flowtrace: error: \(TerminalText.sanitize(error.description))\n")
            exit(inputOrUsageError)
        } catch {
            let code = command.exitCode(for: error)
            let message = command.fullMessage(for: error)
            if code == .success {
                FileHandleOutput.standardOutput(message + "\n")
                exit(clean)
            }
            if !message.isEmpty { FileHandleOutput.standardError(message + "\n") }
            exit(code == .validationFailure ? inputOrUsageError : code.rawValue)
        }
    }
}

/// Unbuffered writes for the few messages the front end prints itself.
enum FileHandleOutput {
    static func standardError(_ text: String) { write(2, text) }
    static func standardOutput(_ text: String) { write(1, text) }

    private static func write(_ descriptor: Int32, _ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
