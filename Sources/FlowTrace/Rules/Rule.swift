/// One rule: what divergence it flags, how to fix it, the steps and condition that detect it,
/// and the log snippets that prove it (see `Rules/README` in the repository for the format).
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var description: String
    public var remediation: String
    public var message: MessageTemplate
    public var steps: [RuleStep]
    /// The condition over one trace; nil for a rule that compares the traces of one entity.
    public var condition: RuleCondition?
    public var across: CrossTraceCondition?
    public var examples: [RuleExample]
    /// Where the rule was read from.
    public var file: String

    /// The fields its conditions compare (`same:`).
    public var sameFields: [String] {
        [condition, across?.earlier, across?.later].compactMap { $0 }.flatMap(\.sameFields)
    }

    /// The step named `name`, if the rule declares one.
    public func step(named name: String) -> RuleStep? {
        steps.first { $0.name == name }
    }
}

/// A condition over two traces of the same entity (e.g. the same user) within a window of log
/// time: an earlier trace where `earlier` holds, then the trace being judged, where `later` holds.
public struct CrossTraceCondition: Sendable {
    public var entity: EntityKind
    public var windowMilliseconds: Int64
    public var earlier: RuleCondition
    public var later: RuleCondition
}
