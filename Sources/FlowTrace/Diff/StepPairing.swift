/// Pairs the steps of a run that only the left flow took with those only the right flow took,
/// where they are the same step with other words or values: a replacement is a deletion and an
/// insertion of similar steps. Like difflib, the most similar pair splits the run and each side
/// is paired again, so pairs never cross.
enum StepPairing {
    /// Steps are paired from this similarity (Dice coefficient of template words) up.
    static let threshold = 0.6
    /// Runs longer than this are not paired (the search is quadratic).
    static let maxRun = 256

    static func pair(_ deleted: [Int], _ inserted: [Int], _ left: [FlowStep], _ right: [FlowStep]) -> [AlignedPair] {
        guard !deleted.isEmpty || !inserted.isEmpty else { return [] }
        guard !deleted.isEmpty, !inserted.isEmpty, deleted.count <= maxRun, inserted.count <= maxRun else {
            return unpaired(deleted[...], inserted[...])
        }
        let leftWords = deleted.map { words(left[$0]) }
        let rightWords = inserted.map { words(right[$0]) }
        var output: [AlignedPair] = []
        func solve(_ a: Range<Int>, _ b: Range<Int>) {
            var best: (Double, Int, Int)?
            for i in a {
                for j in b where left[deleted[i]].tag == right[inserted[j]].tag {
                    let score = similarity(leftWords[i], rightWords[j])
                    if score >= threshold, score > (best?.0 ?? 0) { best = (score, i, j) }
                }
            }
            guard let (_, i, j) = best else {
                output += unpaired(deleted[a], inserted[b])
                return
            }
            solve(a.lowerBound..<i, b.lowerBound..<j)
            output.append(FlowDiff.compare(deleted[i], inserted[j], left, right))
            solve((i + 1)..<a.upperBound, (j + 1)..<b.upperBound)
        }
        solve(0..<deleted.count, 0..<inserted.count)
        return output
    }

    private static func unpaired(_ deleted: ArraySlice<Int>, _ inserted: ArraySlice<Int>) -> [AlignedPair] {
        deleted.map { AlignedPair(kind: .missing, left: $0, right: nil) }
            + inserted.map { AlignedPair(kind: .extra, left: nil, right: $0) }
    }

    /// The words of a step's template, counted; a `key=value` word counts as its key (`key=`):
    /// its value is the step's data, as a masked number is, so two short `key=value` lines with
    /// the same keys are one step with other values, not two different steps.
    static func words(_ step: FlowStep) -> [Substring: Int] {
        var counts: [Substring: Int] = [:]
        for word in step.template.split(separator: " ") { counts[parameterKey(word) ?? word, default: 0] += 1 }
        return counts
    }

    /// `key=` of a `key=value` word whose key is a name (letters, digits, `_`, `-`, `.`), else nil.
    static func parameterKey(_ word: Substring) -> Substring? {
        guard let equals = word.firstIndex(of: "="), equals > word.startIndex else { return nil }
        let key = word[..<equals]
        guard key.utf8.allSatisfy({ StepMasker.isWordByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        return word[...equals]
    }

    /// Twice the shared words over all words.
    static func similarity(_ a: [Substring: Int], _ b: [Substring: Int]) -> Double {
        var shared = 0, total = 0
        for (word, count) in a {
            shared += min(count, b[word] ?? 0)
            total += count
        }
        for (_, count) in b { total += count }
        return total == 0 ? 1 : Double(2 * shared) / Double(total)
    }
}
