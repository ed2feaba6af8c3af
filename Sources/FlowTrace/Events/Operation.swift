/// A database operation named by a line (`select on users`) or implied by an HTTP method on a
/// PostgREST path (`GET /rest/v1/users` is a select).
public enum Operation: UInt8, Sendable, CaseIterable {
    case none = 0
    case select, insert, update, upsert, delete, rpc

    public var name: String? {
        switch self {
        case .none: nil
        case .select: "select"
        case .insert: "insert"
        case .update: "update"
        case .upsert: "upsert"
        case .delete: "delete"
        case .rpc: "rpc"
        }
    }

    /// Recognises an operation word, ASCII case-insensitively.
    public init?(word: UnsafeRawBufferPointer) {
        guard word.count >= 3, word.count <= 6 else { return nil }
        var packed: UInt64 = 0
        for byte in word {
            let folded = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            packed = packed << 8 | UInt64(folded)
        }
        for operation in Operation.allCases.dropFirst() {
            if packed == Operation.packed(operation) {
                self = operation
                return
            }
        }
        return nil
    }

    private static func packed(_ operation: Operation) -> UInt64 {
        var value: UInt64 = 0
        for byte in operation.name!.utf8 { value = value << 8 | UInt64(byte) }
        return value
    }
}
