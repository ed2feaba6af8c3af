import Testing
@testable import FlowTrace

/// `--failing`: each failing trace meets the closest healthy trace of its own flow.
@Suite struct BaselineFinderTests {
    private func flow(_ id: String, _ name: String?, _ status: TraceStatus, _ messages: [String],
                      firstLine: Int = 1) -> DiffFlow {
        var flow = DiffFlowBuilder.flow(messages)
        for index in flow.steps.indices { flow.steps[index].line = firstLine + index }
        flow.traceID = id
        flow.flowName = name
        flow.status = status
        return flow
    }

    private let start = "🔍 [GENERATION] Starting credit check for user 22cb3917-57f6-49c6-ac96-ec266570081b"
    private let service = "🔑 [DATABASE] Using SERVICE client for select on users"
    private let anon = "🔓 [DATABASE] Using ANON client for select on users"
    private let found = "✅ [USER_REPO] User found in database"
    private let failed = "❌ [GENERATION] Credit check failed: User not found"

    @Test func picksTheClosestHealthyTraceOfTheSameFlow() throws {
        let finder = BaselineFinder()
        finder.add(flow("t1", "credit-balance", .ok, [start, service, found]))
        finder.add(flow("t2", "generation", .ok, [start, "💳 [USER_SERVICE] Other path", "✅ [X] a", "✅ [X] b", found]))
        finder.add(flow("t3", "generation", .error, [start, anon, failed], firstLine: 50))
        finder.add(flow("t4", "generation", .ok, [start, service, found], firstLine: 90))
        finder.add(flow("t5", "generation", .warning, [start, service, "⚠️ [X] retry", found]))
        let results = finder.results()
        #expect(results.count == 1)
        #expect(results[0].failing.traceID == "t3")
        #expect(results[0].diff?.left.traceID == "t4")
        let diff = try #require(results[0].diff)
        #expect(diff.firstDivergence.map { diff.pairs[$0].right } == 1)
    }

    @Test func aFailingTraceWithoutHealthyPeersIsReportedAlone() {
        let finder = BaselineFinder()
        finder.add(flow("t1", "credit-balance", .ok, [start, service, found]))
        finder.add(flow("t2", "generation", .error, [start, anon, failed]))
        var flagged = flow("t3", "generation", .ok, [start, service, found])
        flagged.findings = [Finding(rule: "r", severity: .warning, message: "m", trace: "t3", lines: [2])]
        finder.add(flagged)
        let results = finder.results()
        #expect(results.count == 1 && results[0].diff == nil)
    }

    @Test func aRuleErrorMakesATraceFailAndTracesWithoutAFlowGroupByFirstStep() {
        let finder = BaselineFinder()
        var quiet = flow("t1", nil, .ok, [start, anon, found])
        quiet.findings = [Finding(rule: "anon", severity: .error, message: "m", trace: "t1", lines: [2])]
        finder.add(quiet)
        finder.add(flow("t2", nil, .ok, ["✅ [OTHER] first", service, found]))
        finder.add(flow("t3", nil, .ok, [start, service, found]))
        let results = finder.results()
        #expect(results.count == 1)
        #expect(results[0].diff?.left.traceID == "t3")
    }

    @Test func candidatesAreBoundedAndDeduplicated() {
        let finder = BaselineFinder()
        for index in 0..<(BaselineFinder.candidatesPerFlow * 3) {
            // Three shapes only: repeated shapes replace each other.
            let extra = Array(repeating: "✅ [X] step", count: index % 3)
            finder.add(flow("t\(index)", "generation", .ok, [start, service] + extra + [found], firstLine: index * 10))
        }
        for index in 0..<(BaselineFinder.candidatesPerFlow + 5) {
            let extra = (0..<index).map { "✅ [Y] distinct step \($0) of its own kind" }
            finder.add(flow("u\(index)", "generation", .ok, [start, service, found] + extra.map { $0 + String(repeating: "!", count: index) }))
        }
        finder.add(flow("f", "generation", .error, [start, service, found]))
        let results = finder.results()
        // u0 replaced the t-trace of its shape; the 16 most recently seen shapes are u5…u20, and u5
        // (5 steps more than the failing trace) is the closest of them.
        #expect(results.count == 1)
        #expect(results[0].diff?.left.traceID == "u5")
    }
}
