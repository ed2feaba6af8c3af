/// A map from entity keys to values for the correlator's per-line lookups (traces by request, by
/// generation, by user): open addressing with linear probing. Entity keys are UUID bits or hashes
/// already, so their low bits index the table directly instead of going through `Hasher`.
struct EntityTable<Value> {
    private var keys: ContiguousArray<EntityKey>
    private var values: ContiguousArray<Value?>
    private var mask: Int
    /// How many entries the table holds.
    private(set) var count = 0

    init() {
        keys = ContiguousArray(repeating: EntityKey(high: 0, low: 0), count: 64)
        values = ContiguousArray(repeating: nil, count: 64)
        mask = 63
    }

    private func home(of key: EntityKey) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ key.high) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: EntityKey) -> Int {
        var index = home(of: key)
        while values[index] != nil, keys[index] != key { index = (index + 1) & mask }
        return index
    }

    /// The value for `key`; setting nil removes the entry.
    subscript(key: EntityKey) -> Value? {
        get { values[slot(of: key)] }
        set {
            if let newValue { insert(newValue, for: key) } else { remove(key) }
        }
    }

    /// The value for `key`, or `fallback`; changes made through it are stored (as with Dictionary's
    /// `default:` subscript).
    subscript(key: EntityKey, default fallback: @autoclosure () -> Value) -> Value {
        get { values[slot(of: key)] ?? fallback() }
        _modify {
            if (count + 1) * 2 > values.count { grow() }
            let index = slot(of: key)
            if values[index] == nil {
                keys[index] = key
                values[index] = fallback()
                count += 1
            }
            yield &values[index]!
        }
    }

    private mutating func insert(_ value: Value, for key: EntityKey) {
        if (count + 1) * 2 > values.count { grow() }
        let index = slot(of: key)
        if values[index] == nil { count += 1 }
        keys[index] = key
        values[index] = value
    }

    private mutating func remove(_ key: EntityKey) {
        var index = slot(of: key)
        guard values[index] != nil else { return }
        values[index] = nil
        count -= 1
        // Backward-shift deletion: move later members of the probe run into the gap.
        var next = (index + 1) & mask
        while values[next] != nil {
            let distanceToGap = (next - home(of: keys[next])) & mask
            if distanceToGap >= (next - index) & mask {
                keys.swapAt(index, next)
                values.swapAt(index, next)
                index = next
            }
            next = (next + 1) & mask
        }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = ContiguousArray(repeating: EntityKey(high: 0, low: 0), count: oldKeys.count * 2)
        values = ContiguousArray(repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for index in oldKeys.indices {
            if let value = oldValues[index] { insert(value, for: oldKeys[index]) }
        }
    }
}
