import CPCRE2

/// The reusable working memory of matching: PCRE2 match data (the offsets of the last match), a match
/// context holding the limits, and a JIT stack. Create one per thread and pass it to every
/// ``Pattern/firstMatch(in:scratch:)`` call of that thread, for any number of patterns.
///
/// Not thread-safe: a scratch must never be used by two threads at once. A ``Match`` reads its offsets from
/// the scratch, so it is valid only until the next match with the same scratch.
///
/// The limits bound the time and memory one match may take, so that a catastrophic pattern on a hostile
/// line costs a bounded amount of work and is reported as ``MatchOutcome/limitExceeded``.
public final class MatchScratch {
    /// PCRE2's match limit: how many times its internal `match()` may be called (or, with the JIT, a
    /// similar count of backtracking steps) in one match attempt.
    public let matchLimit: Int
    /// PCRE2's depth limit: how deep backtracking may nest in the interpreter (the JIT ignores it; its
    /// stack size bounds it instead). Each repetition of a group can nest a level, so with the interpreter a
    /// group repeated thousands of times on one long line reaches the default.
    public let depthLimit: Int
    /// The largest size, in bytes, the JIT stack may grow to.
    public let jitStackSize: Int

    let matchContext: OpaquePointer
    let jitStack: OpaquePointer?
    private(set) var matchData: OpaquePointer
    /// PCRE2's offset vector inside `matchData`: start and end of the match, then of each group.
    private(set) var ovector: UnsafeMutablePointer<Int>
    /// How many groups (besides the whole match) `matchData` has room for.
    private(set) var groupCapacity: Int
    /// Counts match calls; a ``Match`` remembers the count it was made at, to refuse being read after the next.
    var generation: UInt64 = 0
    /// One byte standing in for the subject when a line is empty and its buffer has no address.
    let emptySubject: UnsafeMutablePointer<UInt8>

    /// - Parameters:
    ///   - patterns: patterns this scratch will match, to size its match data once (it grows on demand too).
    ///   - matchLimit: see ``matchLimit``; PCRE2's default is 10 million.
    ///   - depthLimit: see ``depthLimit``.
    ///   - jitStackSize: the largest JIT stack, in bytes (at least 32 KiB).
    public init(
        for patterns: [Pattern] = [], matchLimit: Int = 1_000_000, depthLimit: Int = 10_000,
        jitStackSize: Int = 1 << 20
    ) {
        self.matchLimit = max(1, matchLimit)
        self.depthLimit = max(1, depthLimit)
        self.jitStackSize = max(32 << 10, jitStackSize)
        guard let context = pcre2_match_context_create_8(nil) else { fatalError("out of memory for PCRE2") }
        matchContext = context
        pcre2_set_match_limit_8(context, UInt32(clamping: self.matchLimit))
        pcre2_set_depth_limit_8(context, UInt32(clamping: self.depthLimit))
        jitStack = pcre2_jit_stack_create_8(32 << 10, self.jitStackSize, nil)
        if let jitStack {
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
        }
        groupCapacity = max(15, patterns.map(\.captureCount).max() ?? 0)
        (matchData, ovector) = Self.makeMatchData(groups: groupCapacity)
        emptySubject = .allocate(capacity: 1)
        emptySubject.initialize(to: 0)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        emptySubject.deallocate()
    }

    /// Makes room for `groups` capturing groups: a no-op in steady state, one allocation the first time a
    /// pattern with more groups than any before is matched.
    @inline(__always)
    func reserve(groups: Int) {
        if groups > groupCapacity { grow(to: groups) }
    }

    private func grow(to groups: Int) {
        pcre2_match_data_free_8(matchData)
        groupCapacity = groups
        (matchData, ovector) = Self.makeMatchData(groups: groups)
    }

    private static func makeMatchData(groups: Int) -> (OpaquePointer, UnsafeMutablePointer<Int>) {
        guard let data = pcre2_match_data_create_8(UInt32(groups + 1), nil) else {
            fatalError("out of memory for PCRE2 match data")
        }
        return (data, pcre2_get_ovector_pointer_8(data))
    }
}
