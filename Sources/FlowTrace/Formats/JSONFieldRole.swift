/// The meaning of a JSON field name (`msg`, `severity`, `user_id`, …).
enum JSONFieldRole: UInt8, Sendable, CaseIterable {
    case message = 0
    case time
    case level
    case logger
    case module
    case function
    case line
    case user
    case generation
    case request
    /// An object one level down whose fields are read too (`attributes`, `extra`).
    case nested

    var name: String {
        switch self {
        case .message: "message"
        case .time: "time"
        case .level: "level"
        case .logger: "logger"
        case .module: "module"
        case .function: "function"
        case .line: "line"
        case .user: "user"
        case .generation: "generation"
        case .request: "request"
        case .nested: "nested"
        }
    }
}
