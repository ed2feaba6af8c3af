/// What a finding names of the trace it is about: its id, flow and entities as logged.
struct FindingSubject {
    var traceID: String
    /// The flow's name; nil when the trace's flow is not known.
    var flow: String?
    var user: String?
    var request: String?
    var generation: String?
    /// The trace's first and last line.
    var lines: ClosedRange<Int>?

    /// The subject of `trace`, whose flow is named in `flowNames` by its index.
    init(_ trace: Trace, flowNames: [String]) {
        traceID = trace.id
        flow = trace.flowIndex.flatMap { $0 < flowNames.count ? flowNames[$0] : nil }
        // Each is made from the trace's stored bytes when asked for: once here.
        (user, request, generation) = (trace.userText, trace.requestText, trace.generationText)
        if let first = trace.events.first?.lineNumber, let last = trace.events.last?.lineNumber {
            lines = min(first, last)...max(first, last)
        }
    }
}
