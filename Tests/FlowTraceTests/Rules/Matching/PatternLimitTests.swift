import Testing
@testable import FlowTrace

extension MatchingTests {
/// Catastrophic backtracking costs bounded time and is reported as `.limitExceeded`, with either engine.
@Suite struct PatternLimitTests {
    /// Patterns that backtrack exponentially on `unit` repeated to n characters, then `end`.
    static let catastrophic: [(pattern: String, unit: String, end: String)] = [
        (#"(a+)+$"#, "a", "!"),
        (#"(x+x+)+y"#, "x", " y"),
        (#"^(\w+\s?)*$"#, "word ", "#"),
        (#"(?<user>(\w|\w\w)+)@"#, "u", " @"),
    ]

    @Test(arguments: [40, 100], [true, false])
    func catastrophicPatternStopsQuickly(length: Int, jit: Bool) throws {
        for (source, unit, end) in Self.catastrophic {
            let pattern = try Pattern(source, caseInsensitive: false, location: nil, jit: jit)
            var scratch = MatchScratch(for: [pattern])
            let line = Array((String(repeating: unit, count: length / unit.count) + end).utf8)
            let clock = ContinuousClock()
            var found = Found.noMatch
            let elapsed = clock.measure { found = pattern.find(in: line, scratch: &scratch) }
            #expect(found == .limitExceeded, "/\(source)/ on \(length) characters, jit \(jit)")
            #expect(elapsed < .seconds(1), "/\(source)/ took \(elapsed)")
            // The scratch is still good for ordinary matches afterwards.
            let ordinary = try Pattern(#"(?<word>\w+)$"#)
            #expect(ordinary.find(in: Array("ok done".utf8), scratch: &scratch).groups == ["done"])
        }
    }

    @Test(arguments: [true, false]) func smallerLimitStopsSooner(jit: Bool) throws {
        let pattern = try Pattern(#"(a|aa)+$"#, caseInsensitive: false, location: nil, jit: jit)
        let line = Array((String(repeating: "a", count: 18) + "!").utf8)
        var generous = MatchScratch()
        #expect(pattern.find(in: line, scratch: &generous) == .noMatch)
        var tight = MatchScratch(matchLimit: 200)
        #expect(pattern.find(in: line, scratch: &tight) == .limitExceeded)
    }

    @Test func depthLimitStopsTheInterpreter() throws {
        // Each repetition of a group nests one backtracking frame: 5 000 of them exceed a depth of 100.
        let pattern = try Pattern(#"(?:a(?=a*))*b"#, caseInsensitive: false, location: nil, jit: false)
        let line = Array((String(repeating: "a", count: 5_000) + "b").utf8)
        var scratch = MatchScratch(depthLimit: 100)
        #expect(pattern.find(in: line, scratch: &scratch) == .limitExceeded)
        var roomy = MatchScratch(matchLimit: 10_000_000, depthLimit: 1_000_000)
        #expect(pattern.find(in: line, scratch: &roomy).range == TextRange(start: 0, count: 5_001))
    }

    @Test func jitStackLimitIsALimitToo() throws {
        let pattern = try Pattern(#"(?:(a)|b)*c"#)
        try #require(pattern.isJIT)
        let line = Array((String(repeating: "ab", count: 200_000) + "c").utf8)
        var small = MatchScratch(jitStackSize: 32 << 10)
        #expect(pattern.find(in: line, scratch: &small) == .limitExceeded)
        var large = MatchScratch(matchLimit: 100_000_000, jitStackSize: 64 << 20)
        #expect(pattern.find(in: line, scratch: &large).range?.count == 400_001)
    }
}
}
