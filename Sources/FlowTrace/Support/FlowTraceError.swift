/// Every problem flowtrace reports to its user: what went wrong, where, and (when known) how to fix it.
///
/// One type for all user-facing failures, so that the command line prints them the same way and
/// maps them to the documented exit codes.
public struct FlowTraceError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is; decides the exit code.
    public enum Code: String, Sendable {
        /// A file could not be opened or read.
        case unreadableInput = "unreadable-input"
        /// A gzip stream is truncated or corrupt.
        case corruptCompressedInput = "corrupt-compressed-input"
        /// A rule, format or correlation file is invalid.
        case invalidConfiguration = "invalid-configuration"
        /// A regular expression failed to compile or exceeded its limits.
        case invalidPattern = "invalid-pattern"
        /// The command line asked for something impossible.
        case usage = "usage"
        /// Writing a report failed.
        case output = "output"
    }

    /// Where a problem is: any of file, line, column and byte offset that are known. Lines count
    /// from 1: line 0 (an input that failed before its first line) is no line.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var byteOffset: Int64?

        /// A `file` that is not UTF-8 (see ``RawPath``) is kept as it is shown, its bytes as `\xNN`.
        public init(file: String? = nil, line: Int? = nil, column: Int? = nil, byteOffset: Int64? = nil) {
            self.file = file.map(RawPath.display)
            self.line = line == 0 ? nil : line
            self.column = column
            self.byteOffset = byteOffset
        }

        /// `file:line:column (byte offset N)`, with the parts that are known (line 0 is none).
        public var description: String {
            var text = file ?? "<input>"
            if let line, line > 0 {
                text += ":\(line)"
                if let column { text += ":\(column)" }
            }
            if let byteOffset { text += " (byte offset \(byteOffset))" }
            return text
        }
    }

    public var code: Code
    public var message: String
    public var location: Location?
    /// A hint on how to fix it, when there is one.
    public var hint: String?

    public init(_ code: Code, _ message: String, at location: Location? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}
