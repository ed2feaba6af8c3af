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
    /// Whether `contains` matches regardless of ASCII case (literals of a case-insensitive regex).
    public var containsIgnoresCase = false
    public var regex: RuleRegex?

    public init(name: String) {
        self.name = name
    }
}
