#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time consumed so far, for the per-stage figures of `FLOWTRACE_STAGE_TIMES` (see
/// `Benchmarks/README.md`): on a shared machine, CPU time per stage is steadier than wall time.
enum CPUClock {
    /// CPU time of the calling thread, in nanoseconds.
    static var thread: UInt64 { read(CLOCK_THREAD_CPUTIME_ID) }
    /// CPU time of the whole process (all threads), in nanoseconds.
    static var process: UInt64 { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
