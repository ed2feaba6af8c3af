import Foundation
import Testing
import FlowTrace

/// Parse speed on a realistic mix of lines. Runs only when `FLOWTRACE_BENCH` is set, and is
/// meaningful only in release mode:
/// `FLOWTRACE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ParseBenchmark`
/// (`FLOWTRACE_BENCH=detail` times each kind of line; `FLOWTRACE_BENCH_TEMPLATE=n` only the n-th).
///
/// To check that steady-state parsing does not allocate, preload a shared library that counts
/// `malloc`/`realloc`/`posix_memalign` calls and exports `unsigned long fmt_malloc_count(void)`
/// (`LD_PRELOAD=./libcount.so`); the test then counts the allocations of one more pass.
@Suite struct ParseBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["FLOWTRACE_BENCH"] != nil

    @Test(.enabled(if: enabled)) func parseSpeedOnAMixedLog() throws {
        let vocabulary = try FormatVocabulary.builtin()
        let corpus = BenchmarkCorpus.make(targetBytes: 64 << 20)
        var parser = LineParser(vocabulary: vocabulary)
        var checksum = 0
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        var bestCPU = Double.infinity
        for _ in 0..<5 {
            let cpuBefore = Self.threadCPUSeconds()
            let elapsed = clock.measure {
                corpus.bytes.withUnsafeBytes { buffer in
                    for (start, end) in corpus.lines {
                        let line = RawLine(bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), number: 1,
                                           byteOffset: Int64(start), fullLength: end - start)
                        let event = parser.parse(line)
                        checksum &+= Int(event.layout.rawValue) &+ Int(event.status.rawValue) &+ event.tags.count
                    }
                }
            }
            best = min(best, elapsed)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpuBefore)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let nanosecondsPerLine = seconds * 1e9 / Double(corpus.lines.count)
        let megabytesPerSecond = Double(corpus.bytes.count) / seconds / 1e6
        print("""
            parse benchmark: \(corpus.lines.count) lines, \(corpus.bytes.count) bytes, \
            best of 5 \(String(format: "%.3f", seconds)) s: \(String(format: "%.1f", nanosecondsPerLine)) ns/line, \
            \(String(format: "%.0f", megabytesPerSecond)) MB/s; thread CPU time \(String(format: "%.3f", bestCPU)) s: \
            \(String(format: "%.1f", bestCPU * 1e9 / Double(corpus.lines.count))) ns/line, \
            \(String(format: "%.0f", Double(corpus.bytes.count) / bestCPU / 1e6)) MB/s (checksum \(checksum))
            """)
        #expect(checksum != 0)
        // With a malloc-counting shim preloaded (exporting `fmt_malloc_count`), count the
        // allocations of one more pass in steady state: there must be none.
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fmt_malloc_count") {
            let count = unsafeBitCast(symbol, to: (@convention(c) () -> UInt).self)
            let before = count()
            corpus.bytes.withUnsafeBytes { buffer in
                for (start, end) in corpus.lines {
                    let line = RawLine(bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), number: 1,
                                       byteOffset: Int64(start), fullLength: end - start)
                    checksum &+= Int(parser.parse(line).layout.rawValue)
                }
            }
            let allocations = count() - before
            print("allocations during \(corpus.lines.count) parses: \(allocations)")
            #expect(allocations == 0)
        }
    }

    /// Per-template cost, to see which layouts are expensive (`FLOWTRACE_BENCH=detail`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLOWTRACE_BENCH"] == "detail"))
    func parseSpeedPerTemplate() throws {
        let vocabulary = try FormatVocabulary.builtin()
        var parser = LineParser(vocabulary: vocabulary)
        let only = ProcessInfo.processInfo.environment["FLOWTRACE_BENCH_TEMPLATE"].flatMap { Int($0) }
        for (index, template) in BenchmarkCorpus.templates(count: 1).enumerated() where only == nil || only == index {
            var line = template
            let before = Self.threadCPUSeconds()
            let rounds = only == nil ? 20_000 : 2_000_000
            line.withUTF8 { bytes in
                for _ in 0..<rounds {
                    _ = parser.parse(RawLine(bytes: UnsafeRawBufferPointer(bytes), number: 1, byteOffset: 0, fullLength: bytes.count))
                }
            }
            let nanoseconds = (Self.threadCPUSeconds() - before) * 1e9 / Double(rounds)
            print(String(format: "%7.1f ns %4d B  ", nanoseconds, template.utf8.count) + template.prefix(90))
        }
    }

    /// CPU time of the calling thread, so that results are comparable on a shared machine.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A synthetic log mixing every layout in realistic proportions, with varying ids and numbers.
