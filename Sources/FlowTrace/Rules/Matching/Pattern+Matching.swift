import CPCRE2

extension Pattern {
    /// Finds the first (leftmost) match in `bytes`, which may hold any bytes: invalid UTF-8 and NUL never
    /// match a pattern item but do not stop matching around them.
    ///
    /// Does not allocate in steady state: offsets go to `scratch`, which the returned ``Match`` views.
    /// Costs bounded time: when the scratch's limits are hit the outcome is ``MatchOutcome/limitExceeded``.
    @inline(__always)
    public func firstMatch(in bytes: UnsafeRawBufferPointer, scratch: inout MatchScratch) -> MatchOutcome {
        let status = matchStatus(in: bytes, scratch: scratch)
        guard status > 0 else { return Self.outcome(ofFailure: status) }
        let start = scratch.ovector[0]
        let end = scratch.ovector[1]
        let range = TextRange(start: start, count: max(0, end - start))
        return .match(Match(range: range, pattern: self, scratch: scratch))
    }

    /// Matches `bytes` as ``firstMatch(in:scratch:)`` does and returns PCRE2's status, leaving the
    /// offsets in `scratch.ovector`: for a caller that reads them at once, with no ``Match`` to make.
    @inline(__always)
    func matchStatus(in bytes: UnsafeRawBufferPointer, scratch: MatchScratch) -> Int32 {
        scratch.reserve(groups: captureCount)
        scratch.generation &+= 1
        let subject = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            ?? UnsafePointer(scratch.emptySubject)
        if isJIT {
            return pcre2_jit_match_8(code, subject, bytes.count, 0, 0, scratch.matchData, scratch.matchContext)
        }
        return pcre2_match_8(code, subject, bytes.count, 0, 0, scratch.matchData, scratch.matchContext)
    }

    /// The outcome for a status that is not a match. Anything but "no match" means PCRE2 gave up; besides
    /// the limits, nothing else can fail for the calls made here (the ovector is always large enough).
    static func outcome(ofFailure status: Int32) -> MatchOutcome {
        switch status {
        case PCRE2_ERROR_NOMATCH:
            return .noMatch
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT,
            PCRE2_ERROR_NOMEMORY:
            return .limitExceeded
        default:
            assertionFailure("unexpected PCRE2 match status \(status): \(errorMessage(status))")
            return .limitExceeded
        }
    }
}
