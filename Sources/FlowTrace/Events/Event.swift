/// One input line, parsed: where it was, what it says, and what it names.
///
/// An event is a plain value with no references: its text fields are ``TextRange``s into the
/// *event text* that the parser produced alongside it (the line after container prefixes, ANSI
/// codes and mojibake were removed, or, for JSON, the decoded message and fields). A consumer that
/// keeps an event beyond the parse call must keep a copy of that text too.
public struct Event: Sendable {
    /// 1-based line number within its stream.
    public var lineNumber: Int = 0
    /// Offset of the line's first byte in the (decompressed) stream.
    public var byteOffset: Int64 = 0

    public var layout: Layout = .unparsed
    public var kind: EventKind = .log
    public var level: Level = .none
    public var status: Status = .none
    public var time: LogTime?
    public var flags: EventFlags = []

    /// The logger or module name (`services.generation_service`, `httpx`), when the layout has one.
    public var logger: TextRange = .empty
    /// The message: the text after the layout's prefix, symbol included.
    public var message: TextRange = .empty
    public var tags = TagList()

    public var user: EntityRef?
    public var generation: EntityRef?
    public var request: EntityRef?
    /// A UUID the line names without saying what it identifies.
    public var unlabeledID: EntityRef?

    /// The table an operation touches (`users`, or the table of a PostgREST path), keyed lowercase.
    public var table: EntityRef?
    public var operation: Operation = .none
    public var client: ClientKind = .none

    public var httpMethod: HTTPMethod = .none
    /// The HTTP status of a response line (0 when none).
    public var httpStatus: UInt16 = 0
    /// The request path (or the URL's path for an HTTP-client line).
    public var httpPath: TextRange = .empty
    /// A duration the line reports (`812ms`), in milliseconds.
    public var durationMilliseconds: Int64?

    /// An amount of credits the line names (`amount: 10`, `credits_required: 10`, `deducted 10 credits`).
    public var amount: Int64?
    /// A balance the line names (`Current balance for user U: 1200`).
    public var balance: Int64?
    /// A row count the line reports (`SELECT result for users: 0 rows`).
    public var rowCount: Int64?

    public init() {}

    /// Whether the line carries something correlation can use: a tag, a symbol, an id or an HTTP line.
    public var isCorrelatable: Bool {
        !tags.isEmpty || user != nil || generation != nil || request != nil || unlabeledID != nil
            || kind != .log
    }
}
