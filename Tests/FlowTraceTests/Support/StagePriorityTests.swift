#if canImport(Glibc)
import Glibc
import Foundation
import Testing
@testable import FlowTrace

/// The helper threads of a scan run below the correlating (main) thread.
@Suite struct StagePriorityTests {
    @Test func aHelperThreadRunsNiceLevelsBelowTheProcess() async throws {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        let base = getpriority(which, id_t(getpid()))
        let lowered: Int32 = await withCheckedContinuation { continuation in
            let thread = Thread {
                StagePriority.lowerCurrentThread()
                continuation.resume(returning: getpriority(which, 0))
            }
            thread.start()
        }
        #expect(lowered == min(19, base + StagePriority.helperNiceOffset))
        // Only that thread changed.
        #expect(getpriority(which, id_t(getpid())) == base)
    }
}
#endif
