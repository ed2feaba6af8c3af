/// Renders event fields as the strings sample expectations are written in.
extension FormatSample {
    /// The value of `field` in `event` as a sample states it (`none`/empty when absent).
    public static func render(_ field: Field, of event: Event, text: UnsafeRawBufferPointer) -> String {
        func entity(_ ref: EntityRef?) -> String { ref.map { $0.range.string(in: text) } ?? "" }
        func number(_ value: Int64?) -> String { value.map { String($0) } ?? "" }
        switch field {
        case .layout: return event.layout.name
        case .kind: return event.kind.name
        case .level: return event.level.name ?? "none"
        case .logger: return event.logger.string(in: text)
        case .time: return event.time?.iso8601 ?? ""
        case .status: return event.status.name
        case .tags:
            return (0..<event.tags.storedCount).map { event.tags.range(at: $0).string(in: text) }.joined(separator: ",")
        case .user: return entity(event.user)
        case .generation: return entity(event.generation)
        case .request: return entity(event.request)
        case .unlabeled: return entity(event.unlabeledID)
        case .table: return entity(event.table)
        case .operation: return event.operation.name ?? "none"
        case .client: return event.client.name ?? "none"
        case .method: return event.httpMethod.name ?? "none"
        case .httpStatus: return event.httpStatus == 0 ? "" : String(event.httpStatus)
        case .path: return event.httpPath.string(in: text)
        case .duration: return number(event.durationMilliseconds)
        case .amount: return number(event.amount)
        case .balance: return number(event.balance)
        case .rows: return number(event.rowCount)
        case .message: return event.message.string(in: text)
        case .flags: return flagNames(event.flags).joined(separator: ",")
        }
    }

    /// The names of the flags set, in a fixed order.
    public static func flagNames(_ flags: EventFlags) -> [String] {
        let names: [(EventFlags, String)] = [
            (.truncated, "truncated"), (.invalidUTF8, "invalid-utf8"), (.containsNUL, "contains-nul"),
            (.mojibakeRepaired, "mojibake-repaired"), (.ansiStripped, "ansi-stripped"),
            (.containerPrefix, "container-prefix"), (.malformedJSON, "malformed-json"),
        ]
        return names.filter { flags.contains($0.0) }.map(\.1)
    }
}
