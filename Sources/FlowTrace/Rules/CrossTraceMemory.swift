/// For one cross-trace rule: the recent traces, per entity, where the rule's earlier condition
/// held. Bounded: at most a few traces per entity and a fixed number of entities.
final class CrossTraceMemory {
    struct Entry {
        /// The trace's number (its id is `t` and the number).
        var traceNumber: Int
        var lastTime: LogTime?
        var evidence: RememberedEvidence
    }

    private var entries: [EntityKey: [Entry]] = [:]
    private var order: [EntityKey] = []
    static let maxEntities = 50_000
    static let maxPerEntity = 4

    func remember(entity: EntityKey, trace: Trace, evidence: RememberedEvidence) {
        let entry = Entry(traceNumber: trace.number, lastTime: trace.lastTime, evidence: evidence)
        // One lookup, and the list changed in place: a copy would be copied again to append.
        let isNew = Self.append(entry, to: &entries[entity, default: []])
        guard isNew else { return }
        order.append(entity)
        if order.count > CrossTraceMemory.maxEntities {
            // The oldest half, which the entity just added is not part of.
            let forgotten = (order.count - 1) / 2
            for key in order.prefix(forgotten) { entries[key] = nil }
            order.removeFirst(forgotten)
        }
    }

    /// Appends `entry` to `list`, keeping the last few; returns whether `list` was empty.
    private static func append(_ entry: Entry, to list: inout [Entry]) -> Bool {
        let wasEmpty = list.isEmpty
        if wasEmpty { list.reserveCapacity(maxPerEntity + 1) }
        list.append(entry)
        if list.count > maxPerEntity { list.removeFirst() }
        return wasEmpty
    }

    /// The most recent remembered trace of `entity` that started before `trace` and ended
    /// within `window` of log time before `trace`'s first line.
    func earlier(for entity: EntityKey, before trace: Trace, within window: Int64) -> Entry? {
        guard let firstLine = trace.events.first?.lineNumber else { return nil }
        return entries[entity]?.last { entry in
            guard entry.traceNumber != trace.number, entry.evidence.firstLine.map({ $0 < firstLine }) ?? false else { return false }
            guard let then = entry.lastTime, let now = trace.firstTime, then.hasDate == now.hasDate else { return true }
            return now.milliseconds - then.milliseconds <= window
        }
    }
}
