import FlowTrace
import Foundation
import Testing

/// GitHub Actions workflow commands: GitHub's escaping, and `scan --format github` end to end.
@Suite struct GitHubCommandTests {
    @Test func escapesDataAndProperties() {
        #expect(GitHubCommand.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubCommand.escapeProperty("dir/a:b,c%\n") == "dir/a%3Ab%2Cc%25%0A")
        // A file name's other control characters would reach the runner's log raw.
        #expect(GitHubCommand.escapeProperty("logs/\u{1B}]0;owned\u{07}app.log") == "logs/app.log")
        #expect(GitHubCommand.escapeProperty("a\u{07}b\u{9B}31mc") == "a\\x07bc")
        let command = GitHubCommand(command: "error", properties: [("file", "logs/app,1.log"), ("line", "3"), ("title", "x:y")],
                                    message: "line one\nline two 50%")
        #expect(command.line == "::error file=logs/app%2C1.log,line=3,title=x%3Ay::line one%0Aline two 50%25")
    }

    /// Undoes GitHub's escaping (for checking what the annotation will show).
    private func unescape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }

    private func parse(_ line: Substring) throws -> (command: String, properties: [String: String], message: String) {
        #expect(line.hasPrefix("::"))
        let body = line.dropFirst(2)
        let end = try #require(body.range(of: "::"))
        let head = body[..<end.lowerBound]
        let command = head.split(separator: " ", maxSplits: 1)
        var properties: [String: String] = [:]
        for pair in command.count > 1 ? command[1].split(separator: ",") : [] {
            let parts = pair.split(separator: "=", maxSplits: 1)
            properties[String(parts[0])] = unescape(parts[1])
        }
        return (String(command[0]), properties, unescape(body[end.upperBound...]))
    }

    @Test func oneAnnotationPerFinding() throws {
        let sample = BinaryRunner.sample("failures/rls-insert-denied.log")
        let result = try BinaryRunner.run(["scan", "--format", "github", sample])
        #expect(result.status == 1)
        let commands = try result.stdout.split(separator: "\n").map(parse)
        #expect(commands.map(\.command) == ["error", "error"])
        #expect(commands.map { $0.properties["title"] } == ["anon-client-fallback", "rls-denial"])
        #expect(commands.map { $0.properties["line"] } == ["18", "22"])
        #expect(commands.map { $0.properties["endLine"] } == ["22", "23"])
        #expect(commands.allSatisfy { $0.properties["file"] == sample })
        #expect(commands[0].message.contains("\n      18  🔓 [DATABASE] Using ANON client for insert on users"))
    }

    @Test func hostileEvidenceStaysOnOneLineAndIsRedacted() throws {
        let result = try BinaryRunner.run(["scan", "--format", "github", try HostileLog.write()])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let command = try parse(try #require(lines.first))
        #expect(command.properties["title"] == "rls-denial")
        #expect(command.message.contains(HostileLog.markup))
        #expect(!result.stdout.contains(HostileLog.jwt))
        #expect(!result.stdout.contains(HostileLog.bearer))
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
