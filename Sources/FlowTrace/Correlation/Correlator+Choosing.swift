/// How the correlator picks the trace a line belongs to.
extension Correlator {
    /// How close (in log time, or in lines without time) a trace must have been active for a
    /// nesting flow start to join it.
    static let nestingWindowMilliseconds: Int64 = 10_000
    static let nestingWindowLines = 400

    /// The open trace an entity in `event` names, opening one when the entity is new.
    func traceNamed(by event: Event, text: UnsafeRawBufferPointer) -> Int? {
        if config.uses(.generation), let generation = event.generation {
            if let number = byGeneration[generation.key] { return number }
            if event.user == nil || !config.uses(.user), let closed = closedGenerations[generation.key] {
                let number = openTrace(for: event, text: text)
                open[number]!.linkedNumber = closed
                return number
            }
        }
        if config.uses(.user), let user = event.user {
            return traceOfUser(user.key, event, text)
        }
        if let id = event.unlabeledID {
            if let number = byRequest[id.key] ?? byGeneration[id.key] { return number }
            if let numbers = byUser[id.key], let number = mostRecent(numbers) { return number }
        }
        return nil
    }

    /// The trace a line naming `user` joins: the current run's when a response just resumed it and
    /// it knows no user yet (`Authenticated user …` after the authentication call), else one of
    /// the user's open traces, else the run's if it knows no user, else a new one.
    private func traceOfUser(_ user: EntityKey, _ event: Event, _ text: UnsafeRawBufferPointer) -> Int {
        // A response begins a run of its own.
        if event.kind != .httpCall, let run, run == soleAwaiter, open.borrow(run, Correlator.learnsItsUserNow) == true {
            return run
        }
        if let candidates = byUser[user], let number = userTrace(among: candidates, for: event) { return number }
        if let run, open.borrow(run, { $0.user == nil && !$0.hasEnded }) == true { return run }
        return openTrace(for: event, text: text)
    }

    /// Whether a line naming a user, in `trace`'s run, is that trace's although the user has other
    /// requests open: the trace knows no user yet and is resuming after a response (the line right
    /// after it, or a request still before its flow start that got its first response). A user's
    /// second request is authenticated while the first is in flight; the response resumed the
    /// second.
    static func learnsItsUserNow(_ trace: Trace) -> Bool {
        trace.user == nil && !trace.hasEnded
            && (trace.endsWithResponse || (trace.awaitsFlowStart && trace.headCount != nil))
    }

    /// Which of a user's open traces `event` continues: the current run's, one awaiting its
    /// response, or the most recent (unfinished if any). A database response (it names a table)
    /// goes to the run only when the run awaits no other operation: a user's two requests may
    /// await different calls, and the response is the one whose call it answers.
    private func userTrace(among candidates: [Int], for event: Event) -> Int? {
        var liveRun: Int?
        if let run, candidates.contains(run), open.borrow(run, { !$0.hasEnded }) == true { liveRun = run }
        if let liveRun, event.table == nil || open.borrow(liveRun, { Correlator.awaitsOther($0, than: event) }) != true {
            return liveRun
        }
        if event.kind == .httpCall, let waiting = awaiting.first(where: { number in
            candidates.contains(number) && open.borrow(number, { !$0.hasEnded && Correlator.awaits($0, event) }) == true
        }) {
            return waiting
        }
        return liveRun ?? open.mostRecent(of: candidates, where: { !$0.hasEnded }) ?? mostRecent(candidates)
    }

    /// Whether `trace` announced a database operation that `event` does not perform.
    static func awaitsOther(_ trace: Trace, than event: Event) -> Bool {
        trace.pendingOperation != nil && !awaits(trace, event)
    }

    /// The open trace a nesting flow start joins: a recent, unfinished trace of the same user
    /// in another flow, preferring the current run's.
    func nestingHost(for event: Event, flow: Int) -> Int? {
        guard let user = event.user, let numbers = byUser[user.key] else { return nil }
        let isHost = { (trace: Trace) in
            !trace.hasEnded && trace.flowIndex != flow && Correlator.isRecent(trace, comparedTo: event)
        }
        if let run, numbers.contains(run), open.borrow(run, isHost) == true { return run }
        return open.mostRecent(of: numbers, where: isHost)
    }

    /// The request a flow start (`event`, of `flow`) begins when another task's line took the run
    /// since the request's start line: the most recently active of the recent traces that await
    /// their flow start, whose endpoint serves `flow`, of the same user or none, that got no
    /// response yet and are not known to be awaiting one (a request that authenticates starts its
    /// flow in the run its response begins; one that does not, such as a webhook, right after its
    /// start line).
    func requestAwaitingFlowStart(_ flow: Int, of event: Event) -> Int? {
        var found: Int?
        var examined = 0
        let user = event.user?.key
        activity.walkFromNewest { trace in
            guard examined < Correlator.awaitCandidateLimit, Correlator.isRecent(trace, comparedTo: event) else { return false }
            examined += 1
            guard trace.awaitsFlowStart, trace.flowIndex == flow, !trace.hasEnded, trace.user == nil || trace.user == user,
                  trace.headCount == nil, trace.pendingOperation == nil, calls.mayEnd(step: trace.lastStepKey) else {
                return true
            }
            found = trace.number
            return false
        }
        return found
    }

    /// How recently a trace must have been active to be awaiting a response (HTTP timeouts).
    static let awaitWindowMilliseconds: Int64 = 60_000
    /// At most this many of the most recently active traces are considered for a response: far
    /// more than the requests a service has in flight, and a bound on the work per line.
    static let awaitCandidateLimit = 256
    static let awaitWindowLines = 5_000

