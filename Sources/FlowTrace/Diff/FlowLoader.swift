/// Reads one file for a diff: parses it, groups its lines into traces and judges each with the
/// rules, and keeps the flows asked for — the whole file as one flow, the traces a selector
/// matches, or every trace handed on as it closes (`--failing`).
public struct FlowLoader {
    public var options: ScanOptions
    public var ruleSet: RuleSet

    public init(options: ScanOptions, ruleSet: RuleSet) {
        self.options = options
        self.ruleSet = ruleSet
    }

    /// What one read of a file kept.
    public struct Loaded {
        /// Every line of the file as one flow (without steps when selectors were given), with
        /// every finding of the file.
        public var wholeFile: DiffFlow
        /// For each selector asked for, the flows of the traces it matched, in closing order.
        public var matches: [[DiffFlow]]
        /// How many traces the file held.
        public var traceCount = 0
        /// The distinct requests the file's traces name (more than one: the file is not one flow).
        public var requests: Set<String> = []
        /// The first traces of the file, described (`t3 generation user 22cb3917… lines 84–136`),
        /// to tell a user what a selector could choose.
        public var traceLabels: [String] = []
    }

    /// Reads `path` (`-` for standard input) once. Throws a ``FlowTraceError`` when the input
    /// cannot be read to its end.
    public func load(path: String, selectors: [TraceSelector]) throws -> Loaded {
        var loaded = Loaded(wholeFile: DiffFlow(file: path, steps: []), matches: selectors.map { _ in [] })
        var worst = TraceStatus.ok
        let keep: (FlowStep) -> Void = { loaded.wholeFile.steps.append($0) }
        let name = try read(path: path, keepSteps: selectors.isEmpty, steps: keep) { closed in
            let flow = closed.flow()
            loaded.traceCount += 1
            loaded.wholeFile.findings += flow.findings
            worst = max(worst, flow.status)
            if let request = flow.request { loaded.requests.insert(request.lowercased()) }
            if loaded.traceLabels.count < 20 { loaded.traceLabels.append(FlowLoader.describe(flow)) }
            for (index, selector) in selectors.enumerated() where selector.matches(flow) {
                loaded.matches[index].append(flow)
            }
        }
        loaded.wholeFile.file = name
        loaded.wholeFile.status = worst
        return loaded
    }

    /// Reads `path` once and hands each trace to `body` as it closes; returns the input's name.
    @discardableResult
    public func forEachTrace(path: String, _ body: (ClosedTrace) -> Void) throws -> String {
        try read(path: path, keepSteps: false, steps: { _ in }, body)
    }

    private func read(path: String, keepSteps: Bool, steps: (FlowStep) -> Void,
                      _ body: (ClosedTrace) -> Void) throws -> String {
        let reader = try LineReader(path: path, maxLineBytes: options.maxLineBytes)
        let name = reader.name
        let flowNames = options.correlation.flows.map(\.id)
        let engine = RuleEngine(ruleSet: ruleSet, flowNames: flowNames)
        try withoutActuallyEscaping(body) { body in
            let correlator = Correlator(config: options.correlation) { trace in
                body(ClosedTrace(trace: trace, file: name, flowName: trace.flowIndex.map { flowNames[$0] },
                                 findings: engine.judge(trace)))
            }
            let stage = ParsingStage(reader: reader, vocabulary: options.vocabulary)
            try stage.run(idleInterval: options.liveCheckInterval, onIdle: {}) { event, text in
                if keepSteps, !event.message.isEmpty { steps(FlowStep(event, text: text)) }
                correlator.ingest(event, text: text)
            }
            correlator.finish()
        }
        return name
    }

    static func describe(_ flow: DiffFlow) -> String {
        var parts = [flow.traceID ?? "-"]
        if let name = flow.flowName { parts.append(name) }
        if let user = flow.user { parts.append("user=" + user) }
        if let request = flow.request { parts.append("request=" + request) }
        if let generation = flow.generation { parts.append("generation=" + generation) }
        if let span = flow.lineSpan { parts.append("lines \(span.lowerBound)–\(span.upperBound)") }
        parts.append(flow.status.name)
        return parts.joined(separator: " ")
    }
}
