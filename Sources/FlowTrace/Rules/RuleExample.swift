/// A log snippet a rule file carries to prove the rule: one that must trigger it (with the
/// number of findings expected), or one that must not.
public struct RuleExample: Sendable {
    public var log: String
    /// How many findings of the rule the snippet must produce (0 for a `no_trigger` example).
    public var expectedFindings: Int
    public var location: FlowTraceError.Location

    public var mustTrigger: Bool { expectedFindings > 0 }
}
