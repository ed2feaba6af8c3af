/// One input line, parsed: where it was, what it says, and what it names.
///
/// An event is a plain value with no references: its text fields are ``TextRange``s into the
/// *event text* that the parser produced alongside it (the line after container prefixes, ANSI
/// codes and mojibake were removed, or, for JSON, the decoded message and fields). A consumer that
/// keeps an event beyond the parse call must keep a copy of that text too.
public struct Event: Sendable {
    // Every line's event is written by the parser, copied about three times by the correlator and
    // read by the judge, so its size is memory traffic on the hot path. Swift lays stored
    // properties out in declaration order, each at the next offset its alignment allows: they are
    // declared 8-byte fields first, then 4-, 2- and 1-byte ones, which leaves no padding between
    // them. Keep that order when adding a field.

    /// 1-based line number within its stream.
    public var lineNumber: Int = 0
    /// Offset of the line's first byte in the (decompressed) stream.
    public var byteOffset: Int64 = 0

    // The optional fields are stored without Optional's tag byte (and its padding): which of them
    // are present is one bit mask, `present`. That includes the time, whose `hasDate` is a bit
    // there too: a `LogTime?` stored as such would take 16 bytes for its 8 of milliseconds.
    private var timeMilliseconds: Int64 = 0
    private var userValue = EntityRef.absent
    private var generationValue = EntityRef.absent
    private var requestValue = EntityRef.absent
    private var unlabeledIDValue = EntityRef.absent
    private var tableValue = EntityRef.absent
    private var durationMillisecondsValue: Int64 = 0
    private var amountValue: Int64 = 0
    private var balanceValue: Int64 = 0
    private var rowCountValue: Int64 = 0

    public var tags = TagList()

    /// The logger or module name (`services.generation_service`, `httpx`), when the layout has one.
    public var logger: TextRange = .empty
    /// The message: the text after the layout's prefix, symbol included.
    public var message: TextRange = .empty
    /// The request path (or the URL's path for an HTTP-client line).
    public var httpPath: TextRange = .empty
    /// The message's template (``TemplateIDSource``): events with the same non-zero template have
    /// the same message and tags but for the digits of their stand-alone UUIDs (and of their
    /// stand-alone numbers, when it has ``TemplateIDSource/numbersMasked``); one without
    /// ``TemplateIDSource/uuidsMasked`` either names one text byte for byte. 0 when it has none.
    /// ``TemplateUse`` tells a consumer which it may rely on.
    public var template: UInt32 = 0

    /// The HTTP status of a response line (0 when none).
    public var httpStatus: UInt16 = 0
    public var flags: EventFlags = []
    private var present: PresentFields = []

    public var layout: Layout = .unparsed
    public var kind: EventKind = .log
    public var level: Level = .none
    public var status: Status = .none
    public var operation: Operation = .none
    public var client: ClientKind = .none
    public var httpMethod: HTTPMethod = .none

    /// The line's time, if it has one.
    public var time: LogTime? {
        get {
            guard present.contains(.time) else { return nil }
            return LogTime(milliseconds: timeMilliseconds, hasDate: present.contains(.timeHasDate))
        }
        set {
            timeMilliseconds = newValue?.milliseconds ?? 0
            present.subtract([.time, .timeHasDate])
            if let newValue { present.insert(newValue.hasDate ? [.time, .timeHasDate] : .time) }
        }
    }

    public var user: EntityRef? {
        get { present.contains(.user) ? userValue : nil }
        set {
            userValue = newValue ?? .absent
            if newValue == nil { present.remove(.user) } else { present.insert(.user) }
        }
    }
    public var generation: EntityRef? {
        get { present.contains(.generation) ? generationValue : nil }
        set {
            generationValue = newValue ?? .absent
            if newValue == nil { present.remove(.generation) } else { present.insert(.generation) }
        }
    }
    public var request: EntityRef? {
        get { present.contains(.request) ? requestValue : nil }
        set {
            requestValue = newValue ?? .absent
            if newValue == nil { present.remove(.request) } else { present.insert(.request) }
        }
    }
    /// A UUID the line names without saying what it identifies.
    public var unlabeledID: EntityRef? {
        get { present.contains(.unlabeledID) ? unlabeledIDValue : nil }
        set {
            unlabeledIDValue = newValue ?? .absent
            if newValue == nil { present.remove(.unlabeledID) } else { present.insert(.unlabeledID) }
        }
    }
    /// The table an operation touches (`users`, or the table of a PostgREST path), keyed lowercase.
    public var table: EntityRef? {
        get { present.contains(.table) ? tableValue : nil }
        set {
            tableValue = newValue ?? .absent
            if newValue == nil { present.remove(.table) } else { present.insert(.table) }
        }
    }
    /// A duration the line reports (`812ms`), in milliseconds.
    public var durationMilliseconds: Int64? {
        get { present.contains(.durationMilliseconds) ? durationMillisecondsValue : nil }
        set {
            durationMillisecondsValue = newValue ?? 0
            if newValue == nil { present.remove(.durationMilliseconds) } else { present.insert(.durationMilliseconds) }
        }
    }
    /// An amount of credits the line names (`amount: 10`, `credits_required: 10`, `deducted 10 credits`).
    public var amount: Int64? {
        get { present.contains(.amount) ? amountValue : nil }
        set {
            amountValue = newValue ?? 0
            if newValue == nil { present.remove(.amount) } else { present.insert(.amount) }
        }
    }
    /// A balance the line names (`Current balance for user U: 1200`).
    public var balance: Int64? {
        get { present.contains(.balance) ? balanceValue : nil }
        set {
            balanceValue = newValue ?? 0
            if newValue == nil { present.remove(.balance) } else { present.insert(.balance) }
        }
    }
    /// A row count the line reports (`SELECT result for users: 0 rows`).
    public var rowCount: Int64? {
        get { present.contains(.rowCount) ? rowCountValue : nil }
        set {
            rowCountValue = newValue ?? 0
            if newValue == nil { present.remove(.rowCount) } else { present.insert(.rowCount) }
        }
    }

