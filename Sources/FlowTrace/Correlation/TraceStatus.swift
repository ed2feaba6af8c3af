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
        self = withUnsafePointer(to: event) { TraceStatus(of: $0) }
    }

    /// The status of the event at `event`, read in place.
    @inline(__always)
    init(of event: UnsafePointer<Event>) {
        let (status, level, kind, httpStatus) = (event.pointee.status, event.pointee.level, event.pointee.kind,
                                                 event.pointee.httpStatus)
        if status == .error || level >= .error || httpStatus >= 500 || (kind != .httpCall && httpStatus >= 400) {
            self = .error
        } else if status == .warning || level == .warning || (kind == .httpCall && httpStatus >= 400) {
            self = .warning
        } else {
            self = .ok
        }
    }
}
