import Foundation
import Testing
@testable import FlowTrace

/// Audit: two flows more than `SequenceAligner.maxDistance` steps apart were shown as every step
/// missing and every step extra, without a word. The diff now says its alignment is approximate
/// (text and JSON) and still pairs the steps the flows share.
@Suite struct ApproximateAlignmentTests {
    /// A step name without digits (numbers are masked): `step bcd` for 1 + 26 + 26².
    private func name(_ index: Int) -> String {
        var index = index, letters = ""
        repeat {
            letters.append(Character(UnicodeScalar(UInt8(97 + index % 26))))
            index /= 26
        } while index > 0
        return letters
    }

    private func log(_ steps: [String]) -> [UInt8] {
        Array(steps.map { "2025-08-02 07:07:57,100 - app.worker - INFO - [WORK] step \($0)\n" }.joined().utf8)
    }

    @Test func theReportSaysSoAndKeepsTheSharedSteps() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let count = 2_600
        let left = try directory.write(log((0..<count).map { name($0) }), to: "left.log")
        let right = try directory.write(log((0..<count).map { $0 % 2 == 0 ? name($0) : "other " + name($0) }), to: "right.log")

        let json = try BinaryRunner.run(["diff", "--format", "jsonl", left, right])
        #expect(json.status == 1, "\(json.stderr)")
        let summary = try #require(json.records(ofType: "summary").first)
        #expect(summary["alignment"] as? String == "approximate")
        #expect(summary["same"] as? Int == count / 2)

        let text = try BinaryRunner.run(["diff", "--color", "never", "-C", "0", left, right])
        #expect(text.status == 1)
        #expect(text.stdout.contains("Note: the flows differ by more than \(SequenceAligner.maxDistance) steps"), "\(text.stdout.prefix(600))")

        let close = try BinaryRunner.run(["diff", "--format", "jsonl", left, left])
        #expect(close.records(ofType: "summary").first?["alignment"] as? String == "exact")
        let closeText = try BinaryRunner.run(["diff", "--color", "never", left, left])
        #expect(closeText.status == 0 && !closeText.stdout.contains("Note:"))
    }
}
