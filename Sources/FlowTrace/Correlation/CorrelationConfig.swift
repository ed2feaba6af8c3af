/// How lines are grouped into traces: the flows, the keys, and when traces close.
/// Read from `Rules/correlation.yaml`; see that file for the meaning of each field.
public struct CorrelationConfig: Sendable {
    public var keys: [EntityKind] = [.request, .generation, .user] {
        didSet { usedKeys = CorrelationConfig.mask(of: keys) }
    }
    /// `keys` as a bit mask: ``uses(_:)`` is asked several times per line.
    private var usedKeys = CorrelationConfig.mask(of: [.request, .generation, .user])
    /// Log time without a new line after which a trace closes, in milliseconds.
    public var idleWindowMilliseconds: Int64 = 120_000
    /// Lines of the stream without a new line of a trace after which it closes (logs without time).
    public var idleLines: Int = 20_000
    public var maxOpenTraces: Int = 20_000
    public var flows: [FlowDefinition] = []
    /// Steps a request logs before its flow starts (authentication): in a log without
    /// request-tracking lines, such a step begins a request.
    public var requestBegins: [StepPattern] = []

    public init(flows: [FlowDefinition] = [], requestBegins: [StepPattern] = []) {
        self.flows = flows
        self.requestBegins = requestBegins
    }

    /// The configuration built into flowtrace (`Rules/correlation.yaml`).
    public static func builtin() throws -> CorrelationConfig {
        guard let text = BuiltinData.file("correlation.yaml") else {
            throw FlowTraceError(.invalidConfiguration, "the built-in correlation.yaml is missing")
        }
        return try CorrelationConfig(yaml: text, file: "Rules/correlation.yaml")
    }

    /// Reads a correlation file.
    public init(yaml: String, file: String) throws {
        let root = try ConfigNode.parse(yaml, file: file)
        let fields = try root.mapping(allowedKeys: [
            "kind", "keys", "idle_window", "idle_lines", "max_open_traces", "request_begins", "flows",
        ])
        if let kind = fields["kind"], try kind.string() != "correlation" {
            throw kind.error("expected 'kind: correlation'")
        }
        if let node = fields["keys"] {
            keys = try node.items().map { item in
                let name = try item.string()
                guard let kind = EntityKind(rawValue: name) else {
                    throw item.error("unknown key '\(name)'", hint: "one of request, generation, user")
                }
                return kind
            }
            usedKeys = CorrelationConfig.mask(of: keys)  // observers do not run in an initializer
        }
        if let node = fields["idle_window"] { idleWindowMilliseconds = try node.durationMilliseconds() }
        if let node = fields["idle_lines"] { idleLines = try node.int() }
        if let node = fields["max_open_traces"] {
            maxOpenTraces = try node.int()
            if maxOpenTraces < 1 { throw node.error("max_open_traces must be at least 1") }
        }
        requestBegins = try fields["request_begins"]?.items().map(StepPattern.init) ?? []
        flows = try fields["flows"]?.items().map(FlowDefinition.init) ?? []
        var seen = Set<String>()
        for (index, flow) in flows.enumerated() where !seen.insert(flow.id).inserted {
            throw (try fields["flows"]!.items()[index]).error("duplicate flow id '\(flow.id)'")
        }
    }

    public func uses(_ key: EntityKind) -> Bool { usedKeys & CorrelationConfig.bit(of: key) != 0 }

    private static func bit(of key: EntityKind) -> UInt8 {
        switch key {
        case .request: 1
        case .generation: 2
        case .user: 4
        }
    }

    private static func mask(of keys: [EntityKind]) -> UInt8 {
        keys.reduce(0) { $0 | bit(of: $1) }
    }
}
