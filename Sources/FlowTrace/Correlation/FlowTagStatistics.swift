/// Which tags each flow logs, learned from the traces as they grow: a `[GENERATION]` line in a run
/// that a balance request and a generation request could both own is the generation's.
struct FlowTagStatistics {
    private var tagCounts: [TagCounts]
    private var lineCounts: [Int]
    /// A tag belongs to a flow when at least this share of the flow's lines carries it.
    static let minimumShare = 100
    static let minimumCount = 3
    /// At most this many distinct tags are counted per flow.
    static let maxTagsPerFlow = 1024

    init(flowCount: Int) {
        tagCounts = Array(repeating: TagCounts(), count: flowCount)
        lineCounts = Array(repeating: 0, count: flowCount)
    }

    /// Counts a line of `flow` whose stored tags have these keys.
    mutating func record(_ tagKeys: TagKeys, flow: Int) {
        lineCounts[flow] += 1
        for index in 0..<tagKeys.count {
            tagCounts[flow].increment(tagKeys[index], addingUpTo: FlowTagStatistics.maxTagsPerFlow)
        }
    }

    func knows(flow: Int?, tag: UInt64) -> Bool {
        guard let flow else { return false }
        let count = tagCounts[flow].count(of: tag)
        return count >= FlowTagStatistics.minimumCount && count * FlowTagStatistics.minimumShare >= lineCounts[flow]
    }
}

/// Counts per tag key: an open-addressing table (a slot with count 0 is empty), so that counting
/// a line's tags hashes, allocates and retains nothing.
struct TagCounts {
    private var keys = [UInt64](repeating: 0, count: 16)
    private var counts = [Int](repeating: 0, count: 16)
    /// How many distinct tags are counted.
    private(set) var distinct = 0

    /// The slot of `key`, or the empty slot where it would go.
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while counts[index] != 0, keys[index] != key { index = (index + 1) & mask }
        return index
    }

    func count(of key: UInt64) -> Int {
        counts[slot(of: key)]
    }

    /// Adds one to the count of `key`; a new key is counted only while fewer than `limit` are.
    mutating func increment(_ key: UInt64, addingUpTo limit: Int) {
        let index = slot(of: key)
        if counts[index] != 0 {
            counts[index] += 1
            return
        }
        guard distinct < limit else { return }
        keys[index] = key
        counts[index] = 1
        distinct += 1
        if distinct * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let (oldKeys, oldCounts) = (keys, counts)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        counts = [Int](repeating: 0, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldCounts[index] != 0 {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            counts[slot] = oldCounts[index]
        }
    }
}
