/// A closed trace with what the reporters need to show it.
public struct TraceReport {
    public var file: String
    public var trace: Trace
    /// The id of the trace's flow (`generation`), when known.
    public var flow: String?
    public var findings: [Finding]

    public init(file: String, trace: Trace, flow: String?, findings: [Finding]) {
        self.file = file
        self.trace = trace
        self.flow = flow
        self.findings = findings
    }
}

/// An output format of `flowtrace scan`. The scan pushes each closed trace as it closes, then one
/// summary per input; a reporter decides what to show and writes it at once.
public protocol Reporter: AnyObject {
    func report(_ trace: TraceReport) throws
    func report(_ summary: ScanSummary) throws
    /// Called once after the last input.
    func finish() throws
}
