/// A named test on one event of a trace, as a rule file declares it under `steps:`. Every given
/// field must hold; cheap ones (tag, status, kind, level, literals) are checked before the regex.
public struct RuleStep: Sendable {
    public var name: String
    public var tags: [String] = []
    public var statuses: [Status] = []
    public var kinds: [EventKind] = []
    public var minimumLevel: Level?
    public var loggerPrefix: String?
    /// The HTTP status must be in this range (`401`, `4xx`, `400-499`).
    public var httpStatus: ClosedRange<UInt16>?
    public var client: ClientKind?
    /// What the line says about its request's outcome (an error line, a warning line).
    public var outcome: TraceStatus?
    /// At least one of these literals must be in the message (the prefilter), when given.
    public var contains: [String] = []
    public var regex: RuleRegex?

    var tagKeys: [UInt64] = []
    var prefilter: LiteralPrefilter?
    var loggerBytes: [UInt8] = []

    public init(name: String) {
        self.name = name
    }

    mutating func prepare() {
        tagKeys = tags.map { TagList.key(of: $0) }
        prefilter = contains.isEmpty ? nil : LiteralPrefilter(literals: contains)
        loggerBytes = Array((loggerPrefix ?? "").utf8)
    }

    /// The fields `event` supplies when it matches (regex groups and event fields), or nil.
    /// `fields` are the event fields the rule uses (in `same:` or its message); others are not copied.
    public func match(_ event: Event, text: UnsafeRawBufferPointer, fields: Set<String>,
                      scratch: inout MatchScratch, limits: inout RegexLimitReport) -> StepMatch? {
        guard screen(event, text: text) else { return nil }
        var captures: [String: String] = [:]
        if let regex {
            switch regex.match(event.message.slice(text), scratch: &scratch) {
            case .noMatch:
                return nil
            case .limitExceeded:
                limits.record(step: name, line: event.lineNumber)
                return nil
            case .match(let groups):
                let message = event.message.slice(text)
                for (name, range) in groups { captures[name] = range.string(in: message) }
            }
        }
        if !fields.isEmpty { RuleStep.addEventFields(fields, of: event, text: text, to: &captures) }
        return StepMatch(lineNumber: event.lineNumber, time: event.time, captures: captures)
    }

    /// The event's own fields, for `same:` comparisons and messages (regex groups take precedence).
    static func addEventFields(_ fields: Set<String>, of event: Event, text: UnsafeRawBufferPointer,
                               to captures: inout [String: String]) {
        func put(_ name: String, _ value: @autoclosure () -> String?) {
            guard fields.contains(name), captures[name] == nil, let value = value(), !value.isEmpty else { return }
            captures[name] = value
        }
        put("user", event.user?.range.string(in: text))
        put("generation", event.generation?.range.string(in: text))
        put("request", event.request?.range.string(in: text))
        put("table", event.table?.range.string(in: text))
        put("operation", event.operation.name)
        put("client", event.client.name)
        put("status", event.status == .none ? nil : event.status.name)
        put("http_status", event.httpStatus == 0 ? nil : String(event.httpStatus))
        put("amount", event.amount.map(String.init))
        put("balance", event.balance.map(String.init))
        put("rows", event.rowCount.map(String.init))
    }

    /// The checks that need no regex.
    private func screen(_ event: Event, text: UnsafeRawBufferPointer) -> Bool {
        if !tagKeys.isEmpty, !tagKeys.contains(where: event.tags.contains(key:)) { return false }
        if !statuses.isEmpty, !statuses.contains(event.status) { return false }
        if !kinds.isEmpty, !kinds.contains(event.kind) { return false }
        if let minimumLevel, event.level < minimumLevel { return false }
        if let httpStatus, !httpStatus.contains(event.httpStatus) { return false }
        if let client, event.client != client { return false }
        if let outcome, TraceStatus(of: event) != outcome { return false }
        if !loggerBytes.isEmpty {
            let matched = loggerBytes.withUnsafeBytes { ByteSearch.hasPrefix(event.logger.slice(text), $0) }
            if !matched { return false }
        }
        if let prefilter, !prefilter.mayMatch(event.message.slice(text)) { return false }
        return true
    }
}

/// One event a step matched: where it is and the fields it captured.
public struct StepMatch: Sendable {
    public var lineNumber: Int
    public var time: LogTime?
    public var captures: [String: String]
}
