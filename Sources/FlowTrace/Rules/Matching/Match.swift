/// A successful match: the byte range of the whole match and of each named group, relative to the bytes
/// that were matched.
///
/// A lightweight view over the ``MatchScratch`` that produced it (no allocation). ``range`` is a copy and
/// stays valid; group ranges are read from the scratch, so they must be read before its next match: reading
/// one afterwards stops the program rather than answer with another match's offsets.
public struct Match {
    /// The whole match.
    public let range: TextRange
    let pattern: Pattern
    let scratch: MatchScratch
    let generation: UInt64

    init(range: TextRange, pattern: Pattern, scratch: MatchScratch) {
        self.range = range
        self.pattern = pattern
        self.scratch = scratch
        self.generation = scratch.generation
    }

    /// The range of the named group at `index` in the pattern's ``Pattern/groupNames``, or nil when that
    /// group took no part in the match (e.g. an optional group).
    @inline(__always)
    public func range(ofGroup index: Int) -> TextRange? {
        precondition(generation == scratch.generation, "a Match was read after its scratch matched again")
        let number = pattern.groupNumbers[index]
        let start = scratch.ovector[2 * number]
        let end = scratch.ovector[2 * number + 1]
        // PCRE2_UNSET (all bits set) marks a group that took no part; it imports as -1.
        guard start >= 0, end >= start else { return nil }
        return TextRange(start: start, count: end - start)
    }

    /// The range of the group called `name`, or nil when there is no such group or it took no part in the
    /// match. With duplicate names, the first group of that name that matched. Looks the name up; on the hot
    /// path resolve it once with ``Pattern/groupIndex(named:)`` and use ``range(ofGroup:)-(Int)``.
    public func range(ofGroup name: String) -> TextRange? {
        var found: TextRange?
        for (index, groupName) in pattern.groupNames.enumerated() where groupName == name {
            found = range(ofGroup: index)
            if found != nil { break }
        }
        return found
    }
}
