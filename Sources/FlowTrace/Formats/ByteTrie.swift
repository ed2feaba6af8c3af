/// An immutable trie over bytes, compiled once from vocabulary data and matched on the hot path
/// without allocating: the root is a dense 256-entry table, deeper nodes keep their edges
/// contiguously (most have one or two), and a bitmap of every key's first two bytes screens out
/// most non-matching input before the walk starts.
///
/// A case-folding trie stores its keys with ASCII letters lowered and folds the input the same
/// way while matching.
///
/// The trie is a plain value over raw storage, so that matching involves no reference counting;
/// its owner (``VocabularyTables``) frees the storage with ``deallocate()``.
struct ByteTrie: @unchecked Sendable {
    /// A match: how many input bytes it covers and the value stored for the key.
    struct Match {
        var length: Int
        var value: Int32
    }

    /// A node: its value, and its edges with the first one inline (most nodes have only one).
    private struct Node {
        var edgeStart: Int32
        var edgeCount: Int32
        var value: Int32
        var firstTarget: Int32
        var firstByte: UInt8
    }

    let foldsCase: Bool
    private let root: UnsafeMutablePointer<Int32>
    private let nodes: UnsafeMutablePointer<Node>
    private let edgeBytes: UnsafeMutablePointer<UInt8>
    private let edgeTargets: UnsafeMutablePointer<Int32>
    /// Whether any key starts with the byte.
    private let firstBytes: UnsafeMutablePointer<Bool>
    /// One bit per (folded) pair of first two bytes some key can start with; a one-byte key sets
    /// every pair of its byte.
    private let pairs: UnsafeMutablePointer<UInt64>

    /// Builds a trie from child dictionaries (`children[node][byte] = child`) and node values.
    init(children: [[UInt8: Int32]], values nodeValues: [Int32], foldsCase: Bool) {
        self.foldsCase = foldsCase
        let nodeCount = nodeValues.count
        let totalEdges = children.reduce(0) { $0 + $1.count }
        root = .allocate(capacity: 256)
        root.initialize(repeating: -1, count: 256)
        firstBytes = .allocate(capacity: 256)
        firstBytes.initialize(repeating: false, count: 256)
        pairs = .allocate(capacity: 1024)
        pairs.initialize(repeating: 0, count: 1024)
        nodes = .allocate(capacity: nodeCount)
        edgeBytes = .allocate(capacity: max(totalEdges, 1))
        edgeTargets = .allocate(capacity: max(totalEdges, 1))
        var next = 0
        for node in 0..<nodeCount {
            let edges = children[node].sorted(by: { $0.key < $1.key })
            nodes[node] = Node(edgeStart: Int32(next), edgeCount: Int32(edges.count), value: nodeValues[node],
                               firstTarget: edges.first?.value ?? -1, firstByte: edges.first?.key ?? 0)
            for (byte, child) in edges {
                edgeBytes[next] = byte
                edgeTargets[next] = child
                next += 1
            }
        }
        for (byte, child) in children[0] {
            root[Int(byte)] = child
            firstBytes[Int(byte)] = true
            if foldsCase, byte >= 0x61, byte <= 0x7A { firstBytes[Int(byte) - 0x20] = true }
            let seconds: [UInt8] = nodeValues[Int(child)] >= 0 ? Array(0...255) : Array(children[Int(child)].keys)
            for second in seconds {
                let index = Int(byte) << 8 | Int(second)
                pairs[index >> 6] |= 1 << UInt64(index & 63)
            }
        }
    }

    /// Frees the storage; the owner calls this exactly once, when no parser can use the trie any more.
    func deallocate() {
        root.deallocate()
        firstBytes.deallocate()
        pairs.deallocate()
        nodes.deallocate()
        edgeBytes.deallocate()
        edgeTargets.deallocate()
    }

    /// Whether some key starts with `byte` (after folding, for a case-folding trie).
    @inline(__always)
    func canStart(with byte: UInt8) -> Bool { firstBytes[Int(byte)] }

    /// Whether some key can start at `start`, judged by its first two bytes.
    @inline(__always)
    func mayMatch(_ base: UnsafeRawPointer, at start: Int, end: Int) -> Bool {
        let first = fold(base.load(fromByteOffset: start, as: UInt8.self))
        let second = start + 1 < end ? fold(base.load(fromByteOffset: start + 1, as: UInt8.self)) : 0
        let index = Int(first) << 8 | Int(second)
        return pairs[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    private func fold(_ byte: UInt8) -> UInt8 {
        foldsCase && byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The longest key that is a prefix of `base[start..<end]`. With `wordBoundary`, a key whose
    /// last byte is a word character only matches when the next input byte is not one.
    @inline(__always)
    func longestMatch(_ base: UnsafeRawPointer, from start: Int, to end: Int, wordBoundary: Bool = false) -> Match? {
        longestMatch(base, from: start, to: end, wordBoundary: wordBoundary, resumingAt: 0, after: start)
    }

    /// ``longestMatch(_:from:to:wordBoundary:)`` when `base[start..<position]` is known to lead
    /// to `node` (``node(after:)``): the walk goes on from there instead of reading those bytes again.
    @inline(__always)
    func longestMatch(_ base: UnsafeRawPointer, from start: Int, to end: Int, wordBoundary: Bool,
                      resumingAt node: Int32, after position: Int) -> Match? {
        var position = position
        var node = node
        var best: Match?
        if position > start, let value = boundedValue(of: node, base, at: position, end: end, wordBoundary: wordBoundary) {
            best = Match(length: position - start, value: value)
        }
        while position < end {
            let byte = fold(base.load(fromByteOffset: position, as: UInt8.self))
            let child = node == 0 ? root[Int(byte)] : self.child(of: node, byte: byte)
            if child < 0 { break }
            node = child
            position += 1
            if let value = boundedValue(of: node, base, at: position, end: end, wordBoundary: wordBoundary) {
                best = Match(length: position - start, value: value)
            }
        }
        return best
    }

    /// The value of the key ending at `node`, its last byte just before `position`, when it has one
    /// (and, with `wordBoundary`, does not end inside a word).
    @inline(__always)
    private func boundedValue(of node: Int32, _ base: UnsafeRawPointer, at position: Int, end: Int,
                              wordBoundary: Bool) -> Int32? {
        let value = nodes[Int(node)].value
        guard value >= 0 else { return nil }
        if wordBoundary, ByteClass.isWord(base.load(fromByteOffset: position - 1, as: UInt8.self)), position < end,
           ByteClass.isWord(base.load(fromByteOffset: position, as: UInt8.self)) {
            return nil
        }
        return value
    }

    /// The node that `key` leads to from the root, or nil when no key starts with it. For building
    /// tables that resume a match, not for the hot path.
    func node(after key: [UInt8]) -> Int32? {
        var node: Int32 = 0
        for byte in key {
            let folded = fold(byte)
            node = node == 0 ? root[Int(folded)] : child(of: node, byte: folded)
            if node < 0 { return nil }
        }
        return node
    }

    @inline(__always)
    private func child(of node: Int32, byte: UInt8) -> Int32 {
        let info = nodes[Int(node)]
        if info.firstByte == byte { return info.firstTarget }
        guard info.edgeCount > 1 else { return -1 }
        var index = Int(info.edgeStart) + 1
        let last = Int(info.edgeStart) + Int(info.edgeCount)
        while index < last {
            if edgeBytes[index] == byte { return edgeTargets[index] }
            index += 1
        }
        return -1
    }
}
