/// A divergence a rule found in a trace (or across the traces of one entity).
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// The id of the trace the finding is about (the last one, for cross-trace rules).
    public var trace: String
    public var user: String?
    public var request: String?
    public var generation: String?
    /// The line numbers of the evidence, ascending.
    public var lines: [Int]
    public var firstTime: LogTime?
    public var lastTime: LogTime?
    /// A stable identity across log changes (see ``FindingFingerprint``), set by
    /// ``RuleEngine/judgeWithFingerprints(_:)``; nil when the finding was judged without one.
    public var fingerprint: String?

    public init(rule: String, severity: Severity, message: String, trace: String, user: String? = nil,
                request: String? = nil, generation: String? = nil, lines: [Int],
                firstTime: LogTime? = nil, lastTime: LogTime? = nil, fingerprint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.trace = trace
        self.user = user
        self.request = request
        self.generation = generation
        self.lines = lines
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.fingerprint = fingerprint
    }
}
