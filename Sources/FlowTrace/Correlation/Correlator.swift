/// Groups the events of one stream into per-request traces and hands each trace to `sink` as
/// soon as it closes, so that memory stays bounded and output streams.
///
/// An explicit request id wins. Otherwise a flow start opens a trace; lines naming a generation or
/// a user join the open trace of that entity; and id-less lines join the *run* they stand in: an
/// asyncio service logs one request's lines together until the request awaits an HTTP call, and
/// the HTTP client's line for the response begins the next run of that request. A response line
/// that several awaiting requests could own starts a pending run, resolved by the first line in it
/// that names an entity (or, failing that, given to the request that has waited longest).
public final class Correlator {
    public let config: CorrelationConfig
    let sink: (Trace) -> Void

    let open = TraceTable()
    var byRequest = EntityTable<Int>()
    var byGeneration = EntityTable<Int>()
    /// Each user's open traces, each listed once (a trace's user is set once).
    var byUser = EntityTable<[Int]>()
    /// Traces that announced a database operation and await its HTTP response, longest waiting
    /// first; each listed once (added when its `pendingOperation` becomes set).
    var awaiting: [Int] = []
    /// Traces whose head was a guess among rivals (their `headRivals` are not empty), so that a
    /// request's end line need not look through every open trace for the rivals naming it.
    var guessedHeads: [Int] = []
    /// Reused by ``awaitingTraces(for:text:)``: the traces it returns, and what its walk collects
    /// (waiting traces from 0, plausible ones from ``awaitCandidateLimit``).
    var waitingScratch: [Int] = []
    let walkNumbers = NumberBuffer(capacity: 2 * Correlator.awaitCandidateLimit)
    /// Reused by ``decidePending(_:_:)``.
    var sharingScratch: [Int] = []
    /// Reused by ``verifyHead(of:endStatus:pathGeneration:)`` to move heads.
    var headScratch = (DetachedEvents(), DetachedEvents())
    /// Generations of closed traces and their trace numbers, to link later background work to
    /// them (bounded).
    var closedGenerations: [EntityKey: Int] = [:]
    var closedGenerationOrder: [EntityKey] = []
    static let closedGenerationMemory = 65_536

    /// The trace of the run the last line stood in.
    var run: Int?
    /// The trace the last HTTP response went to as the only request that could await it (nil when
    /// that response went by a guess among several).
    var soleAwaiter: Int?
    var pending = PendingRun()
    var calls = CallLearning()
    var activity = ActivityList()
    var flowTags: FlowTagStatistics
    var nextNumber = 1
    var latestTime: LogTime?
    var latestLine = 0
    var linesSinceSweep = 0
    /// The log time of the last sweep triggered by log time (``sweepIfLogTimeAdvanced(_:)``).
    var lastSweepTime: LogTime?
    /// A coarse wall clock the driver advances (``advanceWallClock(to:)``), for idle closing of live streams.
    var wallClockNanoseconds: UInt64 = 0
    /// The line being ingested and its tag keys, hashed once for the several lookups of its tags
    /// (events do not store the keys); nil between ``ingest(_:text:)`` calls. See ``tagKeys(of:_:)``.
    var ingesting: (text: UnsafeRawBufferPointer, tagKeys: TagKeys)?
    /// The tag keys of recent message templates.
    let tagKeyCache = TagKeyCache()

    let startIndex: StepIndex
    let endIndex: StepIndex
    /// The steps that begin a request before its flow starts (``CorrelationConfig/requestBegins``).
    let beginIndex: StepIndex
    /// A request-tracking start line was seen: requests begin with those, not with ``beginIndex``'s steps.
    var requestTrackingSeen = false
    /// A line other than a request's start and end line named a request (logs that write the
    /// request id on every line): bodies may be proven to be their requests' (``Trace/bodyNamesItsRequest``).
    var requestIdsInBodies = false
    let endpoints: EndpointIndex
    let flowNests: [Bool]

    /// Where new traces come from: closed traces handed back for reuse (see ``JudgingStage``), or new ones.
    var pool = TracePool()

    /// Lines that joined no trace although they carried something to correlate by.
    public internal(set) var orphanLines = 0
    public internal(set) var tracesClosed = 0

    public init(config: CorrelationConfig, sink: @escaping (Trace) -> Void) {
        self.config = config
        self.sink = sink
        self.startIndex = StepIndex(config.flows.enumerated().flatMap { index, flow in
            flow.starts.map { (index, $0) }
        })
        self.flowTags = FlowTagStatistics(flowCount: config.flows.count)
        self.endIndex = StepIndex(config.flows.enumerated().flatMap { index, flow in
            flow.ends.map { (index, $0) }
        })
        self.beginIndex = StepIndex(config.requestBegins.map { (0, $0) })
        self.endpoints = EndpointIndex(config.flows)
        self.flowNests = config.flows.map(\.nests)
    }

