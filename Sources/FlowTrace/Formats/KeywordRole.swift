/// What a vocabulary keyword means to the message analyser. Keywords are data
/// (`Rules/formats.yaml`); the roles they can play are the engine's.
enum KeywordRole: UInt8, Sendable {
    /// Labels the next id in the clause as an entity (payload: ``EntityRole``).
    case entity = 1
    /// The next integer in the clause is an amount of credits.
    case amount
    /// The next integer in the clause is a balance.
    case balance
    /// An integer right before (`0 rows`) or after (`rows: 0`) is a row count.
    case rows
    /// Names the database client (payload: ``ClientKind`` raw value).
    case client
    /// An operation word (payload: ``Operation`` raw value).
    case operation
    /// A word announcing an operation (`operation: select`).
    case operationLabel
    /// A word after which a table name follows (`on users`, `table: users`).
    case tableMarker
    /// The start of an HTTP-client line (`HTTP Request:`).
    case httpCall
    /// The word a request-tracking start line ends with (`Started`).
    case requestStarted

    /// Packs a role and its payload into a trie value.
    static func pack(_ role: KeywordRole, _ payload: UInt8 = 0) -> Int32 {
        Int32(role.rawValue) << 8 | Int32(payload)
    }

    /// Unpacks a trie value.
    @inline(__always)
    static func unpack(_ value: Int32) -> (role: KeywordRole, payload: UInt8) {
        (KeywordRole(rawValue: UInt8(truncatingIfNeeded: value >> 8)) ?? .amount, UInt8(truncatingIfNeeded: value))
    }
}

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
