import Testing
@testable import FlowTrace

/// Alignment of flows: what each kind of difference looks like, and what must not count as one.
@Suite struct FlowDiffTests {
    private let base = [
        "[3bb427c1-a1da-459d-aad1-245c92010b38] POST /api/v1/generations - Started",
        "👤 [USER_REPO] Getting user by ID: 22cb3917-57f6-49c6-ac96-ec266570081b",
        "🔑 [DATABASE] Using SERVICE client for select on users",
        "✅ [DATABASE] SELECT result for users: 1 rows",
        "✅ [USER_REPO] User found in database for ID 22cb3917-57f6-49c6-ac96-ec266570081b",
        "[3bb427c1-a1da-459d-aad1-245c92010b38] POST /api/v1/generations - 201 - 523ms",
    ]

    private func diff(_ left: [String], _ right: [String]) -> FlowDiff {
        FlowDiff(left: DiffFlowBuilder.flow(left), right: DiffFlowBuilder.flow(right))
    }

    private func kinds(_ diff: FlowDiff) -> [String] { diff.pairs.map(\.kind.rawValue) }

    @Test func identicalFlowsOfOtherRequestsMatch() {
        let other = base.map {
            $0.replacingOccurrences(of: "3bb427c1-a1da-459d-aad1-245c92010b38", with: "3e1c26d3-23ef-423e-a848-f808f54d35bf")
                .replacingOccurrences(of: "22cb3917-57f6-49c6-ac96-ec266570081b", with: "7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37")
                .replacingOccurrences(of: "523ms", with: "97ms")
        }
        let result = diff(base, other)
        #expect(result.matches)
        #expect(result.firstDivergence == nil)
        #expect(result.summary.same == base.count)
    }

    @Test func aMissingStep() {
        var right = base
        right.remove(at: 4)
        let result = diff(base, right)
        #expect(kinds(result) == ["same", "same", "same", "same", "missing", "same"])
        #expect(result.firstDivergence == 4)
        #expect(result.summary.missing == 1 && result.summary.extra == 0 && result.summary.reordered == 0)
    }

    @Test func anExtraStep() {
        var right = base
        right.insert("⚠️ [USER_REPO] User profile not found for ID 22cb3917-57f6-49c6-ac96-ec266570081b", at: 4)
        let result = diff(base, right)
        #expect(kinds(result) == ["same", "same", "same", "same", "extra", "same", "same"])
        #expect(result.pairs[4].right == 4 && result.pairs[4].left == nil)
        #expect(result.summary.extra == 1)
    }

    @Test func aChangedValueIsOneChangedStep() {
        var right = base
        right[3] = "✅ [DATABASE] SELECT result for users: 0 rows"
        let result = diff(base, right)
        #expect(kinds(result) == ["same", "same", "same", "changed", "same", "same"])
        let pair = result.pairs[3]
        #expect(pair.valuesChanged && !pair.statusChanged)
        #expect(pair.words == [WordChange(left: "1", right: "0")])
        #expect(result.summary.changedValues == 1)
    }

    @Test func changedWordsPairTheStepWithItsCounterpart() {
        var right = base
        right[2] = "🔓 [DATABASE] Using ANON client for select on users"
        right[4] = "❌ [USER_REPO] Query result for user 22cb3917-57f6-49c6-ac96-ec266570081b: False"
        let result = diff(base, right)
        #expect(result.firstDivergence == 2)
        let pair = result.pairs[2]
        #expect(pair.kind == .changed && pair.left == 2 && pair.right == 2)
        #expect(pair.statusChanged && !pair.valuesChanged)
        #expect(pair.words == [WordChange(left: "🔑", right: "🔓"), WordChange(left: "SERVICE", right: "ANON")])
        // Unrelated steps of one tag are not forced into a pair.
        #expect(kinds(result).suffix(3) == ["missing", "extra", "same"])
    }

    @Test func aReorderedPairIsMarkedAsMoved() {
        var right = base
        right.swapAt(1, 2)
        let result = diff(base, right)
        #expect(result.summary.reordered == 2)
        #expect(result.summary.missing == 1 && result.summary.extra == 1)
        #expect(result.pairs.filter(\.moved).count == 2)
        #expect(!result.matches)
    }

    @Test func decorativeSymbolsDoNotDivergeButOutcomesDo() {
        let clean = diff(["🔐 [AUTH] Validating JWT"], ["🔍 [AUTH] Validating JWT"])
        #expect(clean.matches)
        let outcome = diff(["✅ [AUTH] Token checked"], ["❌ [AUTH] Token checked"])
        #expect(kinds(outcome) == ["changed"])
        #expect(outcome.pairs[0].statusChanged && outcome.summary.statusChanges == 1)
    }

    @Test func aStepThatTookFarLongerIsATimingDivergence() {
        let left = ["@0 🔍 [DATABASE] Executing SELECT query on users", "@30 ✅ [DATABASE] SELECT result for users: 1 rows"]
        let slow = ["@0 🔍 [DATABASE] Executing SELECT query on users", "@30000 ✅ [DATABASE] SELECT result for users: 1 rows"]
        let result = diff(left, slow)
        #expect(result.pairs[1].timing == TimingDivergence(leftGap: 30, rightGap: 30_000))
        #expect(result.firstDivergence == 1 && result.summary.timing == 1 && !result.matches)
        // Below the threshold: 900 ms more, or only 5 times slower.
        #expect(diff(left, ["@0 🔍 [DATABASE] Executing SELECT query on users", "@930 ✅ [DATABASE] SELECT result for users: 1 rows"]).matches)
        #expect(diff(["@0 A", "@2000 B"], ["@0 A", "@10000 B"]).matches)
        #expect(!diff(["@0 A", "@2000 B"], ["@0 A", "@20000 B"]).matches)
        #expect(diff(["A", "B"], ["@0 A", "@60000 B"]).matches)
    }
}
