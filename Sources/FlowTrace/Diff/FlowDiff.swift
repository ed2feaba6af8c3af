/// The comparison of two flows: their steps aligned by a sequence diff of step templates, a
/// changed step paired with its counterpart, the first divergence, and the counts.
///
/// By convention the left flow is the reference (the working one) and the right flow the one
/// under examination: "missing" steps are the left's steps the right lacks.
public struct FlowDiff: Sendable {
    public let left: DiffFlow
    public let right: DiffFlow
    public let pairs: [AlignedPair]
    public let summary: DiffSummary
    /// Whether the flows differ by more than ``SequenceAligner/maxDistance`` steps, so that their
    /// middle was aligned greedily: some missing and extra steps may then be one step moved.
    public let isApproximate: Bool

    public init(left: DiffFlow, right: DiffFlow) {
        self.left = left
        self.right = right
        var pairs: [AlignedPair]
        (pairs, isApproximate) = FlowDiff.align(left.steps, right.steps)
        FlowDiff.markMoves(&pairs, left.steps, right.steps)
        FlowDiff.markTiming(&pairs, left.steps, right.steps)
        self.pairs = pairs
        self.summary = FlowDiff.count(pairs)
    }

    /// The index in ``pairs`` of the first row where the flows part, or nil when they match.
    public var firstDivergence: Int? { pairs.firstIndex(where: \.diverges) }

    /// Whether the flows match step for step.
    public var matches: Bool { summary.matches }

    /// The left step of a row, if any.
    public func leftStep(_ pair: AlignedPair) -> FlowStep? { pair.left.map { left.steps[$0] } }
    /// The right step of a row, if any.
    public func rightStep(_ pair: AlignedPair) -> FlowStep? { pair.right.map { right.steps[$0] } }

    /// Aligns the steps: equal templates by the sequence diff, then each run of deletions and
    /// insertions between them paired where a deleted and an inserted step are similar; and
    /// whether the alignment is approximate.
    static func align(_ left: [FlowStep], _ right: [FlowStep]) -> ([AlignedPair], Bool) {
        let alignment = SequenceAligner.alignment(left.map(\.key), right.map(\.key))
        var pairs: [AlignedPair] = []
        var deleted: [Int] = [], inserted: [Int] = []
        func flush() {
            pairs += StepPairing.pair(deleted, inserted, left, right)
            deleted = []
            inserted = []
        }
        for edit in alignment.edits {
            switch edit {
            case .equal(let i, let j):
                flush()
                pairs.append(compare(i, j, left, right))
            case .delete(let i): deleted.append(i)
            case .insert(let j): inserted.append(j)
            }
        }
        flush()
        return (pairs, alignment.isApproximate)
    }

    /// The row of two steps the alignment put side by side.
    static func compare(_ i: Int, _ j: Int, _ left: [FlowStep], _ right: [FlowStep]) -> AlignedPair {
        let a = left[i], b = right[j]
        if a.key == b.key, a.hasSameValues(as: b) { return AlignedPair(kind: .same, left: i, right: j) }
        let words = WordDiff.changes(a.message, b.message)
        if a.comparedStatus == b.comparedStatus, a.outcome == b.outcome, ValueComparison.isMinor(words) {
            var pair = AlignedPair(kind: .same, left: i, right: j)
            pair.minor = words
            return pair
        }
        var pair = AlignedPair(kind: .changed, left: i, right: j)
        pair.statusChanged = a.comparedStatus != b.comparedStatus
        pair.valuesChanged = a.key == b.key && a.values != b.values
        pair.words = words
        return pair
    }

    /// Marks missing steps that are extra elsewhere (and the reverse): a reordering.
    static func markMoves(_ pairs: inout [AlignedPair], _ left: [FlowStep], _ right: [FlowStep]) {
        var missingKeys: [UInt64: Int] = [:], extraKeys: [UInt64: Int] = [:]
        for pair in pairs {
            if pair.kind == .missing, let i = pair.left { missingKeys[left[i].key, default: 0] += 1 }
            if pair.kind == .extra, let j = pair.right { extraKeys[right[j].key, default: 0] += 1 }
        }
        for index in pairs.indices {
            let pair = pairs[index]
            if pair.kind == .missing, let i = pair.left, extraKeys[left[i].key] != nil { pairs[index].moved = true }
            if pair.kind == .extra, let j = pair.right, missingKeys[right[j].key] != nil { pairs[index].moved = true }
        }
    }

    /// Compares, for each step of both flows, the time since the previous step on each side.
    static func markTiming(_ pairs: inout [AlignedPair], _ left: [FlowStep], _ right: [FlowStep]) {
        func gap(_ steps: [FlowStep], _ index: Int) -> Int64? {
            guard index > 0, let time = steps[index].time, let previous = steps[index - 1].time else { return nil }
            return time.milliseconds - previous.milliseconds
        }
        for index in pairs.indices {
            guard let i = pairs[index].left, let j = pairs[index].right,
                  let leftGap = gap(left, i), let rightGap = gap(right, j) else { continue }
            pairs[index].timing = TimingDivergence.between(leftGap, rightGap)
        }
    }

    static func count(_ pairs: [AlignedPair]) -> DiffSummary {
        var summary = DiffSummary()
        for pair in pairs {
            switch pair.kind {
            case .same:
                summary.same += 1
                if !pair.minor.isEmpty { summary.minor += 1 }
            case .missing: summary.missing += 1
            case .extra: summary.extra += 1
            case .changed:
                summary.changed += 1
                if pair.valuesChanged { summary.changedValues += 1 }
                if pair.statusChanged { summary.statusChanges += 1 }
            }
            if pair.moved { summary.reordered += 1 }
            if pair.timing != nil { summary.timing += 1 }
        }
        return summary
    }
}
