/// `flowtrace diff FILE --failing`: while a file streams through once, keeps every failing trace
/// and, per kind of flow, a bounded set of healthy candidates; then diffs each failing trace
/// against the healthy trace of its flow that is closest to it.
///
/// A trace fails when its status is `error` or a rule found an error in it; it is healthy when
/// its status is not `error` and no rule found anything at warning or above. Its kind of flow is
/// its flow id from the correlation configuration, or else the template of its first step.
/// Healthy candidates with the same sequence of steps are kept once (the latest); beyond
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

    /// Takes one closed trace's flow.
    public func add(_ flow: DiffFlow) {
        clock += 1
        guard let kind = BaselineFinder.kind(of: flow) else { return }
        if BaselineFinder.isFailing(flow) {
            if failing.count < BaselineFinder.maxFailing { failing.append((kind, flow)) } else { failingDropped += 1 }
            return
        }
        guard BaselineFinder.isHealthy(flow) else { return }
        let signature = flow.steps.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ $1.key) &* 0x0000_0100_0000_01B3 }
        var list = candidates[kind, default: []]
        if let index = list.firstIndex(where: { $0.signature == signature }) {
            list[index] = Candidate(flow: flow, signature: signature, seen: clock)
        } else {
            if list.count >= BaselineFinder.candidatesPerFlow,
               let oldest = list.indices.min(by: { list[$0].seen < list[$1].seen }) {
                list.remove(at: oldest)
            }
            list.append(Candidate(flow: flow, signature: signature, seen: clock))
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

    static func isFailing(_ flow: DiffFlow) -> Bool {
        flow.status == .error || flow.findings.contains { $0.severity == .error }
    }

    static func isHealthy(_ flow: DiffFlow) -> Bool {
        flow.status != .error && !flow.findings.contains { $0.severity >= .warning }
    }
}
