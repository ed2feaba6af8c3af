/// Reading a rule step from its YAML mapping.
extension RuleStep {
    static let keys: Set<String> = [
        "tag", "status", "kind", "level", "logger", "http_status", "client", "outcome", "contains", "regex",
        "case_insensitive",
    ]

    /// The steps of a rule's `steps:` mapping, by name. A rule needs one: every condition tests
    /// a step, so a rule without any could only be built of empty `all:` and `any:` lists.
    static func all(_ node: ConfigNode) throws -> [RuleStep] {
        let hint = "name the events the condition tests, e.g. 'steps: { failed: { tag: GENERATION, outcome: error } }'"
        if node.node.null != nil { throw node.error("a rule needs at least one step", hint: hint) }
        let fields = try node.mapping(allowedKeys: nil)
        if fields.isEmpty { throw node.error("a rule needs at least one step", hint: hint) }
        return try fields.sorted { $0.key < $1.key }.map { try RuleStep(name: $0.key, $0.value) }
    }

    init(name: String, _ node: ConfigNode) throws {
        self.init(name: name)
        let fields = try node.mapping(allowedKeys: RuleStep.keys)
        if fields.isEmpty { throw node.error("step '\(name)' tests nothing", hint: "give at least one of \(RuleStep.keys.sorted().joined(separator: ", "))") }
        for key in ["tag", "status", "kind", "contains"] {
            if let list = fields[key], try list.items().isEmpty {
                throw list.error("an empty list tests nothing", hint: "give at least one value, or leave '\(key)' out")
            }
        }
        tags = try fields["tag"]?.tags() ?? []
        statuses = try fields["status"]?.items().map { try $0.choice("status", from: Status.allCases.map { ($0.name, $0) }) } ?? []
        kinds = try fields["kind"]?.items().map { try $0.choice("event kind", from: EventKind.allCases.map { ($0.name, $0) }) } ?? []
        minimumLevel = try fields["level"]?.choice("level", from: Level.allCases.compactMap { level in level.name.map { ($0, level) } })
        loggerPrefix = try fields["logger"]?.string()
        if let node = fields["http_status"] { httpStatus = try RuleStep.statusRange(node) }
        client = try fields["client"]?.choice("client", from: [("service", ClientKind.service), ("anon", .anon)])
        outcome = try fields["outcome"]?.choice("outcome", from: [TraceStatus.ok, .warning, .error].map { ($0.name, $0) })
        contains = try fields["contains"]?.strings() ?? []
        if let node = fields["contains"], contains.contains("") { throw node.error("an empty literal tests nothing") }
        if let node = fields["regex"] {
            regex = try RuleRegex(try node.string(), caseInsensitive: try fields["case_insensitive"]?.bool() ?? false,
                                  location: node.location)
            if contains.isEmpty, let regex, let literals = regex.requiredLiterals {
                contains = literals
                containsIgnoresCase = regex.ignoresCase
            }
        }
    }
}
