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
    /// The line numbers of the evidence, ascending; empty when no line shows the finding (a rule
    /// of absences only: something that never happened in the trace).
    public var lines: [Int]
    /// The first and last line of the trace the finding is about, when known.
    public var traceLines: ClosedRange<Int>?
    public var firstTime: LogTime?
    public var lastTime: LogTime?
    /// A stable identity across log changes (see ``FindingFingerprint``), set by
    /// ``RuleEngine/judgeWithFingerprints(_:)``; nil when the finding was judged without one.
    public var fingerprint: String?

    public init(rule: String, severity: Severity, message: String, trace: String, user: String? = nil,
                request: String? = nil, generation: String? = nil, lines: [Int],
                traceLines: ClosedRange<Int>? = nil, firstTime: LogTime? = nil, lastTime: LogTime? = nil, fingerprint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.trace = trace
        self.user = user
        self.request = request
        self.generation = generation
        self.lines = lines
        self.traceLines = traceLines
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.fingerprint = fingerprint
    }

    /// Where reports locate the finding: its first to last evidence line or, when no line shows
    /// it, its trace's lines; nil when neither is known.
    public var span: ClosedRange<Int>? {
        guard let first = lines.first, let last = lines.last else { return traceLines }
        return first...last
    }
}