    public init() {}

    /// Whether the line carries something correlation can use: a tag, a symbol, an id or an HTTP line.
    public var isCorrelatable: Bool {
        !tags.isEmpty || user != nil || generation != nil || request != nil || unlabeledID != nil
            || kind != .log
    }
}

extension Event {
    /// Moves every text range by `offset`, for an event whose text was appended at `offset`.
    /// In place: this runs for every line a trace stores.
    mutating func rebase(by offset: Int) {
        let shift = Int32(truncatingIfNeeded: offset)
        func move(_ range: inout TextRange) {
            if range.count != 0 { range.start &+= shift }
        }
        move(&logger)
        move(&message)
        move(&httpPath)
        tags.rebase(by: shift)
        move(&userValue.range)
        move(&generationValue.range)
        move(&requestValue.range)
        move(&unlabeledIDValue.range)
        move(&tableValue.range)
    }

    /// Sets every field the message analysis writes (see ``MessageAnalyser``) from `cached`, an
    /// event whose message was the same, its text offsets moved by `delta`. Reads `cached` in
    /// place and writes the stored values: this runs for most lines.
    @inline(__always)
    mutating func takeAnalysis(of cached: UnsafePointer<Event>, shiftedBy delta: Int32) {
        @inline(__always)
        func moved(_ reference: EntityRef) -> EntityRef {
            var reference = reference
            if reference.range.count != 0 { reference.range.start &+= delta }
            return reference
        }
        let analysed: PresentFields = [.user, .generation, .request, .unlabeledID, .table, .durationMilliseconds,
                                       .amount, .balance, .rowCount]
        present = present.subtracting(analysed).union(cached.pointee.present.intersection(analysed))
        template = cached.pointee.template
        status = cached.pointee.status
        tags = cached.pointee.tags.movingStoredRanges(by: delta)
        kind = cached.pointee.kind
        httpMethod = cached.pointee.httpMethod
        httpStatus = cached.pointee.httpStatus
        // The analysis sets a path at a positive offset; an unset one stays `.empty`.
        httpPath = cached.pointee.httpPath == .empty ? .empty
            : TextRange(start: Int(cached.pointee.httpPath.start &+ delta), count: Int(cached.pointee.httpPath.count))
        operation = cached.pointee.operation
        client = cached.pointee.client
        tableValue = moved(cached.pointee.tableValue)
        unlabeledIDValue = moved(cached.pointee.unlabeledIDValue)
        userValue = moved(cached.pointee.userValue)
        generationValue = moved(cached.pointee.generationValue)
        requestValue = moved(cached.pointee.requestValue)
        durationMillisecondsValue = cached.pointee.durationMillisecondsValue
        amountValue = cached.pointee.amountValue
        balanceValue = cached.pointee.balanceValue
        rowCountValue = cached.pointee.rowCountValue
    }

    /// Gives each present id field (user, generation, request, unlabeled id: four bits each, in that
    /// order from the lowest) whose bits in `fields` are not 0xF the key `key(bits)`. In place, on
    /// the stored values: this runs for most lines the parser takes from its memo.
    @inline(__always)
    mutating func rekeyIDs(_ fields: UInt16, _ key: (Int) -> EntityKey) {
        @inline(__always)
        func rekey(_ value: inout EntityRef, _ field: PresentFields, _ shift: UInt16) {
            let index = Int(fields >> shift & 0xF)
            if index != 0xF, present.contains(field) { value.key = key(index) }
        }
        rekey(&userValue, .user, 0)
        rekey(&generationValue, .generation, 4)
        rekey(&requestValue, .request, 8)
        rekey(&unlabeledIDValue, .unlabeledID, 12)
    }

    /// Empties every text range (the text was not kept); the entities stay, without their text.
    mutating func dropText() {
        logger = .empty
        message = .empty
        httpPath = .empty
        tags = TagList()
        userValue.range = .empty
        generationValue.range = .empty
        requestValue.range = .empty
        unlabeledIDValue.range = .empty
        tableValue.range = .empty
    }
}

/// Which of an event's optional fields are present.
private struct PresentFields: OptionSet, Sendable {
    let rawValue: UInt16
    static let user = PresentFields(rawValue: 1 << 0)
    static let generation = PresentFields(rawValue: 1 << 1)
    static let request = PresentFields(rawValue: 1 << 2)
    static let unlabeledID = PresentFields(rawValue: 1 << 3)
    static let table = PresentFields(rawValue: 1 << 4)
    static let durationMilliseconds = PresentFields(rawValue: 1 << 5)
    static let amount = PresentFields(rawValue: 1 << 6)
    static let balance = PresentFields(rawValue: 1 << 7)
    static let rowCount = PresentFields(rawValue: 1 << 8)
    static let time = PresentFields(rawValue: 1 << 9)
    /// The time's ``LogTime/hasDate``; set only with ``time``.
    static let timeHasDate = PresentFields(rawValue: 1 << 10)
}

extension EntityRef {
    /// What an absent entity field holds.
    static let absent = EntityRef(key: EntityKey(high: 0, low: 0), range: .empty)
}
