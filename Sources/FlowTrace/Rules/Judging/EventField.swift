/// An event field a rule can use by name, in `same:` or its message (`{table}`), when no regex
/// group of that name captured it.
enum EventField: CaseIterable {
    case user, generation, request, table, operation, client, status, httpStatus, amount, balance, rows

    /// The field called `name` in rule files, if there is one.
    init?(name: String) {
        guard let field = EventField.allCases.first(where: { $0.name == name }) else { return nil }
        self = field
    }

    /// The name rule files use.
    var name: String {
        switch self {
        case .user: "user"
        case .generation: "generation"
        case .request: "request"
        case .table: "table"
        case .operation: "operation"
        case .client: "client"
        case .status: "status"
        case .httpStatus: "http_status"
        case .amount: "amount"
        case .balance: "balance"
        case .rows: "rows"
        }
    }

    /// Whether the field's value is a range of the event's text (an entity's), not made from its values.
    var isText: Bool {
        switch self {
        case .user, .generation, .request, .table: true
        default: false
        }
    }

    /// Where a text field's value is in `event`'s text (empty when it has none); see ``isText``.
    func range(in event: borrowing Event) -> TextRange {
        switch self {
        case .user: event.user?.range ?? .empty
        case .generation: event.generation?.range ?? .empty
        case .request: event.request?.range ?? .empty
        case .table: event.table?.range ?? .empty
        default: .empty
        }
    }

    /// The field's value in `event`, whose text is `text`; nil when the event has none (or an empty one).
    func value(of event: Event, text: UnsafeRawBufferPointer) -> String? {
        let value: String? = switch self {
        case .user: event.user?.range.string(in: text)
        case .generation: event.generation?.range.string(in: text)
        case .request: event.request?.range.string(in: text)
        case .table: event.table?.range.string(in: text)
        case .operation: event.operation.name
        case .client: event.client.name
        case .status: event.status == .none ? nil : event.status.name
        case .httpStatus: event.httpStatus == 0 ? nil : String(event.httpStatus)
        case .amount: event.amount.map(String.init)
        case .balance: event.balance.map(String.init)
        case .rows: event.rowCount.map(String.init)
        }
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
