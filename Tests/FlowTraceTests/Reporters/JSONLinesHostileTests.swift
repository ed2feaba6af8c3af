import Foundation
import Testing
@testable import FlowTrace

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

    /// A JSON log's `user_id` can hold a token instead of an id: entities are log text too.
    @Test func entityValuesAreRedacted() {
        let uuid = "22cb3917-57f6-49c6-ac96-ec266570081b"
        let entities = JSONLinesReporter.entities(user: HostileLog.jwt, request: uuid, generation: nil).closed()
        #expect(!entities.contains(HostileLog.jwt))
        #expect(entities.contains("[REDACTED"))
        #expect(entities.contains(uuid))
    }
}
