/// Refuses to write a file the same run reads: a report is opened with truncation, so
/// `--output app.log app.log` would destroy the log before it was read. Checked before any output
/// is opened; a clash is a usage error naming both paths.
public enum OutputClash {
    /// A path and what the run uses it for (`--output`, `the input log`).
    public struct Use: Sendable {
        public var role: String
        public var path: String

        public init(_ role: String, _ path: String) {
            self.role = role
            self.path = path
        }
    }

    /// Throws when `output` names the same file (see ``FileIdentity``) as one of `others`. `-` is
    /// standard input; a terminal, pipe or device output truncates nothing and never clashes.
    public static func check(_ output: Use, against others: [Use]) throws {
        guard FileIdentity.isTruncatable(output.path) else { return }
        let identity = FileIdentity(path: output.path)
        for other in others where FileIdentity(path: other.path == "-" ? "/dev/stdin" : other.path) == identity {
            let name = other.path == "-" ? "standard input" : "\(other.role) \(RawPath.display(other.path))"
            throw FlowTraceError(.usage, "\(output.role) \(RawPath.display(output.path)) is the same file as \(name)",
                                 hint: "one file cannot be both; choose another file for \(output.role)")
        }
    }
}