    /// How many traces are open now.
    public var openTraceCount: Int { open.count }

    /// Adds one event; `text` is the text its ranges refer to (borrowed for the call).
    public func ingest(_ event: Event, text: UnsafeRawBufferPointer) {
        latestLine = event.lineNumber
        if let time = event.time, latestTime.map({ time > $0 }) ?? true { latestTime = time }
        sweepIfLogTimeAdvanced(event.time)
        let tagKeys = tagKeyCache.keys(of: event, text: text)
        ingesting = (text, tagKeys)
        defer {
            ingesting = nil
            sweepIfDue()
        }

        if pending.isActive {
            switch decidePending(event, text) {
            case .hold:
                pending.append(event, text: text)
                return
            case .resolve(let owner):
                resolvePendingRun(preferring: owner)
            case .boundary:
                // A response's candidates are those awaiting it once the held run is someone's.
                if event.kind == .httpCall { resolvePendingRun(preferring: nil) }
            }
        }
        if let request = event.request, config.uses(.request), opensOrJoinsRequest(request.key, event) {
            joinRequest(request.key, event, text)
        } else if let flow = startIndex.firstMatch(event, tagKeys: tagKeys, text: text) {
            joinFlowStart(flow, event, text)
        } else if event.kind == .httpCall, let rivals = sameUserAwaiting(event), rivals.count > 1 {
            beginPendingRun(candidates: rivals, with: event, text)
        } else if let number = traceNamed(by: event, text: text) {
            attachStartingRun(number, event, text)
        } else if event.kind == .httpCall {
            joinHTTPResponse(event, text)
        } else if event.kind == .access {
            joinAccess(event, text)
        } else if event.layout == .unparsed && event.message.isEmpty {
            return
        } else if !requestTrackingSeen, beginsRequest(event, tagKeys: tagKeys, text: text) {
            beginRequest(event, text)
        } else if let run, open.contains(run) {
            attach(run, event, text)
        } else if event.isCorrelatable {
            orphanLines += 1
        }
    }

    /// The keys of `event`'s stored tags: the ingested line's when `text` is that line's text (no
    /// other event's text can lie at the same address while it is borrowed), else hashed anew.
    func tagKeys(of event: Event, _ text: UnsafeRawBufferPointer) -> TagKeys {
        if let ingesting, ingesting.text.baseAddress == text.baseAddress, ingesting.text.count == text.count {
            return ingesting.tagKeys
        }
        return tagKeyCache.keys(of: event, text: text)
    }

    /// Whether `event` is a step that begins a request, in a log without request-tracking lines.
    func beginsRequest(_ event: Event, tagKeys: TagKeys, text: UnsafeRawBufferPointer) -> Bool {
        !requestTrackingSeen && beginIndex.firstMatch(event, tagKeys: tagKeys, text: text) != nil
    }

    /// Closes every trace still open (end of input). One whose request's end line came, although
    /// it was kept open for more of its body, ended.
    public func finish() {
        resolvePendingRun(preferring: nil)
        for number in open.sortedNumbers {
            let ended = open.borrow(number) { $0.hasEnded || $0.busyAtEnd } == true
            close(number, reason: ended ? .ended : .endOfInput)
        }
    }

    // MARK: Joining

    /// A request id opens a trace only on a request-tracking line or a line that names nothing
    /// else: an id mentioned in passing (`fal request_id: …` beside a known generation) is an
    /// upstream's request, not this service's.
    func opensOrJoinsRequest(_ request: EntityKey, _ event: Event) -> Bool {
        byRequest[request] != nil || event.kind == .requestStart || event.kind == .requestEnd
            || (event.user == nil && event.generation == nil)
    }

