/// Step patterns of all flows, indexed by the tag they require so that most events are tested
/// against no pattern at all. Patterns are kept as plain values (their literals in one shared
/// buffer), so that testing one copies and retains nothing.
struct StepIndex {
    private struct Entry {
        var flow: Int
        var kind: EventKind?
        var status: Status?
        /// Where the literal the message must contain sits in `needles` (empty: none).
        var needle: Range<Int>
    }

    /// Entries grouped by required tag (each group in declaration order); untagged ones last.
    private var entries: ContiguousArray<Entry> = []
    private var groups: ContiguousArray<(tagKey: UInt64, entries: Range<Int>)> = []
    private var untagged: Range<Int> = 0..<0
    private var needles: [UInt8] = []
    /// Which templates tell what an event matches (``StepMatchCache``).
    private var templateUse = TemplateUse()
    private let cache = StepMatchCache()

    init(_ patterns: [(Int, StepPattern)]) {
        var tagOrder: [UInt64] = []
        for (_, pattern) in patterns {
            if let key = pattern.requiredTagKey, !tagOrder.contains(key) { tagOrder.append(key) }
        }
        for key in tagOrder {
            let start = entries.count
            for (flow, pattern) in patterns where pattern.requiredTagKey == key { add(flow, pattern) }
            groups.append((key, start..<entries.count))
        }
        let start = entries.count
        for (flow, pattern) in patterns where pattern.requiredTagKey == nil { add(flow, pattern) }
        untagged = start..<entries.count
    }

    private mutating func add(_ flow: Int, _ pattern: StepPattern) {
        let literal = Array((pattern.contains ?? "").utf8)
        templateUse.add(literal)
        let needle = needles.count..<needles.count + literal.count
        needles += literal
        entries.append(Entry(flow: flow, kind: pattern.kind, status: pattern.status, needle: needle))
    }

    /// The flow of the first pattern `event` matches, if any (optionally only patterns of `flow`);
    /// `tagKeys` are its tags' keys (``TagList/keys(in:)``).
    @inline(__always)
    func firstMatch(_ event: Event, tagKeys: TagKeys, text: UnsafeRawBufferPointer, in flow: Int? = nil) -> Int? {
        let template = templateUse.key(event.template)
        guard template != 0 else { return search(event, tagKeys: tagKeys, text: text, in: flow) }
        let limit = Int32(truncatingIfNeeded: flow ?? -1)
        if let found = cache.found(template: template, flow: limit) { return found < 0 ? nil : Int(found) }
        let found = search(event, tagKeys: tagKeys, text: text, in: flow)
        cache.remember(Int32(truncatingIfNeeded: found ?? -1), template: template, flow: limit)
        return found
    }

    /// The search itself, kept out of line so that the cached path above inlines small.
    @inline(never)
    private func search(_ event: Event, tagKeys: TagKeys, text: UnsafeRawBufferPointer, in flow: Int?) -> Int? {
        for index in 0..<tagKeys.count {
            let key = tagKeys[index]
            let range = groups.withUnsafeBufferPointer { groups in groups.first { $0.tagKey == key }?.entries }
            if let range, let found = firstMatch(in: range, event, text, flow) { return found }
        }
        return firstMatch(in: untagged, event, text, flow)
    }

    private func firstMatch(in range: Range<Int>, _ event: Event, _ text: UnsafeRawBufferPointer, _ flow: Int?) -> Int? {
        needles.withUnsafeBytes { needles in
            entries.withUnsafeBufferPointer { entries in
                for index in range {
                    let entry = entries[index]
                    if let flow, entry.flow != flow { continue }
                    if let kind = entry.kind, event.kind != kind { continue }
                    if let status = entry.status, event.status != status { continue }
                    if !entry.needle.isEmpty,
                       !ByteSearch.contains(event.message.slice(text), UnsafeRawBufferPointer(rebasing: needles[entry.needle])) {
                        continue
                    }
                    return entry.flow
                }
                return nil
            }
        }
    }
}
