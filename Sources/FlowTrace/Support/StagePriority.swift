#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scheduling of the pipeline's helper threads. The correlating thread is the critical path and
/// the machines have two cores: the reading, parsing and judging threads run ten nice levels
/// below it, so that the scheduler keeps the correlator running and shares the other core among
/// them, instead of time-slicing all four evenly and leaving the correlator waiting.
enum StagePriority {
    /// How many nice levels the helper threads run below the correlating thread.
    static let helperNiceOffset: Int32 = 10

    /// Lowers the calling thread's priority by ``helperNiceOffset``. On Linux, `setpriority` with
    /// `who` 0 changes the calling thread only (nice values are per thread). Raising a nice value
    /// needs no privilege; a failure leaves the priority as it was.
    static func lowerCurrentThread() {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        // Relative to the process's main thread (the correlator), whichever thread started this one.
        errno = 0
        let base = getpriority(which, id_t(getpid()))
        guard errno == 0 else { return }
        _ = setpriority(which, 0, min(19, base + helperNiceOffset))
        #endif
    }
}
