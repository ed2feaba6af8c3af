/// One GitHub Actions workflow command (`::error file=app.log,line=3,title=…::message`), with
/// GitHub's escaping: `%`, `\r` and `\n` in the message; also `:` and `,` in property values,
/// whose control characters are shown as `\xNN`.
public struct GitHubCommand: Sendable {
    /// `error`, `warning` or `notice`.
    public var command: String
    /// Properties in order (`file`, `line`, `endLine`, `title`).
    public var properties: [(String, String)]
    public var message: String

    public init(command: String, properties: [(String, String)], message: String) {
        self.command = command
        self.properties = properties
        self.message = message
    }

    /// The command as one line of output.
    public var line: String {
        let list = properties.map { "\($0.0)=\(GitHubCommand.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command)\(list.isEmpty ? "" : " " + list)::\(GitHubCommand.escapeData(message))"
    }

    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value (a file name can hold anything): control characters other than line
    /// breaks, which GitHub's escaping covers, are shown as `\xNN`.
    public static func escapeProperty(_ text: String) -> String {
        TerminalText.sanitize(escapeData(text)).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
