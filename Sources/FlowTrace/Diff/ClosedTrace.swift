/// A closed trace as ``FlowLoader`` hands it on while a file streams: what the trace is and what
/// the rules found, with its flow built only on demand (most traces of a large log are never
/// compared, and building a flow copies every message).
public struct ClosedTrace {
    /// Valid only during the call that received it.
    public let trace: Trace
    public let file: String
    public let flowName: String?
    public let findings: [Finding]

    /// The trace as a flow of steps.
    public func flow() -> DiffFlow {
        DiffFlow(trace: trace, file: file, flowName: flowName, findings: findings)
    }

    /// The kind of flow it is: its flow id, or the template of its first step.
    public func kind() -> String? {
        if let flowName { return "flow:" + flowName }
        guard let first = trace.events.first(where: { !$0.message.isEmpty }) else { return nil }
        return trace.withText { "step:" + FlowStep(first, text: $0).template }
    }

    /// A hash of its sequence of step keys, equal to ``DiffFlow/signature`` of its flow, computed
    /// on the bytes without building the flow.
    public func signature() -> UInt64 {
        var spans: [MaskedSpan] = []
        var hash = DiffFlow.signatureSeed
        trace.withText { text in
            for event in trace.events where !event.message.isEmpty {
                hash = DiffFlow.signature(hash, adding: FlowStep.key(of: event.message.slice(text), spans: &spans))
            }
        }
        return hash
    }
}
