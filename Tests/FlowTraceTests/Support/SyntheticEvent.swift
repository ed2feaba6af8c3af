@testable import FlowTrace

/// Builds an event and its text by hand, so correlation can be tested apart from parsing.
/// Entity values must appear in `message`; their ranges are found by search.
struct SyntheticEvent {
    var event = Event()
    var text: [UInt8]

    init(
        _ line: Int, _ message: String, tags: [String] = [], user: String? = nil, generation: String? = nil,
        request: String? = nil, kind: EventKind = .log, status: Status = .none, level: Level = .info,
        table: String? = nil, operation: Operation = .none, method: HTTPMethod = .none, path: String? = nil,
        httpStatus: UInt16 = 0, rows: Int64? = nil, amount: Int64? = nil, seconds: Int64? = nil
    ) {
        text = Array(message.utf8)
        event.lineNumber = line
        event.layout = .bare
        event.kind = kind
        event.status = status
        event.level = level
        event.message = TextRange(start: 0, count: text.count)
        event.operation = operation
        event.httpMethod = method
        event.httpStatus = httpStatus
        event.rowCount = rows
        event.amount = amount
        if let seconds { event.time = LogTime(milliseconds: 1_754_118_000_000 + seconds * 1000, hasDate: true) }
        let bytes = text
        bytes.withUnsafeBytes { buffer in
            for tag in tags { event.tags.append(Self.range(of: "[\(tag)]", in: message, inner: true)) }
            func ref(_ value: String?) -> EntityRef? {
                guard let value else { return nil }
                let range = Self.range(of: value, in: message, inner: false)
                return EntityRef(key: EntityKey(bytes: range.slice(buffer)), range: range)
            }
            event.user = ref(user)
            event.generation = ref(generation)
            event.request = ref(request)
            event.table = ref(table)
            if let path { event.httpPath = Self.range(of: path, in: message, inner: false) }
        }
    }

    private static func range(of needle: String, in haystack: String, inner: Bool) -> TextRange {
        let bytes = Array(haystack.utf8)
        let target = Array(needle.utf8)
        for start in 0...(bytes.count - target.count) where Array(bytes[start..<start + target.count]) == target {
            return inner ? TextRange(start: start + 1, count: target.count - 2) : TextRange(start: start, count: target.count)
        }
        fatalError("'\(needle)' is not in '\(haystack)'")
    }
}

/// Runs synthetic events through a correlator with the built-in configuration and collects traces.
final class CorrelationHarness {
    private(set) var traces: [Trace] = []
    private(set) lazy var correlator: Correlator = {
        Correlator(config: try! CorrelationConfig.builtin()) { [unowned self] in self.traces.append($0) }
    }()

    func feed(_ events: [SyntheticEvent]) {
        for item in events {
            item.text.withUnsafeBytes { correlator.ingest(item.event, text: $0) }
        }
    }

    /// Feeds, finishes, and returns each trace's line numbers keyed by its user (or request).
    func run(_ events: [SyntheticEvent]) -> [Trace] {
        feed(events)
        correlator.finish()
        return traces.sorted { $0.number < $1.number }
    }
}
