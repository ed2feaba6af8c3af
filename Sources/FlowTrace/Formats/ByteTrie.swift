/// An immutable trie over bytes, compiled once from vocabulary data and matched on the hot path
/// without allocating: the root is a dense 256-entry table, deeper nodes keep their edges
/// contiguously (most have one or two).
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

    let foldsCase: Bool
    private let root: UnsafeMutablePointer<Int32>
    private let edgeStart: UnsafeMutablePointer<Int32>
    private let edgeCount: UnsafeMutablePointer<Int32>
    private let edgeBytes: UnsafeMutablePointer<UInt8>
    private let edgeTargets: UnsafeMutablePointer<Int32>
    private let values: UnsafeMutablePointer<Int32>
    /// Whether any key starts with the byte, for cheap screening.
    private let firstBytes: UnsafeMutablePointer<Bool>
    let isEmpty: Bool

    /// Builds a trie from child dictionaries (`children[node][byte] = child`) and node values.
    init(children: [[UInt8: Int32]], values nodeValues: [Int32], foldsCase: Bool) {
        self.foldsCase = foldsCase
        let nodeCount = nodeValues.count
        let totalEdges = children.reduce(0) { $0 + $1.count }
        root = .allocate(capacity: 256)
        root.initialize(repeating: -1, count: 256)
        firstBytes = .allocate(capacity: 256)
        firstBytes.initialize(repeating: false, count: 256)
        edgeStart = .allocate(capacity: nodeCount)
        edgeCount = .allocate(capacity: nodeCount)
        edgeBytes = .allocate(capacity: max(totalEdges, 1))
        edgeTargets = .allocate(capacity: max(totalEdges, 1))
        values = .allocate(capacity: nodeCount)
        var next = 0
        for node in 0..<nodeCount {
            values[node] = nodeValues[node]
            edgeStart[node] = Int32(next)
            edgeCount[node] = Int32(children[node].count)
            for (byte, child) in children[node].sorted(by: { $0.key < $1.key }) {
                edgeBytes[next] = byte
                edgeTargets[next] = child
                next += 1
                if node == 0 {
                    root[Int(byte)] = child
                    firstBytes[Int(byte)] = true
                    if foldsCase, byte >= 0x61, byte <= 0x7A { firstBytes[Int(byte) - 0x20] = true }
                }
            }
        }
        isEmpty = totalEdges == 0
    }

    /// Frees the storage; the owner calls this exactly once, when no parser can use the trie any more.
    func deallocate() {
        root.deallocate()
        firstBytes.deallocate()
        edgeStart.deallocate()
        edgeCount.deallocate()
        edgeBytes.deallocate()
        edgeTargets.deallocate()
        values.deallocate()
    }

    /// Whether some key starts with `byte` (after folding, for a case-folding trie).
    @inline(__always)
    func canStart(with byte: UInt8) -> Bool { firstBytes[Int(byte)] }

    /// The longest key that is a prefix of `base[start..<end]`. With `wordBoundary`, a key whose
    /// last byte is a word character only matches when the next input byte is not one.
    @inline(__always)
    func longestMatch(_ base: UnsafeRawPointer, from start: Int, to end: Int, wordBoundary: Bool = false) -> Match? {
        var position = start
        var node: Int32 = 0
        var best: Match?
        while position < end {
            var byte = base.load(fromByteOffset: position, as: UInt8.self)
            if foldsCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            let child = node == 0 ? root[Int(byte)] : self.child(of: node, byte: byte)
            if child < 0 { break }
            node = child
            position += 1
            let value = values[Int(node)]
            if value >= 0 {
                if !wordBoundary || !ByteClass.isWord(byte) || position >= end
                    || !ByteClass.isWord(base.load(fromByteOffset: position, as: UInt8.self)) {
                    best = Match(length: position - start, value: value)
                }
            }
        }
        return best
    }

    @inline(__always)
    private func child(of node: Int32, byte: UInt8) -> Int32 {
        let first = Int(edgeStart[Int(node)])
        let last = first + Int(edgeCount[Int(node)])
        var index = first
        while index < last {
            if edgeBytes[index] == byte { return edgeTargets[index] }
            index += 1
        }
        return -1
    }
}
