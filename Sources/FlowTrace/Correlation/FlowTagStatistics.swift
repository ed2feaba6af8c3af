/// Which tags each flow logs, learned from the traces as they grow: a `[GENERATION]` line in a run
/// that a balance request and a generation request could both own is the generation's.
///
/// One open-addressing table counts the lines per (flow, tag key); a slot with count 0 is empty.
/// Counting a line's tags hashes, allocates and retains nothing (this runs for every line).
/// Noncopyable: the one owner frees the storage.
struct FlowTagStatistics: ~Copyable {
    private struct Slot {
        var tag: UInt64
        var flow: Int
        var count: Int
    }

    /// A tag belongs to a flow when at least this share of the flow's lines carries it.
    static let minimumShare = 100
    static let minimumCount = 3

    private var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    /// How many slots are in use.
    private var used = 0
    private let lineCounts: UnsafeMutablePointer<Int>
    private let distinctCounts: UnsafeMutablePointer<Int>
    private let flowCount: Int
    /// At most this many distinct tags are counted per flow.
    let maxTagsPerFlow: Int

    init(flowCount: Int, maxTagsPerFlow: Int = 1024) {
        self.flowCount = flowCount
        self.maxTagsPerFlow = maxTagsPerFlow
        capacity = 64
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(tag: 0, flow: 0, count: 0), count: capacity)
        lineCounts = .allocate(capacity: max(flowCount, 1))
        lineCounts.initialize(repeating: 0, count: max(flowCount, 1))
        distinctCounts = .allocate(capacity: max(flowCount, 1))
        distinctCounts.initialize(repeating: 0, count: max(flowCount, 1))
    }

    deinit {
        slots.deallocate()
        lineCounts.deallocate()
        distinctCounts.deallocate()
    }

    /// Counts a line of `flow` whose stored tags have these keys.
    mutating func record(_ tagKeys: TagKeys, flow: Int) {
        precondition(flow >= 0 && flow < flowCount, "flow \(flow) out of range")
        lineCounts[flow] += 1
        for index in 0..<tagKeys.count {
            increment(tagKeys[index], flow: flow)
        }
    }

    func knows(flow: Int?, tag: UInt64) -> Bool {
        guard let flow else { return false }
        let count = count(of: tag, flow: flow)
        return count >= FlowTagStatistics.minimumCount && count * FlowTagStatistics.minimumShare >= lineCounts[flow]
    }

    /// How many lines of `flow` carried `tag` (0 for a tag beyond the flow's limit).
    func count(of tag: UInt64, flow: Int) -> Int {
        slots[slot(of: tag, flow: flow)].count
    }

    /// How many distinct tags of `flow` are counted.
    func distinctTags(of flow: Int) -> Int {
        distinctCounts[flow]
    }

    /// Counts one line of `flow` carrying `tag` (not the line itself: ``record(_:flow:)`` does).
    mutating func increment(_ tag: UInt64, flow: Int) {
        let index = slot(of: tag, flow: flow)
        if slots[index].count != 0 {
            slots[index].count += 1
            return
        }
        guard distinctCounts[flow] < maxTagsPerFlow else { return }
        slots[index] = Slot(tag: tag, flow: flow, count: 1)
        distinctCounts[flow] += 1
        used += 1
        if used * 2 > capacity { grow() }
    }

    /// The slot of (`tag`, `flow`), or the empty slot where it would go.
    @inline(__always)
    private func slot(of tag: UInt64, flow: Int) -> Int {
        let mask = capacity - 1
        let mixed = (tag ^ (UInt64(flow) &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
        var index = Int(truncatingIfNeeded: mixed >> 40) & mask
        while slots[index].count != 0, slots[index].tag != tag || slots[index].flow != flow {
            index = (index + 1) & mask
        }
        return index
    }

    private mutating func grow() {
        let (old, oldCapacity) = (slots, capacity)
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(tag: 0, flow: 0, count: 0), count: capacity)
        for index in 0..<oldCapacity where old[index].count != 0 {
            slots[slot(of: old[index].tag, flow: old[index].flow)] = old[index]
        }
        old.deallocate()
    }
}
