/// Collects keys for a ``ByteTrie``. Used when a vocabulary loads, never on the hot path.
struct ByteTrieBuilder {
    private var children: [[UInt8: Int32]] = [[:]]
    private var values: [Int32] = [-1]
    let foldsCase: Bool

    init(foldsCase: Bool) {
        self.foldsCase = foldsCase
    }

    /// Stores `value` for `key`. When the key is already present, `resolve(existing, new)` decides
    /// which value stays.
    mutating func insert(_ key: [UInt8], value: Int32, resolve: (Int32, Int32) -> Int32 = { existing, _ in existing }) {
        guard !key.isEmpty else { return }
        var node = 0
        for raw in key {
            let byte = foldsCase && raw >= 0x41 && raw <= 0x5A ? raw | 0x20 : raw
            if let child = children[node][byte] {
                node = Int(child)
            } else {
                let child = Int32(values.count)
                children.append([:])
                values.append(-1)
                children[node][byte] = child
                node = Int(child)
            }
        }
        values[node] = values[node] < 0 ? value : resolve(values[node], value)
    }

    mutating func insert(_ key: String, value: Int32) {
        insert(Array(key.utf8), value: value)
    }

    func build() -> ByteTrie {
        ByteTrie(children: children, values: values, foldsCase: foldsCase)
    }
}
