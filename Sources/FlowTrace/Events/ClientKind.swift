/// Which database client a line says served (or will serve) an operation.
public enum ClientKind: UInt8, Sendable, CaseIterable {
    case none = 0
    /// The service-role client, which bypasses row-level security.
    case service
    /// The anon (or user-JWT) client, subject to row-level security.
    case anon

    public var name: String? {
        switch self {
        case .none: nil
        case .service: "service"
        case .anon: "anon"
        }
    }
}