enum BenchmarkCorpus {
    static func make(targetBytes: Int) -> (bytes: [UInt8], lines: [(Int, Int)]) {
        let templates = templates(count: 2000)
        var bytes: [UInt8] = []
        var lines: [(Int, Int)] = []
        bytes.reserveCapacity(targetBytes + 4096)
        var index = 0
        while bytes.count < targetBytes {
            let start = bytes.count
            bytes += templates[index % templates.count].utf8
            lines.append((start, bytes.count))
            bytes.append(0x0A)
            index += 1
        }
        return (bytes, lines)
    }

    /// `count` rounds of every kind of line, each round with its own ids and numbers.
    static func templates(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        func uuid() -> String { UUID().uuidString.lowercased() }
        var templates: [String] = []
        for index in 0..<count {
            let user = uuid(), generation = uuid(), request = uuid()
            let amount = Int.random(in: 1...500, using: &generator)
            let time = String(format: "07:%02d:%02d,%03d", index / 60 % 60, index % 60, index % 1000)
            templates += [
                "2025-08-02 \(time) - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check for user \(user), credits_required: \(amount)",
                "2025-08-02 \(time) - services.user_service - INFO - 💳 [USER_SERVICE] Current balance for user \(user): \(amount * 10), required: \(amount)",
                "2025-08-02 \(time) - repositories.user_repository - INFO - 👤 [USER_REPO] Getting user by ID: \(user)",
                "2025-08-02 \(time) - database - INFO - 🔑 [DATABASE] Using SERVICE client for select on users",
                "2025-08-02 \(time) - database - INFO - ✅ [DATABASE] SELECT result for users: 1 rows",
                "2025-08-02 \(time) - services.generation_service - INFO - 💳 [GENERATION] Starting credit deduction for user \(user), generation \(generation)",
                "\u{1b}[2m07:07:58\u{1b}[0m | \u{1b}[32mINFO\u{1b}[0m | services.user_service | ✅ [USER_SERVICE] Successfully retrieved \(amount) credits for user \(user)",
                "INFO:httpx:HTTP Request: GET https://xyz.supabase.co/rest/v1/users?select=*&id=eq.\(user) \"HTTP/2 200 OK\"",
                "INFO:httpx:HTTP Request: POST https://xyz.supabase.co/rest/v1/credit_transactions \"HTTP/2 201 Created\"",
                "INFO:     10.0.0.7:51234 - \"POST /api/v1/generations HTTP/1.1\" 400 Bad Request",
                "2025-08-02 \(time) - middleware.request_tracking - INFO - [\(request)] POST /api/v1/generations - 400 - \(amount)ms",
                #"{"timestamp":"2025-08-02T07:07:57.123Z","level":"error","logger":"services.generation_service","message":"\ud83d\udcb3 [GENERATION] Profile lookup failed during credit processing: User \#(user) not found","user_id":"\#(user)"}"#,
                #"{"log":"2025-08-02 07:07:57,123 - services.user_service - INFO - \u2705 [USER_SERVICE] Credits deducted successfully for user \#(user)\n","stream":"stdout","time":"2025-08-02T07:07:57.123456789Z"}"#,
                "2025-08-02T07:07:57.123456789Z stdout F 2025-08-02 \(time) - services.generation_service - ERROR - ❌ [GENERATION] Credit processing failed: Profile lookup error",
                "2025-08-02 \(time) - repositories.user_repository - WARNING - âš\u{a0}ï¸ [USER_REPO] User profile not found for ID \(user), attempting to create from auth data",
                "ðŸ” [GENERATION] Calling can_afford_generation for user \(user)",
                "Traceback (most recent call last):",
                "  File \"/app/services/generation_service.py\", line 228, in create_generation",
            ]
        }
        return templates
    }
}
