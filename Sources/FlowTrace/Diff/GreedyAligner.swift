/// A linear-time alignment for sequences too far apart for ``SequenceAligner``'s shortest edit
/// script: equal keys are matched as they come; where they differ, the side whose key comes
/// again sooner on the other side skips ahead to it, and a key that never comes again is a
/// deletion or an insertion. Not the shortest script, but it keeps the steps two long flows share.
enum GreedyAligner {
    static func align(_ a: [UInt64], _ b: [UInt64]) -> [SequenceAligner.Edit] {
        var inA = Occurrences(a), inB = Occurrences(b)
        var edits: [SequenceAligner.Edit] = []
        edits.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                edits.append(.equal(i, j))
                i += 1
                j += 1
                continue
            }
            // Where the left's key comes next on the right, and the right's key on the left.
            switch (inB.next(a[i], from: j), inA.next(b[j], from: i)) {
            case (let p?, let q?):
                if p - j <= q - i {
                    edits += (j..<p).map { .insert($0) }
                    j = p
                } else {
                    edits += (i..<q).map { .delete($0) }
                    i = q
                }
            case (_?, nil):
                edits.append(.insert(j))
                j += 1
            case (nil, _?):
                edits.append(.delete(i))
                i += 1
            case (nil, nil):
                edits.append(.delete(i))
                edits.append(.insert(j))
                i += 1
                j += 1
            }
        }
        edits += (i..<a.count).map { .delete($0) }
        edits += (j..<b.count).map { .insert($0) }
        return edits
    }

    /// The positions of each key in a sequence, with a cursor per key: the queries of one key
    /// come with positions that never decrease, so each position is passed once.
    private struct Occurrences {
        private var positions: [UInt64: [Int]] = [:]
        private var cursors: [UInt64: Int] = [:]

        init(_ keys: [UInt64]) {
            for (index, key) in keys.enumerated() { positions[key, default: []].append(index) }
        }

        /// The first position of `key` at or after `start`.
        mutating func next(_ key: UInt64, from start: Int) -> Int? {
            guard let list = positions[key] else { return nil }
            var cursor = cursors[key] ?? 0
            while cursor < list.count, list[cursor] < start { cursor += 1 }
            cursors[key] = cursor
            return cursor < list.count ? list[cursor] : nil
        }
    }
}
