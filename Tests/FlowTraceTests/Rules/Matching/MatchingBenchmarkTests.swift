import Foundation
import Testing
@testable import FlowTrace

extension MatchingTests {
/// Cost of one `firstMatch` (JIT and interpreter, matching and not) and of the prefilter, per ~150-byte log
/// line. Runs only when `FLOWTRACE_BENCH` is set, and is meaningful only in release mode:
/// `FLOWTRACE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter MatchingBenchmark`
///
/// With a malloc-counting library preloaded that exports `unsigned long fmt_malloc_count(void)` (see
/// `ParseBenchmarkTests`), it also checks that matching and screening allocate nothing in steady state.
@Suite struct MatchingBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["FLOWTRACE_BENCH"] != nil

    static let rule = #"Using (?<client>ANON|SERVICE) client for (?<operation>\w+) on (?<table>\w+)"#
    /// Lines the rule matches (the match is near the end, as in real lines).
    static let matching = [
        "2025-03-02T10:14:07.331Z INFO  api-7f9c 🔓 [DATABASE] Using ANON client for select on users (request 7f3c2a91-5b1e-4d2f) 12ms",
        "2025-03-02T10:14:07.398Z INFO  api-7f9c 🔒 [DATABASE] Using SERVICE client for insert on generations (request 7f3c2a91-5b1e) 8ms",
    ]
    /// Lines it does not match, of the same length and alphabet.
    static let nonMatching = [
        "2025-03-02T10:14:07.412Z INFO  worker-2 [WORKER] generation 3f2a9b1c progress 42% step=render frames=120/300 elapsed 1532ms",
        "2025-03-02T10:14:07.455Z WARN  api-7f9c ⚠️ [SUPABASE] slow query on generations: select * from generations where 1 took 812ms",
    ]

    @Test(.enabled(if: enabled)) func matchingAndScreeningCost() throws {
        let jit = try Pattern(Self.rule)
        let interpreted = try Pattern(Self.rule, caseInsensitive: false, location: nil, jit: false)
        #expect(jit.isJIT && !interpreted.isJIT)
        let prefilter = try #require(LiteralPrefilter(for: [jit]))
        var scratch = MatchScratch(for: [jit])
        let rounds = 1_000_000
        print("matching benchmark: \(Self.rule) — prefilter \(prefilter.literals)")
        for (name, lines) in [("matching", Self.matching), ("non-matching", Self.nonMatching)] {
            let bytes = lines.map { Array($0.utf8) }
            let length = bytes.map(\.count).reduce(0, +) / bytes.count
            for (engine, pattern) in [("JIT", jit), ("interpreter", interpreted)] {
                var count = 0
                let ns = Self.nanosecondsPerCall(rounds: rounds, lines: bytes) { line in
                    if case .match = pattern.firstMatch(in: line, scratch: &scratch) { count &+= 1 }
                }
                #expect((count > 0) == (name == "matching"))
                print(String(format: "  firstMatch %@ %@ %d-byte line: %.1f ns", engine, name, length, ns))
            }
            var passed = 0
            let ns = Self.nanosecondsPerCall(rounds: rounds, lines: bytes) { line in
                if prefilter.mayMatch(line) { passed &+= 1 }
            }
            #expect((passed > 0) == (name == "matching"))
            print(String(format: "  prefilter %@ %d-byte line: %.1f ns", name, length, ns))
            let groupRead = Self.nanosecondsPerCall(rounds: rounds, lines: bytes) { line in
                if let match = jit.firstMatch(in: line, scratch: &scratch).match {
                    passed &+= Int(match.range(ofGroup: 2)?.count ?? 0)
                }
            }
            if name == "matching" {
                print(String(format: "  firstMatch JIT + reading a group %d-byte line: %.1f ns", length, groupRead))
            }
        }
        try checkNoAllocations(jit: jit, interpreted: interpreted, prefilter: prefilter, scratch: &scratch)
    }

    /// When a malloc counter is preloaded: no allocation per call once the scratch exists.
    private func checkNoAllocations(jit: Pattern, interpreted: Pattern, prefilter: LiteralPrefilter,
                                    scratch: inout MatchScratch) throws {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fmt_malloc_count") else {
            print("  (no malloc counter preloaded: allocations not counted)")
            return
        }
        let count = unsafeBitCast(symbol, to: (@convention(c) () -> UInt).self)
        let lines = (Self.matching + Self.nonMatching).map { Array($0.utf8) }
        var checksum = 0
        let before = count()
        for line in lines {
            line.withUnsafeBytes { bytes in
                for _ in 0..<10_000 {
                    for pattern in [jit, interpreted] {
                        if let match = pattern.firstMatch(in: bytes, scratch: &scratch).match {
                            checksum &+= Int(match.range(ofGroup: 1)?.count ?? 0)
                        }
                    }
                    if prefilter.mayMatch(bytes) { checksum &+= 1 }
                }
            }
        }
        let allocations = count() - before
        print("  allocations in \(lines.count * 10_000 * 3) calls: \(allocations) (checksum \(checksum))")
        #expect(allocations == 0)
    }

    /// Best of 5, in thread CPU time, of `rounds` calls spread over `lines`.
    static func nanosecondsPerCall(rounds: Int, lines: [[UInt8]], _ body: (UnsafeRawBufferPointer) -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = ParseBenchmarkTests.threadCPUSeconds()
            for line in lines {
                line.withUnsafeBytes { bytes in
                    for _ in 0..<(rounds / lines.count) { body(bytes) }
                }
            }
            best = min(best, (ParseBenchmarkTests.threadCPUSeconds() - start) * 1e9 / Double(rounds))
        }
        return best
    }
}
}