    /// Traces that may be awaiting the HTTP response `event` logs, longest waiting first. A
    /// PostgREST response belongs to a trace that announced that operation on that table; any
    /// other response (auth, an upstream API), or one that no announcement matches, to a recent
    /// unfinished trace that announced no database operation.
    /// `narrowed` says whether learned calls ruled out some of the traces waiting.
    func awaitingTraces(for event: Event, text: UnsafeRawBufferPointer) -> (traces: [Int], narrowed: Bool) {
        // A scratch buffer kept by the correlator: this runs for every response line.
        var waiting = takeScratch(&waitingScratch)
        defer { waitingScratch = waiting }
        if event.table != nil {
            for number in awaiting where open.borrow(number, { Correlator.awaits($0, event) }) == true {
                waiting.append(number)
            }
            if !waiting.isEmpty { return (waiting, false) }
        }
        let call = CallLearning.callKey(of: event, text: text)
        // The walk writes waiting traces from `collected[0]`, plausible ones from `collected[limit]`.
        let limit = Correlator.awaitCandidateLimit
        assert(walkNumbers.capacity >= 2 * limit, "the walk's buffer holds both lists")
        let collected = walkNumbers.base
        var examined = 0
        var waitingCount = 0
        var plausibleCount = 0
        // Many waiting traces stopped at the same step: ask about each step once in a row.
        var lastStep: UInt64?
        var lastAnswer = false
        activity.walkFromNewest { trace in
            guard examined < limit,
                  event.lineNumber - trace.lastLine <= Correlator.awaitWindowLines else { return false }
            examined += 1
            guard trace.pendingOperation == nil, !trace.hasEnded else { return true }
            collected[waitingCount] = trace.number
            waitingCount += 1
            if lastStep != trace.lastStepKey {
                lastStep = trace.lastStepKey
                lastAnswer = calls.mayAwait(step: trace.lastStepKey, call: call)
            }
            if lastAnswer {
                collected[limit + plausibleCount] = trace.number
                plausibleCount += 1
            }
            return true
        }
        let narrowed = plausibleCount > 0 && plausibleCount < waitingCount
        let chosen = plausibleCount > 0 ? UnsafeBufferPointer(start: collected + limit, count: plausibleCount)
            : UnsafeBufferPointer(start: collected, count: waitingCount)
        // Longest waiting first. The caller's copy shares the scratch's storage until it lets go of it.
        waiting.append(contentsOf: chosen)
        waiting.reverse()
        return (waiting, narrowed)
    }

    /// Moves a scratch buffer out of the correlator, emptied, with its capacity.
    func takeScratch(_ scratch: inout [Int]) -> [Int] {
        var buffer: [Int] = []
        swap(&buffer, &scratch)
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// Whether `trace` announced the database operation that `event` (an HTTP call) performs.
    static func awaits(_ trace: Trace, _ event: Event) -> Bool {
        guard let pending = trace.pendingOperation else { return false }
        if let table = pending.table, let calledTable = event.table?.key, table != calledTable { return false }
        if pending.operation != .none, event.operation != .none, pending.operation != event.operation {
            return pending.operation == .upsert && event.operation == .insert
        }
        return true
    }

    /// The trace an access line (the server's log of a finished request) closes: the current
    /// run's when it served that endpoint, else the oldest finished trace of that endpoint, else
    /// the most recent trace of the endpoint's flow.
    func accessOwner(for event: Event, text: UnsafeRawBufferPointer) -> Int? {
        guard event.httpMethod != .none, !event.httpPath.isEmpty else { return nil }
        let endpoint = RequestEndpoint(event, text: text)
        let flow = flowServing(event, text: text)
        if let run, let trace = open[run], trace.endpoint == endpoint || (flow != nil && trace.flowIndex == flow) {
            return run
        }
        var oldestEnded: Trace?
        var oldestServed: Trace?
        var newestOfFlow: Trace?
        open.forEach { trace in
            if trace.endpoint == endpoint {
                if trace.hasEnded, oldestEnded.map({ trace.lastLine < $0.lastLine }) ?? true { oldestEnded = trace }
                if oldestServed.map({ trace.lastLine < $0.lastLine }) ?? true { oldestServed = trace }
            } else if flow != nil, trace.flowIndex == flow, trace.endpoint == nil,
                      newestOfFlow.map({ trace.lastLine > $0.lastLine }) ?? true {
                newestOfFlow = trace
            }
        }
        return (oldestEnded ?? oldestServed ?? newestOfFlow)?.number
    }

    /// The flow whose endpoint the request line `event` names.
    func flowServing(_ event: Event, text: UnsafeRawBufferPointer) -> Int? {
        guard event.httpMethod != .none, !event.httpPath.isEmpty else { return nil }
        return endpoints.flow(method: event.httpMethod, path: event.httpPath.slice(text))
    }

    func mostRecent(_ numbers: [Int]) -> Int? {
        open.mostRecent(of: numbers) { _ in true }
    }

    enum RecencyWindow { case nesting, await }

    static func isRecent(_ trace: Trace, comparedTo event: Event, window: RecencyWindow = .nesting) -> Bool {
        let (milliseconds, lines) = switch window {
        case .nesting: (Correlator.nestingWindowMilliseconds, Correlator.nestingWindowLines)
        case .await: (Correlator.awaitWindowMilliseconds, Correlator.awaitWindowLines)
        }
        if let last = trace.lastTime, let now = event.time, last.hasDate == now.hasDate {
            return now.milliseconds - last.milliseconds <= milliseconds
        }
        return event.lineNumber - trace.lastLine <= lines
    }
}
