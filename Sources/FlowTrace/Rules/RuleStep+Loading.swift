/// Reading a rule step from its YAML mapping.
extension RuleStep {
    static let keys: Set<String> = [
        "tag", "status", "kind", "level", "logger", "http_status", "client", "outcome", "contains", "regex",
        "case_insensitive",
    ]

    init(name: String, _ node: ConfigNode) throws {
        self.init(name: name)
        let fields = try node.mapping(allowedKeys: RuleStep.keys)
        if fields.isEmpty { throw node.error("step '\(name)' tests nothing", hint: "give at least one of \(RuleStep.keys.sorted().joined(separator: ", "))") }
        tags = try fields["tag"]?.strings() ?? []
        statuses = try fields["status"]?.items().map { item in
            let word = try item.string()
            guard let status = Status(name: word) else {
                throw item.error("unknown status '\(word)'", hint: "one of \(Status.allCases.map(\.name).joined(separator: ", "))")
            }
            return status
        } ?? []
        kinds = try fields["kind"]?.items().map { item in
            let word = try item.string()
            guard let kind = EventKind(name: word) else {
                throw item.error("unknown event kind '\(word)'", hint: "one of \(EventKind.allCases.map(\.name).joined(separator: ", "))")
            }
            return kind
        } ?? []
        if let node = fields["level"] {
            let word = try node.string()
            guard let level = Level.allCases.first(where: { $0.name == word }) else {
                throw node.error("unknown level '\(word)'", hint: "debug, info, warning, error or critical")
            }
            minimumLevel = level
        }
        loggerPrefix = try fields["logger"]?.string()
        if let node = fields["http_status"] { httpStatus = try RuleStep.statusRange(node) }
        if let node = fields["client"] {
            let word = try node.string()
            guard let client = ClientKind.allCases.first(where: { $0.name == word }) else {
                throw node.error("unknown client '\(word)'", hint: "service or anon")
            }
            self.client = client
        }
        if let node = fields["outcome"] {
            let word = try node.string()
            guard let outcome = [TraceStatus.ok, .warning, .error].first(where: { $0.name == word }) else {
                throw node.error("unknown outcome '\(word)'", hint: "ok, warning or error")
            }
            self.outcome = outcome
        }
        contains = try fields["contains"]?.strings() ?? []
        if let node = fields["regex"] {
            regex = try RuleRegex(try node.string(), caseInsensitive: try fields["case_insensitive"]?.bool() ?? false,
                                  location: node.location)
            if contains.isEmpty, let literal = regex?.requiredLiteral { contains = [literal] }
        }
        prepare()
    }

    /// `401`, `4xx` or `400-499`.
    private static func statusRange(_ node: ConfigNode) throws -> ClosedRange<UInt16> {
        let text = try node.string().lowercased()
        if text.count == 3, text.hasSuffix("xx"), let hundreds = UInt16(text.prefix(1)) {
            return hundreds * 100...hundreds * 100 + 99
        }
        let bounds = text.split(separator: "-").compactMap { UInt16($0) }
        if bounds.count == 1 { return bounds[0]...bounds[0] }
        if bounds.count == 2, bounds[0] <= bounds[1] { return bounds[0]...bounds[1] }
        throw node.error("http_status is a status (401), a class (4xx) or a range (400-499), got '\(text)'")
    }
}
