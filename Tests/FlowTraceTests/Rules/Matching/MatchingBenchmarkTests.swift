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

    /// A rule-like pattern with ~150-byte lines it matches (near their end, as in real logs) and lines of the
    /// same length and alphabet it does not match.
    struct Case {
        let rule: String
        let matching: [String]
        let nonMatching: [String]
    }

    static let prefix = "2025-03-02T10:14:07.331Z INFO  api-7f9c request=7f3c2a91-5b1e-4d2f-9c8a "
    static let cases = [
        Case(rule: #"Using (?<client>ANON|SERVICE) client for (?<operation>\w+) on (?<table>\w+)"#,
             matching: [prefix + "🔓 [DATABASE] Using ANON client for select on users (pool 3/10) 12ms",
                        prefix + "🔒 [DATABASE] Using SERVICE client for insert on generations (pool 4/10)"],
             nonMatching: [prefix + "[WORKER] generation 3f2a9b1c progress 42% step=render frames=120/300",
                           prefix + "⚠️ [SUPABASE] slow query on generations: select * from users took 812ms"]),
        Case(rule: #"'code': '(?<sqlstate>\d{5})'"#,
             matching: [prefix + "{'code': '42501', 'details': None, 'message': 'permission denied'}",
                        prefix + "error {'code': '23505', 'hint': None, 'message': 'duplicate key'}"],
             nonMatching: [prefix + "{'status': 'ok', 'details': None, 'message': 'row inserted', 'id': 42}",
                           prefix + "response {'count': 3, 'hint': None, 'message': 'fetched rows'} 200"]),
        Case(rule: #"(?<method>GET|POST|PATCH|DELETE) (?<path>/\S*) (?<status>[45]\d\d)"#,
             matching: [prefix + "10.0.0.7 - \"POST /api/generations 403\" Forbidden in 12ms (client 3)",
                        prefix + "10.0.0.9 - \"GET /api/users/me 500\" Internal Server Error in 8ms"],
             nonMatching: [prefix + "10.0.0.7 - \"POST /api/generations 201\" Created in 12ms (client 3)",
                           prefix + "[WORKER] generation 3f2a9b1c progress 42% step=render frames=120/300"]),
        Case(rule: #"\[(?<service>[A-Z]+)\] (?<message>.*) timed out"#,
             matching: [prefix + "[SUPABASE] select on generations (pool 3/10, 2 waiting) timed out",
                        prefix + "[WORKER] render of generation 3f2a9b1c frame 120/300 timed out after 30s"],
             nonMatching: [prefix + "[SUPABASE] select on generations (pool 3/10, 2 waiting) took 812ms",
                           prefix + "[WORKER] render of generation 3f2a9b1c frame 120/300 done after 30s"]),
    ]

    @Test(.enabled(if: enabled)) func matchingAndScreeningCost() throws {
        let rounds = 1_000_000
        for testCase in Self.cases {
            let jit = try Pattern(testCase.rule)
            let interpreted = try Pattern(testCase.rule, caseInsensitive: false, location: nil, jit: false)
            #expect(jit.isJIT && !interpreted.isJIT)
            let prefilter = try #require(LiteralPrefilter(for: [jit]))
            var scratch = MatchScratch(for: [jit])
            print("/\(testCase.rule)/ prefilter \(prefilter.literals):")
            for (name, lines) in [("matching", testCase.matching), ("non-matching", testCase.nonMatching)] {
                let bytes = lines.map { Array($0.utf8) }
                let length = bytes.map(\.count).reduce(0, +) / bytes.count
                var report = String(format: "  %-12@ %3d B:", name, length)
                for (engine, pattern) in [("JIT", jit), ("interpreter", interpreted)] {
                    var count = 0
                    let ns = Self.nanosecondsPerCall(rounds: rounds, lines: bytes) { line in
                        if case .match = pattern.firstMatch(in: line, scratch: &scratch) { count &+= 1 }
                    }
                    #expect((count > 0) == (name == "matching"))
                    report += String(format: "  firstMatch %@ %6.1f ns", engine, ns)
                }
                var passed = 0
                let ns = Self.nanosecondsPerCall(rounds: rounds, lines: bytes) { line in
                    if prefilter.mayMatch(line) { passed &+= 1 }
                }
                let passing = bytes.filter { line in line.withUnsafeBytes { prefilter.mayMatch($0) } }.count
                if name == "matching" { #expect(passing == bytes.count) }
                report += String(format: "  prefilter %5.1f ns (passes %d of %d)", ns, passing, bytes.count)
                #expect(passed >= 0)
                print(report)
            }
            try checkNoAllocations(testCase, jit: jit, interpreted: interpreted, prefilter: prefilter,
                                   scratch: &scratch)
        }
    }

    /// When a malloc counter is preloaded: no allocation per call once the scratch exists.
    private func checkNoAllocations(_ testCase: Case, jit: Pattern, interpreted: Pattern,
                                    prefilter: LiteralPrefilter, scratch: inout MatchScratch) throws {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fmt_malloc_count") else {
            print("  (no malloc counter preloaded: allocations not counted)")
            return
        }
        let count = unsafeBitCast(symbol, to: (@convention(c) () -> UInt).self)
        let lines = (testCase.matching + testCase.nonMatching).map { Array($0.utf8) }
        var checksum = 0
        let before = count()
        for line in lines {
            line.withUnsafeBytes { bytes in
                for _ in 0..<10_000 {
                    for pattern in [jit, interpreted] {
                        if let match = pattern.firstMatch(in: bytes, scratch: &scratch).match {
                            checksum &+= Int(match.range(ofGroup: 0)?.count ?? 0)
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
