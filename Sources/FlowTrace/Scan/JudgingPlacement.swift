import Foundation

/// Which thread a scan judges its closed traces on (the rules and the reporting of each trace).
///
/// A scan's other busy threads are reading (and inflating gzip), parsing and correlating. On its
/// own thread, judging overlaps correlation when a core is free for it; on two cores it is not:
/// there, judging on the correlating thread saves the handoff of every trace between cores. On
/// 1 GiB (five series of 8–16 alternating rounds, session 14) it took 3–12% less wall time and
/// 3–13% less CPU with gzip; with plain text 3–12% less CPU, and wall time from 9% less to 3% more
/// (the correlating thread is then the plain scan's longest).
public enum JudgingPlacement: String, Sendable, CaseIterable {
    /// A thread of its own when the process may run on three cores or more, else the correlating thread.
    case automatic
    /// Always a thread of its own.
    case ownThread = "thread"
    /// Always the correlating thread.
    case correlatingThread = "correlating"

    /// Whether judging gets a thread of its own on a machine where the process may use `cores` cores.
    public func usesOwnThread(cores: Int) -> Bool {
        switch self {
        case .automatic: cores >= 3
        case .ownThread: true
        case .correlatingThread: false
        }
    }

    /// Whether judging gets a thread of its own on this machine.
    var usesOwnThread: Bool { usesOwnThread(cores: JudgingPlacement.availableCores) }

    /// How many cores this process may run on: the machine's, or fewer when its CPU affinity
    /// (`taskset`, a container's cpuset: `Cpus_allowed` in `/proc/self/status`) says so, which
    /// `ProcessInfo.activeProcessorCount` does not read on Linux.
    static let availableCores: Int = {
        let machine = ProcessInfo.processInfo.activeProcessorCount
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return machine }
        let allowed = line.dropFirst("Cpus_allowed:".count).reduce(0) { $0 + ($1.hexDigitValue?.nonzeroBitCount ?? 0) }
        return allowed > 0 ? min(allowed, machine) : machine
    }()

    /// The placement `FLOWTRACE_JUDGING` names (`thread`, `correlating` or `automatic`), for
    /// benchmarks; `automatic` when it is unset or names none.
    static var fromEnvironment: JudgingPlacement {
        getenv("FLOWTRACE_JUDGING").flatMap { JudgingPlacement(rawValue: String(cString: $0)) } ?? .automatic
    }
}
