/// Chooses the two flows of `flowtrace diff LEFT RIGHT`: each side is a whole file or the trace a
/// selector chose in it; a file named on both sides is read once.
public struct FlowPicker {
    /// One side: a path (`-` for standard input) and an optional selector.
    public struct Side: Sendable {
        public var path: String
        public var selector: TraceSelector?

        public init(path: String, selector: TraceSelector?) {
            self.path = path
            self.selector = selector
        }
    }

    public var loader: FlowLoader
    /// Things the user should know (a selector matched several traces, a file held several
    /// requests), for standard error.
    public private(set) var notes: [String] = []
    /// The errors that ended an input early; the flows hold what was read before them.
    public private(set) var inputErrors: [FlowTraceError] = []

    public init(loader: FlowLoader) {
        self.loader = loader
    }

    /// The left and right flows.
    public mutating func pick(left: Side, right: Side) throws -> (DiffFlow, DiffFlow) {
        if left.path == right.path {
            let selectors = [left.selector, right.selector].compactMap { $0 }
            // `FILE FILE@selector`: one side is the whole file.
            let loaded = try loader.load(path: left.path, selectors: selectors,
                                         keepingWholeFile: left.selector == nil || right.selector == nil)
            inputErrors += [loaded.inputError].compactMap { $0 }
            let leftFlow = try choose(loaded, left, index: 0)
            let rightFlow = try choose(loaded, right, index: left.selector == nil ? 0 : 1)
            return (leftFlow, rightFlow)
        }
        let leftLoaded = try loader.load(path: left.path, selectors: left.selector.map { [$0] } ?? [])
        let rightLoaded = try loader.load(path: right.path, selectors: right.selector.map { [$0] } ?? [])
        inputErrors += [leftLoaded.inputError, rightLoaded.inputError].compactMap { $0 }
        return (try choose(leftLoaded, left, index: 0), try choose(rightLoaded, right, index: 0))
    }

    private mutating func choose(_ loaded: FlowLoader.Loaded, _ side: Side, index: Int) throws -> DiffFlow {
        let path = RawPath.display(side.path)
        guard let selector = side.selector else {
            if loaded.requests.count > 1 {
                notes.append("\(path) holds \(loaded.requests.count) requests; it is compared as one flow "
                    + "(choose one with \(path)@request=ID)")
            }
            return loaded.wholeFile
        }
        let matches = loaded.matches[index]
        guard let first = matches.first else {
            let known = loaded.traceLabels.isEmpty ? "it holds no trace"
                : "its traces: " + loaded.traceLabels.joined(separator: "; ")
            throw FlowTraceError(.usage, "no trace of \(path) matches \(selector)", hint: known)
        }
        if matches.count > 1 {
            notes.append("\(selector) matches \(matches.count) traces of \(path): "
                + matches.map(FlowLoader.describe).joined(separator: "; ")
                + "; using \(first.traceID ?? "?") (choose another with @trace=tN)")
        }
        return first
    }
}
