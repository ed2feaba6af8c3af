import Testing
@testable import FlowTrace

extension MatchingTests {
/// One scratch serves many patterns and many calls, and grows when a pattern needs more groups.
@Suite struct PatternScratchTests {
    static let patterns = [
        #"Using (?<client>ANON|SERVICE) client for (?<operation>\w+) on (?<table>\w+)"#,
        #"'code': '(?<sqlstate>\d{5})'"#,
        #"permission denied for table (?<table>\w+)"#,
        #"(?<method>GET|POST|PATCH|DELETE) (?<path>/\S*) (?<status>\d{3})"#,
    ]
    static let lines = [
        "🔓 [DATABASE] Using ANON client for select on users",
        "🔒 [DATABASE] Using SERVICE client for insert on generations",
        "{'code': '42501', 'message': 'permission denied for table generations'}",
        "INFO: 10.0.0.7 - \"POST /api/generations 201\" 12ms",
        "plain line that matches nothing at all",
        "\u{FFFD}\u{0}🎉 GET /health 200",
    ]

    @Test func reuseAcrossManyCallsGivesIdenticalResults() throws {
        for jit in [true, false] {
            let compiled = try Self.patterns.map { try Pattern($0, caseInsensitive: false, location: nil, jit: jit) }
            // Reference results, each with a fresh scratch.
            let expected = compiled.map { pattern in Self.lines.map { pattern.find(in: $0) } }
            #expect(expected.joined().contains { $0.groups != nil })
            var shared = MatchScratch(for: compiled)
            for round in 0..<500 {
                for (p, pattern) in compiled.enumerated() {
                    let l = (round &* 7 &+ p) % Self.lines.count
                    let found = pattern.find(in: Array(Self.lines[l].utf8), scratch: &shared)
                    #expect(found == expected[p][l], "round \(round), pattern \(p), line \(l)")
                }
            }
        }
    }

    @Test func scratchGrowsForAPatternWithManyGroups() throws {
        var scratch = MatchScratch()
        let small = try Pattern(#"(?<a>a)"#)
        #expect(small.find(in: Array("a".utf8), scratch: &scratch).groups == ["a"])
        let capacity = scratch.groupCapacity
        let names = (0..<(capacity + 10)).map { "g\($0)" }
        let many = try Pattern(names.map { "(?<\($0)>\\w)" }.joined(separator: "-"))
        let line = names.indices.map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined(separator: "-")
        let found = many.find(in: Array(line.utf8), scratch: &scratch)
        #expect(scratch.groupCapacity == capacity + 10)
        #expect(found.groups?.last == String(UnicodeScalar(UInt8(97 + (capacity + 9) % 26))))
        #expect(found.groups?.count == capacity + 10)
        #expect(small.find(in: Array("xa".utf8), scratch: &scratch).range == TextRange(start: 1, count: 1))
    }

    @Test func scratchSizedForItsPatternsUpFront() throws {
        let wide = try Pattern((0..<40).map { "(?<n\($0)>.)" }.joined())
        let scratch = MatchScratch(for: [wide])
        #expect(scratch.groupCapacity == 40)
    }

    @Test func matchReadsTheScratchOfItsOwnCall() throws {
        let pattern = try Pattern(#"table (?<table>\w+)"#)
        var scratch = MatchScratch()
        Array("table users".utf8).withUnsafeBytes { first in
            guard let match = pattern.firstMatch(in: first, scratch: &scratch).match else {
                Issue.record("no match")
                return
            }
            #expect(match.generation == scratch.generation)
            #expect(match.range(ofGroup: 0)?.string(in: first) == "users")
            Array("xx table orders".utf8).withUnsafeBytes { second in
                _ = pattern.firstMatch(in: second, scratch: &scratch)
            }
            // The first match is now stale: reading its groups would stop the program.
            #expect(match.generation != scratch.generation)
        }
    }

    @Test func limitsAreConfigurable() {
        let scratch = MatchScratch(matchLimit: 5_000, depthLimit: 50, jitStackSize: 64 << 10)
        #expect(scratch.matchLimit == 5_000)
        #expect(scratch.depthLimit == 50)
        #expect(scratch.jitStackSize == 64 << 10)
        #expect(scratch.jitStack != nil)
        let defaults = MatchScratch()
        #expect(defaults.matchLimit == 1_000_000)
        #expect(defaults.depthLimit == 10_000)
    }
}
}
