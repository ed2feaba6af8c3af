import Foundation
import Testing
@testable import FlowTrace

/// The text report of seed 000's diff, against recorded snapshots in `Samples/diff/expected/`
/// (outside the test target, which must hold sources only). A missing snapshot is recorded and the
/// test fails, so that nobody accepts a new output without looking at it.
@Suite struct DiffTextRendererTests {
    private static let snapshots = BinaryRunner.packageRoot.appendingPathComponent("Samples/diff/expected")

    private func seed000() throws -> FlowDiff {
        let loader = FlowLoader(options: try ScanOptions.builtin(), ruleSet: try RuleSet.builtin())
        let working = try loader.load(path: BinaryRunner.sample("incident-000/working-flow.log"), selectors: [])
        let failing = try loader.load(path: BinaryRunner.sample("incident-000/failing-flow.jsonl"), selectors: [])
        var left = working.wholeFile, right = failing.wholeFile
        left.file = "working-flow.log"
        right.file = "failing-flow.jsonl"
        return FlowDiff(left: left, right: right)
    }

    private func check(_ text: String, against name: String) throws {
        let file = DiffTextRendererTests.snapshots.appendingPathComponent(name)
        guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded a new snapshot \(name): check it, then run the test again")
            return
        }
        #expect(text == recorded)
    }

    @Test func sideBySideWithContext() throws {
        try check(DiffTextRenderer(width: 100, context: 1).render(try seed000()), against: "seed-000-side-by-side.txt")
    }

    @Test func unifiedWithoutContext() throws {
        try check(DiffTextRenderer(width: 100, unified: true, context: 0).render(try seed000()), against: "seed-000-unified.txt")
    }

    @Test func colourOnlyWhenAsked() throws {
        let diff = try seed000()
        #expect(!DiffTextRenderer(width: 100).render(diff).contains("\u{1b}["))
        let coloured = DiffTextRenderer(width: 100, palette: Palette(enabled: true)).render(diff)
        #expect(coloured.contains("\u{1b}[33m~\u{1b}[0m"))
    }
}
