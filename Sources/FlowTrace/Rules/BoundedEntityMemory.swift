/// Per entity, the last few entries of a kind, for a bounded number of entities: beyond
/// ``maxEntities``, the oldest half of the entities are forgotten.
struct BoundedEntityMemory<Entry> {
    private var entries: [EntityKey: [Entry]] = [:]
    private var order: [EntityKey] = []
    static var maxEntities: Int { 50_000 }
    static var maxPerEntity: Int { 4 }

    /// Adds `entry` to `entity`'s, keeping its last ``maxPerEntity``.
    mutating func remember(_ entry: Entry, for entity: EntityKey) {
        // One lookup, and the list changed in place: a copy would be copied again to append.
        let isNew = Self.append(entry, to: &entries[entity, default: []])
        guard isNew else { return }
        order.append(entity)
        if order.count > Self.maxEntities {
            // The oldest half, which the entity just added is not part of.
            let forgotten = (order.count - 1) / 2
            for key in order.prefix(forgotten) { entries[key] = nil }
            order.removeFirst(forgotten)
        }
    }

    /// `entity`'s entries, oldest first.
    func entries(for entity: EntityKey) -> [Entry] {
        entries[entity] ?? []
    }

    /// Removes and returns `entity`'s entries that pass `test`, oldest first.
    mutating func take(for entity: EntityKey, where test: (Entry) -> Bool) -> [Entry] {
        guard let list = entries[entity], list.contains(where: test) else { return [] }
        // In place: the list keeps its storage, and the entity its place in `order`.
        entries[entity]!.removeAll(where: test)
        return list.filter(test)
    }

    /// Appends `entry` to `list`, keeping the last few; returns whether `list` is new (one
    /// emptied by ``take(for:where:)`` keeps its storage, and is not).
    private static func append(_ entry: Entry, to list: inout [Entry]) -> Bool {
        let wasEmpty = list.capacity == 0
        if wasEmpty { list.reserveCapacity(maxPerEntity + 1) }
        list.append(entry)
        if list.count > maxPerEntity { list.removeFirst() }
        return wasEmpty
    }
}
