/// Myers' O(ND) difference algorithm on two sequences of keys: the shortest edit script, as a
/// list of equal pairs, deletions (only in the left) and insertions (only in the right), in order.
public enum SequenceAligner {
    /// One operation of an edit script; indices are into the left and right sequences.
    public enum Edit: Equatable, Sendable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// An edit script, and whether it is only approximate: past ``maxDistance`` edits the middle
    /// of the sequences (between their common start and end) is aligned by ``GreedyAligner``.
    public struct Alignment: Equatable, Sendable {
        public var edits: [Edit]
        public var isApproximate: Bool
    }

    /// Edit distances beyond this stop the search, so memory stays within `maxDistance²`
    /// integers (32 MB): the alignment is then greedy and may miss matches.
    public static let maxDistance = 2_000

    /// The shortest edit script, or a greedy one past ``maxDistance`` edits.
    public static func align(_ left: [UInt64], _ right: [UInt64]) -> [Edit] {
        alignment(left, right).edits
    }

    /// The edit script with a word on whether it is the shortest.
    public static func alignment(_ left: [UInt64], _ right: [UInt64]) -> Alignment {
        // Common prefix and suffix first: flows usually share most of their start and end.
        var prefix = 0
        while prefix < left.count, prefix < right.count, left[prefix] == right[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < left.count - prefix, suffix < right.count - prefix,
              left[left.count - 1 - suffix] == right[right.count - 1 - suffix] { suffix += 1 }
        var edits = (0..<prefix).map { Edit.equal($0, $0) }
        let middleLeft = Array(left[prefix..<(left.count - suffix)])
        let middleRight = Array(right[prefix..<(right.count - suffix)])
        let shortest = middle(middleLeft, middleRight)
        for edit in shortest ?? GreedyAligner.align(middleLeft, middleRight) {
            switch edit {
            case .equal(let i, let j): edits.append(.equal(i + prefix, j + prefix))
            case .delete(let i): edits.append(.delete(i + prefix))
            case .insert(let j): edits.append(.insert(j + prefix))
            }
        }
        for offset in (0..<suffix).reversed() {
            edits.append(.equal(left.count - 1 - offset, right.count - 1 - offset))
        }
        return Alignment(edits: edits, isApproximate: shortest == nil)
    }

    /// The shortest edit script of `a` and `b`, or nil when it takes more than ``maxDistance`` edits.
    private static func middle(_ a: [UInt64], _ b: [UInt64]) -> [Edit]? {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let limit = min(n + m, maxDistance)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var history: [[Int]] = []
        var found: Int?
        search: for d in 0...limit {
            history.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = d; break search }
            }
        }
        guard let distance = found else { return nil }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: distance, through: 0, by: -1) {
            let snapshot = history[d]
            func value(_ k: Int) -> Int { snapshot[k + d] }
            let k = x - y
            if d == 0 {
                while x > 0 && y > 0 { x -= 1; y -= 1; edits.append(.equal(x, y)) }
                break
            }
            let previousK = (k == -d || (k != d && value(k - 1) < value(k + 1))) ? k + 1 : k - 1
            let previousX = value(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY { x -= 1; y -= 1; edits.append(.equal(x, y)) }
            if x == previousX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
        }
        return edits.reversed()
    }
}
