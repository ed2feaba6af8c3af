/// The entities the engine correlates on; keyword lists and JSON field names map onto them.
enum EntityRole: UInt8, Sendable, CaseIterable {
    case user = 0
    case generation
    case request

    init?(name: String) {
        switch name {
        case "user": self = .user
        case "generation": self = .generation
        case "request": self = .request
        default: return nil
        }
    }
}
