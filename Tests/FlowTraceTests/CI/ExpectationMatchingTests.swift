@testable import FlowTrace
import Testing

/// Audit: `check` paired expected entries with findings greedily, so a broad `user:` entry could
/// take the finding a narrower `request:` entry needed. The pairing is a maximum matching now:
/// whatever the order of the entries, a valid expectation passes.
@Suite struct ExpectationMatchingTests {
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private func finding(_ rule: String, request: String, lines: [Int]) -> Finding {
        Finding(rule: rule, severity: .error, message: "m", trace: "t1", user: user, request: request, lines: lines)
    }

    /// Every order of `items`.
    private func permutations<T>(_ items: [T]) -> [[T]] {
        guard let first = items.first else { return [[]] }
        return permutations(Array(items.dropFirst())).flatMap { rest in
            (0...rest.count).map { position in var order = rest; order.insert(first, at: position); return order }
        }
    }

    /// /tmp/audit-ci/gm: two findings of one user; `user:` listed first took request 377e's.
    @Test func aBroadEntryDoesNotTakeTheFindingANarrowOneNeeds() {
        let findings = [finding("anon-client-fallback", request: "377e", lines: [38, 42]),
                        finding("anon-client-fallback", request: "477e", lines: [104, 108])]
        let entries = [Expectation.Entry(rule: "anon-client-fallback", user: user),
                       Expectation.Entry(rule: "anon-client-fallback", request: "377e")]
        for order in permutations(entries) {
            for findingOrder in permutations(findings) {
                #expect(FixtureOutcome.compare(findingOrder, with: order).isEmpty)
            }
        }
    }

    @Test func pinnedLinesCountsAndEntitiesInAnyOrder() {
        let findings = [finding("rls-denial", request: "a", lines: [1]), finding("rls-denial", request: "b", lines: [5]),
                        finding("rls-denial", request: "c", lines: [9]), finding("rls-denial", request: "d", lines: [12])]
        let entries = [Expectation.Entry(rule: "rls-denial", count: 2), Expectation.Entry(rule: "rls-denial", lines: [1]),
                       Expectation.Entry(rule: "rls-denial", request: "b")]
        for order in permutations(entries) {
            #expect(FixtureOutcome.compare(findings, with: order).isEmpty)
        }
        // One finding too few for the entries: exactly one difference, whatever the order.
        for order in permutations(entries) {
            #expect(FixtureOutcome.compare(Array(findings.prefix(3)), with: order).count == 1)
        }
    }

    @Test func augmentingPathsReachAMaximumMatching() {
        // Left 0 may take 0 or 1, left 1 only 0: a greedy pass gives 0→0 and leaves 1 unpaired.
        #expect(BipartiteMatching.maximum([[0, 1], [0]], rightCount: 2) == [1, 0])
        #expect(BipartiteMatching.maximum([[0], [0]], rightCount: 1).compactMap { $0 }.count == 1)
        #expect(BipartiteMatching.maximum([[], [2], [1, 2]], rightCount: 3) == [nil, 2, 1])
    }

    /// Entity values are stored redacted: a finding's value is compared in its redacted form.
    @Test func entitiesAreComparedRedacted() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.abcDEFghiJKLmnoPQRstuVWxyz012345"
        let tokenFinding = finding("rls-denial", request: jwt, lines: [3])
        #expect(Expectation.Entry(rule: "rls-denial", request: "[REDACTED:jwt]").matches(tokenFinding))
        #expect(!Expectation.Entry(rule: "rls-denial", request: jwt).matches(tokenFinding))
        // An ordinary id is its own redacted form: old expectation files keep matching.
        #expect(Expectation.Entry(rule: "rls-denial", user: user, request: "377e").matches(finding("rls-denial", request: "377e", lines: [1])))
    }
}
