/// One side of a diff: a flow's steps, where they came from, and what the rules found in it.
public struct DiffFlow: Sendable {
    /// The file the flow was read from (`<stdin>` for standard input).
    public var file: String
    /// The trace the flow is (`t3`), or nil when the whole file is the flow.
    public var traceID: String?
    /// The id of its flow in the correlation configuration (`generation`), when known.
    public var flowName: String?
    public var user: String?
    public var request: String?
    public var generation: String?
    public var status: TraceStatus
    /// Whether the trace ended with its flow's end, a request end or an access line (not cut off
    /// by the end of the input, an idle window or eviction). A whole file counts as complete.
    public var isComplete: Bool
    public var steps: [FlowStep]
    /// The rule findings of the trace (of every trace of the file, for a whole file).
    public var findings: [Finding]

    public init(file: String, traceID: String? = nil, flowName: String? = nil, user: String? = nil,
                request: String? = nil, generation: String? = nil, status: TraceStatus = .ok,
                isComplete: Bool = true, steps: [FlowStep], findings: [Finding] = []) {
        self.file = file
        self.traceID = traceID
        self.flowName = flowName
        self.user = user
        self.request = request
        self.generation = generation
        self.status = status
        self.isComplete = isComplete
        self.steps = steps
        self.findings = findings
    }

    /// The flow of a closed trace.
    public init(trace: Trace, file: String, flowName: String?, findings: [Finding]) {
        let steps = trace.withText { text in
            trace.events.filter { !$0.message.isEmpty }.map { FlowStep($0, text: text) }
        }
        self.init(file: file, traceID: trace.id, flowName: flowName, user: trace.userText,
                  request: trace.requestText, generation: trace.generationText, status: trace.status,
                  isComplete: trace.closeReason == .ended, steps: steps, findings: findings)
    }

    /// A hash of its sequence of step keys: flows with equal signatures take the same steps.
    public var signature: UInt64 {
        steps.reduce(DiffFlow.signatureSeed) { DiffFlow.signature($0, adding: $1.key) }
    }

    static let signatureSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    static func signature(_ hash: UInt64, adding key: UInt64) -> UInt64 {
        (hash ^ key) &* 0x0000_0100_0000_01B3
    }

    /// `file` or `file@t3`, for headings.
    public var label: String {
        traceID.map { "\(file)@\($0)" } ?? file
    }

    /// The first and last line of the flow.
    public var lineSpan: ClosedRange<Int>? {
        guard let first = steps.first?.line, let last = steps.last?.line else { return nil }
        return first...last
    }
}
