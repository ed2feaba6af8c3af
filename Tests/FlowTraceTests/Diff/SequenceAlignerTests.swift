import Testing
@testable import FlowTrace

/// Myers alignment: known scripts, and on random sequences a script that rebuilds both sides
/// with as many equal pairs as the longest common subsequence (computed the slow way).
@Suite struct SequenceAlignerTests {
    @Test func knownScripts() {
        #expect(SequenceAligner.align([1, 2, 3], [1, 2, 3]) == [.equal(0, 0), .equal(1, 1), .equal(2, 2)])
        #expect(SequenceAligner.align([1, 2, 3], [1, 3]) == [.equal(0, 0), .delete(1), .equal(2, 1)])
        #expect(SequenceAligner.align([1, 3], [1, 2, 3]) == [.equal(0, 0), .insert(1), .equal(1, 2)])
        #expect(SequenceAligner.align([], [5]) == [.insert(0)])
        #expect(SequenceAligner.align([5], []) == [.delete(0)])
        #expect(SequenceAligner.align([], []) == [])
    }

    @Test func flowsTooFarApartShareNothing() {
        let left = (0..<UInt64(3_000)).map { $0 }, right = (3_000..<UInt64(6_000)).map { $0 }
        let alignment = SequenceAligner.alignment(left + [7_000], right + [7_000])
        #expect(alignment.isApproximate)
        #expect(alignment.edits.count == 6_001)
        #expect(alignment.edits.last == .equal(3_000, 3_000))
        #expect(alignment.edits.dropLast().allSatisfy { if case .equal = $0 { false } else { true } })
        #expect(!SequenceAligner.alignment([1, 2, 3], [1, 3]).isApproximate)
    }

    /// Audit: past 2,000 edits the middle became one block of deletions and insertions, so two
    /// long flows that share every other step showed nothing in common. The greedy fallback keeps
    /// the shared steps.
    @Test func flowsTooFarApartKeepTheStepsTheyShare() {
        let left = (0..<UInt64(3_000)).map { $0 }
        let right = left.map { $0 % 2 == 0 ? $0 : $0 + 10_000 }
        let alignment = SequenceAligner.alignment(left, right)
        #expect(alignment.isApproximate)
        #expect(equalCount(alignment.edits, left, right) == 1_500)
    }

    @Test func theGreedyFallbackRebuildsBothSides() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let a = (0..<Int(generator.next() % 40)).map { _ in generator.next() % 6 }
            let b = (0..<Int(generator.next() % 40)).map { _ in generator.next() % 6 }
            _ = equalCount(GreedyAligner.align(a, b), a, b)
        }
    }

    @Test func randomSequencesAlignOptimally() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let a = (0..<Int(generator.next() % 30)).map { _ in generator.next() % 5 }
            let b = (0..<Int(generator.next() % 30)).map { _ in generator.next() % 5 }
            #expect(equalCount(SequenceAligner.align(a, b), a, b) == lcsLength(a, b))
        }
    }

    /// The equal pairs of a script, which must rebuild both sides in order.
    private func equalCount(_ edits: [SequenceAligner.Edit], _ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, equal = 0
        for edit in edits {
            switch edit {
            case .equal(let x, let y):
                #expect(x == i && y == j && a[x] == b[y])
                i += 1; j += 1; equal += 1
            case .delete(let x):
                #expect(x == i)
                i += 1
            case .insert(let y):
                #expect(y == j)
                j += 1
            }
        }
        #expect(i == a.count && j == b.count)
        return equal
    }

    private func lcsLength(_ a: [UInt64], _ b: [UInt64]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : max(table[i - 1][j], table[i][j - 1])
            }
        }
        return table[a.count][b.count]
    }
}
