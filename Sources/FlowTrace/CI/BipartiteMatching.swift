/// A maximum matching in a bipartite graph by augmenting paths (Kuhn's algorithm), so that how
/// many pairs are made never depends on the order of the vertices. `flowtrace check` pairs
/// expected findings with actual ones; its graphs are small, and O(V·E) is plenty.
enum BipartiteMatching {
    /// For each left vertex, the right vertex it is paired with, or nil. `adjacency[left]` lists
    /// the right vertices (in `0..<rightCount`) it may be paired with.
    static func maximum(_ adjacency: [[Int]], rightCount: Int) -> [Int?] {
        var leftOfRight = [Int?](repeating: nil, count: rightCount)
        for left in adjacency.indices {
            var visited = [Bool](repeating: false, count: rightCount)
            _ = augment(from: left, adjacency, &leftOfRight, &visited)
        }
        var rightOfLeft = [Int?](repeating: nil, count: adjacency.count)
        for (right, left) in leftOfRight.enumerated() { if let left { rightOfLeft[left] = right } }
        return rightOfLeft
    }

    /// Finds a path from `left` that ends at a free right vertex and flips the pairs along it.
    private static func augment(from left: Int, _ adjacency: [[Int]], _ leftOfRight: inout [Int?],
                                _ visited: inout [Bool]) -> Bool {
        for right in adjacency[left] where !visited[right] {
            visited[right] = true
            if let other = leftOfRight[right], !augment(from: other, adjacency, &leftOfRight, &visited) { continue }
            leftOfRight[right] = left
            return true
        }
        return false
    }
}
