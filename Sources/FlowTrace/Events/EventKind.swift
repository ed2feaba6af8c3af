/// The kind of line an event came from, as far as correlation cares.
public enum EventKind: UInt8, Sendable, CaseIterable {
    /// An application log line (tagged or not).
    case log = 0
    /// An outgoing HTTP call logged by the client library (`HTTP Request: POST https://… "HTTP/2 201 Created"`).
    case httpCall
    /// A server access line (`INFO:     10.0.0.7:51234 - "POST /api/v1/generations HTTP/1.1" 200 OK`).
    case access
    /// A request-tracking start line (`[<request-id>] POST /api/v1/generations - Started`).
    case requestStart
    /// A request-tracking end line (`[<request-id>] POST /api/v1/generations - 400 - 812ms`).
    case requestEnd

    public var name: String {
        switch self {
        case .log: "log"
        case .httpCall: "http-call"
        case .access: "access"
        case .requestStart: "request-start"
        case .requestEnd: "request-end"
        }
    }

    public init?(name: String) {
        guard let kind = EventKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }
}
