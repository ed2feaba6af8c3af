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
        /// What ended the input before its end (a truncated gzip): everything before it was read.
        public var inputError: FlowTraceError?
    }

    /// How a read of an input ended.
    public struct ReadEnd {
        /// The input's name in reports.
        public var name: String
        /// What ended it early, if anything: the lines before it were read and their traces handed on.
        public var inputError: FlowTraceError?
    }

    /// Reads `path` (`-` for standard input) once; its whole-file flow holds its steps when
    /// `keepingWholeFile` (by default, when there are no selectors). Throws a ``FlowTraceError``
    /// when it cannot be opened; an input that cannot be read to its end keeps what was read, with its error.
    public func load(path: String, selectors: [TraceSelector], keepingWholeFile: Bool? = nil) throws -> Loaded {
        var loaded = Loaded(wholeFile: DiffFlow(file: path, steps: []), matches: selectors.map { _ in [] })
        var worst = TraceStatus.ok
        let keep: (FlowStep) -> Void = { loaded.wholeFile.steps.append($0) }
        let end = try read(path: path, keepSteps: keepingWholeFile ?? selectors.isEmpty, steps: keep) { closed in
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
        loaded.wholeFile.file = end.name
        loaded.wholeFile.status = worst
        loaded.inputError = end.inputError
        return loaded
    }

    /// Reads `path` once and hands each trace to `body` as it closes. Throws when it cannot be
    /// opened; an error later ends the read after the traces of the lines before it.
    @discardableResult
    public func forEachTrace(path: String, _ body: (ClosedTrace) -> Void) throws -> ReadEnd {
        try read(path: path, keepSteps: false, steps: { _ in }, body)
    }

    private func read(path: String, keepSteps: Bool, steps: (FlowStep) -> Void,
                      _ body: (ClosedTrace) -> Void) throws -> ReadEnd {
        let reader = try LineReader(path: path, maxLineBytes: options.maxLineBytes)
        let name = reader.name
        let flowNames = options.correlation.flows.map(\.id)
        let engine = RuleEngine(ruleSet: ruleSet, flowNames: flowNames)
        var inputError: FlowTraceError?
        withoutActuallyEscaping(body) { body in
            let correlator = Correlator(config: options.correlation) { trace in
                body(ClosedTrace(trace: trace, file: name, flowName: trace.flowIndex.map { flowNames[$0] },
                                 findings: engine.judge(trace)))
            }
            let stage = ParsingStage(reader: reader, vocabulary: options.vocabulary)
            do {
                try stage.run(idleInterval: options.liveCheckInterval, onBatch: {}, onIdle: {}) { event, text in
                    if keepSteps, !event.message.isEmpty { steps(FlowStep(event, text: text)) }
                    correlator.ingest(event, text: text)
                }
            } catch {
                // The parsing stage throws nothing else: its body does not throw.
                inputError = error as? FlowTraceError ?? FlowTraceError(.unreadableInput, "\(error)", at: .init(file: name))
            }
            correlator.finish()
        }
        return ReadEnd(name: name, inputError: inputError)
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
