import Foundation
import Testing
@testable import FlowTrace

/// Audit: short `key=value` steps (`[CACHE] hit=true` / `[CACHE] hit=false`) showed as one step
/// missing and one extra, because a changed value changed the whole `key=value` word and so
/// half the step's words. Steps are now paired by their keys.
@Suite struct KeyValueStepTests {
    private func diff(_ left: [String], _ right: [String]) -> FlowDiff {
        FlowDiff(left: DiffFlowBuilder.flow(left), right: DiffFlowBuilder.flow(right))
    }

    @Test func aChangedValueIsOneChangedStep() {
        let result = diff(["[CACHE] hit=true"], ["[CACHE] hit=false"])
        #expect(result.pairs.map(\.kind) == [.changed])
        #expect(result.pairs[0].words == [WordChange(left: "hit=true", right: "hit=false")])
        #expect(result.summary.missing == 0 && result.summary.extra == 0)
    }

    @Test func otherParameterValuesAreOneStepWithOtherValues() {
        let result = diff(["[CACHE] lookup scope=user plan=free"], ["[CACHE] lookup scope=session plan=pro"])
        #expect(result.pairs.map(\.kind) == [.same])
        #expect(result.pairs[0].minor.count == 2)
        #expect(result.matches)
    }

    @Test func otherKeysAreStillOtherSteps() {
        let result = diff(["[CACHE] region=eu", "[CACHE] done"], ["[CACHE] tier=gold", "[CACHE] done"])
        #expect(result.pairs.map(\.kind) == [.missing, .extra, .same])
    }

    @Test func theKeyOfAWord() {
        #expect(StepPairing.parameterKey("hit=true") == "hit=")
        #expect(StepPairing.parameterKey("db.pool-size=<n>") == "db.pool-size=")
        #expect(StepPairing.parameterKey("=x") == nil)
        #expect(StepPairing.parameterKey("/users?id=<id>") == nil)
        #expect(StepPairing.parameterKey("plain") == nil)
    }

    @Test func twoSmallLogsThroughTheBinary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let prefix = "2025-08-02 07:07:57,100 - app.cache - INFO - "
        let left = try directory.write(Array((prefix + "[CACHE] lookup scope=user plan=free\n" + prefix + "[CACHE] hit=true\n").utf8),
                                       to: "left.log")
        let right = try directory.write(Array((prefix + "[CACHE] lookup scope=session plan=pro\n" + prefix + "[CACHE] hit=false\n").utf8),
                                        to: "right.log")
        let result = try BinaryRunner.run(["diff", "--format", "jsonl", left, right])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.records(ofType: "pair").compactMap { $0["kind"] as? String } == ["same", "changed"])
        let divergence = try #require(result.records(ofType: "divergence").first)
        #expect(divergence["kind"] as? String == "changed" && divergence["left_line"] as? Int == 2)
        let summary = try #require(result.records(ofType: "summary").first)
        #expect(summary["missing"] as? Int == 0 && summary["extra"] as? Int == 0 && summary["minor"] as? Int == 1)
    }
}
