extension Array where Element == Int {
    /// Removes the first element equal to `number`, if any: for the correlator's lists of trace
    /// numbers that hold each number once at most. `removeAll(where:)` goes through the generic
    /// `replaceSubrange` and costs several times as much.
    mutating func removeOccurrence(of number: Int) {
        guard let index = firstIndex(of: number) else { return }
        remove(at: index)
        assert(self[index...].firstIndex(of: number) == nil, "trace \(number) was listed twice")
    }
}
