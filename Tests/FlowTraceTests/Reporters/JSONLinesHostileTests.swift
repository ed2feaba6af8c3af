import Foundation
import Testing

/// The JSON lines report of a finding whose evidence is hostile: every line parses, the text
/// survives, secrets do not.
@Suite struct JSONLinesHostileTests {
    @Test func findingRecordsStayValidJSON() throws {
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", try HostileLog.write()])
        let lines = result.stdout.split(separator: "\n")
        #expect(result.records.count == lines.count)
        #expect(result.records(ofType: "finding").map { $0["rule"] as? String } == ["rls-denial"])
        #expect(!result.stdout.contains(HostileLog.jwt))
    }
}