    private func joinRequest(_ request: EntityKey, _ event: Event, _ text: UnsafeRawBufferPointer) {
        var number: Int
        if let existing = byRequest[request] {
            number = existing
            if event.kind == .requestEnd {
                number = verifyHead(of: number, endStatus: event.httpStatus, pathGeneration: event.generation?.key)
            }
        } else {
            number = openTrace(for: event, text: text)
            open[number]!.awaitsFlowStart = true
        }
        if event.kind == .requestStart {
            requestTrackingSeen = true
        } else if event.kind != .requestEnd {
            requestIdsInBodies = true
        }
        if event.httpMethod != .none, !event.httpPath.isEmpty,
           let (hasEndpoint, hasFlow) = open.borrow(number, { ($0.endpoint != nil, $0.flowIndex != nil) }),
           !hasEndpoint {
            let endpoint = RequestEndpoint(event, text: text)
            let flow = hasFlow ? nil : flowServing(event, text: text)
            open.borrow(number) { trace in
                trace.endpoint = endpoint
                if !hasFlow { trace.flowIndex = flow }
            }
        }
        // The server's access line usually follows: close when the run moves on. A trace whose
        // body is still at work holds this head by a wrong guess: it stays open for that body.
        let busy = event.kind == .requestEnd && open.borrow(number, { looksUnfinished($0) }) == true
        attachStartingRun(number, event, text)
        open.borrow(number) { trace in
            if event.kind == .requestStart { trace.awaitsRequestEnd = true }
            guard event.kind == .requestEnd else { return }
            trace.awaitsRequestEnd = false
            if busy { trace.busyAtEnd = true } else { trace.hasEnded = true }
        }
    }

    private func joinFlowStart(_ flow: Int, _ event: Event, _ text: UnsafeRawBufferPointer) {
        if config.uses(.generation), let generation = event.generation, let owner = byGeneration[generation.key],
           let trace = open[owner] {
            // The request already named this generation (in its path, say): the start is its.
            if trace.flowIndex == nil { trace.flowIndex = flow }
            trace.awaitsFlowStart = false
            attachStartingRun(owner, event, text)
            return
        }
        if let run, let trace = open[run], Correlator.awaitsFlowStart(trace, of: event) {
            if trace.flowIndex == nil { trace.flowIndex = flow }
            trace.awaitsFlowStart = false
            attachStartingRun(run, event, text)
            return
        }
        if flowNests[flow], let host = nestingHost(for: event, flow: flow) {
            attachStartingRun(host, event, text)
            return
        }
        // Another task's line (background work) may stand between a request's start and its flow start.
        if let waiting = requestAwaitingFlowStart(flow, of: event) {
            open.borrow(waiting) { $0.awaitsFlowStart = false }
            attachStartingRun(waiting, event, text)
            return
        }
        let number = openTrace(for: event, text: text)
        open[number]!.flowIndex = flow
        attachStartingRun(number, event, text)
    }

    /// Whether `trace`, the current run's, is the request that a flow start (`event`) begins: one
    /// that awaits its flow start (opened by a request-tracking line or a step that begins a
    /// request), of the same user or none; or, in a log without request ids, one that a line naming
    /// the same user opened just before (`Authenticated user …`) and that has no flow yet.
    static func awaitsFlowStart(_ trace: Trace, of event: Event) -> Bool {
        guard !trace.hasEnded else { return false }
        if trace.awaitsFlowStart { return trace.user == nil || event.user == nil || trace.user == event.user?.key }
        return trace.flowIndex == nil && trace.request == nil && trace.user != nil && trace.user == event.user?.key
    }

    /// A step that begins a request (authentication) in a log without request-tracking lines opens
    /// a trace that awaits its flow start: the request's response and next lines join it.
    private func beginRequest(_ event: Event, _ text: UnsafeRawBufferPointer) {
        let number = openTrace(for: event, text: text)
        open.borrow(number) { $0.awaitsFlowStart = true }
        attachStartingRun(number, event, text)
    }

    /// An HTTP client's response line begins a run of the request that awaited it.
    private func joinHTTPResponse(_ event: Event, _ text: UnsafeRawBufferPointer) {
        let (candidates, narrowed) = awaitingTraces(for: event, text: text)
        soleAwaiter = candidates.count == 1 ? candidates[0] : nil
        switch candidates.count {
        case 0:
            if pending.isActive {
                pending.append(event, text: text)
            } else if let run, open.contains(run) {
                attach(run, event, text)
            } else {
                orphanLines += 1
            }
        case 1:
            // Given by what was learned, it would only confirm the lesson, right or wrong.
            if !narrowed { learnCall(by: candidates[0], event, text) }
            attachStartingRun(candidates[0], event, text)
        default:
            beginPendingRun(candidates: candidates, with: event, text)
        }
    }

    private func joinAccess(_ event: Event, _ text: UnsafeRawBufferPointer) {
        guard let number = accessOwner(for: event, text: text) else {
            orphanLines += 1
            return
        }
        let busy = open[number]?.busyAtEnd == true
        attachStartingRun(number, event, text)
        if !busy { close(number, reason: .ended) }
    }
}
