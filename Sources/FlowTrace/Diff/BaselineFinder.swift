/// `flowtrace diff FILE --failing`: while a file streams through once, keeps every failing trace
/// and, per kind of flow, a bounded set of healthy candidates; then diffs each failing trace
/// against the healthy trace of its flow that is closest to it.
///
/// A trace fails when its status is `error` or a rule found an error in it; it is healthy when
/// its status is not `error` and no rule found anything at warning or above. Its kind of flow is
/// its flow id from the correlation configuration, or else the template of its first step.
/// Healthy candidates with the same sequence of steps are kept once (the first complete one);
/// beyond
/// ``candidatesPerFlow`` distinct ones, the least recently seen is dropped.
public final class BaselineFinder {
    /// Distinct healthy candidates kept per kind of flow.
    public static let candidatesPerFlow = 16
    /// Failing traces kept for diffing; later ones are counted only.
    public static let maxFailing = 1_000

    /// A failing trace and the diff against its healthy partner (nil when its flow had none).
    public struct Result: Sendable {
        public var failing: DiffFlow
        public var diff: FlowDiff?
    }

    private struct Candidate {
        var flow: DiffFlow
        var signature: UInt64
        var seen: Int
    }

    private var candidates: [String: [Candidate]] = [:]
    private var failing: [(kind: String, flow: DiffFlow)] = []
    private var clock = 0
    /// Failing traces beyond ``maxFailing``, not diffed.
    public private(set) var failingDropped = 0

    public init() {}

    /// Takes one closed trace while the file streams; builds its flow only when it is kept.
    public func add(_ closed: ClosedTrace) {
        add(status: closed.trace.status, findings: closed.findings, isComplete: closed.trace.closeReason == .ended,
            kind: closed.kind, signature: closed.signature, flow: closed.flow)
    }

    /// Takes one flow.
    public func add(_ flow: DiffFlow) {
        add(status: flow.status, findings: flow.findings, isComplete: flow.isComplete,
            kind: { BaselineFinder.kind(of: flow) },
            signature: { flow.signature }, flow: { flow })
    }

    private func add(status: TraceStatus, findings: [Finding], isComplete: Bool, kind: () -> String?,
                     signature: () -> UInt64, flow: () -> DiffFlow) {
        clock += 1
        let isFailing = status == .error || findings.contains { $0.severity == .error }
        let isHealthy = status != .error && !findings.contains { $0.severity >= .warning }
        guard isFailing || isHealthy, let kind = kind() else { return }
        if isFailing {
            if failing.count < BaselineFinder.maxFailing { failing.append((kind, flow())) } else { failingDropped += 1 }
            return
        }
        let signature = signature()
        var list = candidates[kind, default: []]
        if let index = list.firstIndex(where: { $0.signature == signature }) {
            // The same steps as a kept candidate: it stays, as recently seen (a complete trace
            // replaces one that was cut off).
            list[index].seen = clock
            if isComplete, !list[index].flow.isComplete { list[index].flow = flow() }
        } else {
            if list.count >= BaselineFinder.candidatesPerFlow,
               let oldest = list.indices.min(by: { list[$0].seen < list[$1].seen }) {
                list.remove(at: oldest)
            }
            list.append(Candidate(flow: flow(), signature: signature, seen: clock))
        }
        candidates[kind] = list
    }

    /// Each failing trace, in the order they closed, with the diff against its closest partner:
    /// a complete trace before one cut off, then the most steps shared (``DiffSummary/closeness``),
    /// then the fewest differing steps, then the nearest in the file.
    public func results() -> [Result] {
        failing.map { kind, flow in
            var best: (diff: FlowDiff, rank: [Int])?
            for candidate in candidates[kind] ?? [] {
                let diff = FlowDiff(left: candidate.flow, right: flow)
                let distance = abs((candidate.flow.steps.first?.line ?? 0) - (flow.steps.first?.line ?? 0))
                let rank = [candidate.flow.isComplete ? 0 : 1, -diff.summary.closeness, diff.summary.distance, distance]
                if best.map({ rank.lexicographicallyPrecedes($0.rank) }) ?? true { best = (diff, rank) }
            }
            return Result(failing: flow, diff: best?.diff)
        }
    }

    static func kind(of flow: DiffFlow) -> String? {
        if let name = flow.flowName { return "flow:" + name }
        return flow.steps.first.map { "step:" + $0.template }
    }
}
