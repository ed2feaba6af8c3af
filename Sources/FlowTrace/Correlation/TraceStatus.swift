/// The overall outcome of a trace, from the worst of its lines.
public enum TraceStatus: UInt8, Sendable, Comparable {
    case ok = 0, warning, error

    public var name: String {
        switch self {
        case .ok: "ok"
        case .warning: "warning"
        case .error: "error"
        }
    }

    public static func < (lhs: TraceStatus, rhs: TraceStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What one event says about its trace's outcome. Inlined: a call would copy the event.
    @inline(__always)
    public init(of event: Event) {
        if event.status == .error || event.level >= .error || event.httpStatus >= 500
            || (event.kind != .httpCall && event.httpStatus >= 400) {
            self = .error
        } else if event.status == .warning || event.level == .warning
            || (event.kind == .httpCall && event.httpStatus >= 400) {
            self = .warning
        } else {
            self = .ok
        }
    }
}
