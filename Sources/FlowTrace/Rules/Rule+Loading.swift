import Foundation

/// Reading a rule from its YAML file, with every problem located at its line and column.
extension Rule {
    static let keys: Set<String> = [
        "id", "title", "severity", "description", "remediation", "message", "steps", "when", "across", "examples",
    ]

    /// Reads and validates one rule file.
    public init(yaml: String, file: String) throws {
        let root = try ConfigNode.parse(yaml, file: file)
        let fields = try root.mapping(allowedKeys: Rule.keys)
        func required(_ key: String) throws -> ConfigNode {
            guard let node = fields[key] else { throw root.error("a rule needs '\(key)'") }
            return node
        }
        let idNode = try required("id")
        id = try idNode.string()
        guard id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil else {
            throw idNode.error("rule ids are kebab-case (lower-case words joined by '-'), got '\(id)'")
        }
        title = try required("title").string()
        let severityNode = try required("severity")
        guard let severity = Severity(rawValue: try severityNode.string()) else {
            throw severityNode.error("severity is one of error, warning, info")
        }
        self.severity = severity
        description = try required("description").string()
        remediation = try required("remediation").string()
        message = MessageTemplate(try required("message").string())
        self.file = file
        steps = try RuleStep.all(try required("steps"))
        let captures = Dictionary(uniqueKeysWithValues: steps.map { ($0.name, $0.regex?.groupNames ?? []) })
        switch (fields["when"], fields["across"]) {
        case (let when?, nil):
            condition = try RuleCondition(when, captures: captures)
            across = nil
        case (nil, let across?):
            condition = nil
            self.across = try CrossTraceCondition(across, captures: captures)
        default:
            throw root.error("a rule needs exactly one of 'when' (one trace) or 'across' (traces of one entity)")
        }
        examples = try fields["examples"].map(RuleExample.all) ?? []
        try validate(root: root, messageNode: try required("message"))
    }

    /// Cross-checks the parts: every step a condition names exists, every step is used, every
    /// placeholder of the message can be filled, and there are examples both ways.
    private func validate(root: ConfigNode, messageNode: ConfigNode) throws {
        let declared = Set(steps.map(\.name))
        let conditions = [condition, across?.earlier, across?.later].compactMap { $0 }
        let used = Set(conditions.flatMap(\.steps))
        if let unknown = used.subtracting(declared).sorted().first {
            throw root.error("the condition names step '\(unknown)', which 'steps' does not declare")
        }
        if let unused = declared.subtracting(used).sorted().first {
            throw root.error("step '\(unused)' is declared but no condition uses it")
        }
        let fillable = Set(steps.flatMap { $0.regex?.groupNames ?? [] }).union(MessageTemplate.builtInFields)
        if let unknown = message.fields.first(where: { !fillable.contains($0) }) {
            throw messageNode.error("the message uses {\(unknown)}, which no step captures",
                                    hint: "capture it with a named group (?<\(unknown)>…) or use one of \(MessageTemplate.builtInFields.sorted().joined(separator: ", "))")
        }
        if !examples.contains(where: \.mustTrigger) || !examples.contains(where: { !$0.mustTrigger }) {
            throw root.error("a rule needs examples that trigger it and examples that must not",
                             hint: "add 'examples: { trigger: [...], no_trigger: [...] }'")
        }
    }
}

extension MessageTemplate {
    /// Placeholders every finding can fill: the trace's entities and the event fields steps capture.
    static let builtInFields: Set<String> = [
        "user", "request", "generation", "flow", "trace", "lines", "table", "operation", "client", "status",
        "http_status", "amount", "balance", "rows",
    ]
}

extension RuleExample {
    static func all(_ node: ConfigNode) throws -> [RuleExample] {
        let fields = try node.mapping(allowedKeys: ["trigger", "no_trigger"])
        let triggers = try fields["trigger"]?.items().map { try RuleExample($0, triggers: true) } ?? []
        let clean = try fields["no_trigger"]?.items().map { try RuleExample($0, triggers: false) } ?? []
        return triggers + clean
    }

    init(_ node: ConfigNode, triggers: Bool) throws {
        let fields = try node.mapping(allowedKeys: triggers ? ["log", "findings"] : ["log"])
        guard let log = fields["log"] else { throw node.error("an example needs 'log'") }
        self.log = try log.string()
        expectedFindings = triggers ? (try fields["findings"]?.int() ?? 1) : 0
        if triggers, expectedFindings < 1 { throw node.error("a triggering example expects at least 1 finding") }
        location = log.location
    }
}
