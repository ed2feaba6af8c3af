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
    /// An id column word (`id`): labels the next id by the line's table (``FormatVocabulary`` `id_columns`).
    case idColumn

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
