/// A declarative test on one event, as written in the correlation file:
/// `{ tag: GENERATION, contains: "Starting credit check" }` or `{ kind: request-start }`.
/// Every given field must hold.
public struct StepPattern: Sendable {
    public var tag: String?
    public var contains: String?
    public var kind: EventKind?
    public var status: Status?

    private var tagKey: UInt64?
    private var needle: [UInt8]

    public init(tag: String? = nil, contains: String? = nil, kind: EventKind? = nil, status: Status? = nil) {
        self.tag = tag
        self.contains = contains
        self.kind = kind
        self.status = status
        self.tagKey = tag.map { TagList.key(of: $0) }
        self.needle = Array((contains ?? "").utf8)
    }

    /// Reads a pattern from its YAML mapping.
    public init(_ config: ConfigNode) throws {
        let fields = try config.mapping(allowedKeys: ["tag", "contains", "kind", "status"])
        let kind = try fields["kind"]?.choice("event kind", from: EventKind.allCases.map { ($0.name, $0) })
        let status = try fields["status"]?.choice("status", from: Status.allCases.map { ($0.name, $0) })
        self.init(tag: try fields["tag"]?.tag(), contains: try fields["contains"]?.string(),
                  kind: kind, status: status)
        if tag == nil, contains == nil, kind == nil, status == nil {
            throw config.error("a step pattern needs at least one of tag, contains, kind, status")
        }
    }

    /// The key of the tag this pattern requires, if any (to index patterns by tag).
    public var requiredTagKey: UInt64? { tagKey }

    /// Whether `event` (whose ranges refer to `text`) matches.
    public func matches(_ event: Event, text: UnsafeRawBufferPointer) -> Bool {
        if let kind, event.kind != kind { return false }
        if let status, event.status != status { return false }
        if let tagKey, !event.tags.contains(key: tagKey, in: text) { return false }
        if !needle.isEmpty {
            return needle.withUnsafeBytes { ByteSearch.contains(event.message.slice(text), $0) }
        }
        return true
    }
}
