/// Which tags each flow logs, learned from the traces as they grow: a `[GENERATION]` line in a run
/// that a balance request and a generation request could both own is the generation's.
struct FlowTagStatistics {
    private var tagCounts: [[UInt64: Int]]
    private var lineCounts: [Int]
    /// A tag belongs to a flow when at least this share of the flow's lines carries it.
    static let minimumShare = 100
    static let minimumCount = 3

    init(flowCount: Int) {
        tagCounts = Array(repeating: [:], count: flowCount)
        lineCounts = Array(repeating: 0, count: flowCount)
    }

    mutating func record(_ event: Event, flow: Int) {
        lineCounts[flow] += 1
        for index in 0..<event.tags.storedCount where tagCounts[flow].count < 1024 || tagCounts[flow][event.tags.key(at: index)] != nil {
            tagCounts[flow][event.tags.key(at: index), default: 0] += 1
        }
    }

    func knows(flow: Int?, tag: UInt64) -> Bool {
        guard let flow, let count = tagCounts[flow][tag] else { return false }
        return count >= FlowTagStatistics.minimumCount && count * FlowTagStatistics.minimumShare >= lineCounts[flow]
    }
}
