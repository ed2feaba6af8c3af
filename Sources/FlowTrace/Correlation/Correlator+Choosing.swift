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
                open[number]!.linkedTo = closed
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

    private func traceOfUser(_ user: EntityKey, _ event: Event, _ text: UnsafeRawBufferPointer) -> Int {
        let candidates = byUser[user] ?? []
        if let run, candidates.contains(run), !open[run]!.hasEnded { return run }
        if let shared = pending.candidates.first(where: candidates.contains) { return shared }
        let live = candidates.filter { !open[$0]!.hasEnded }
        if event.kind == .httpCall, let awaiting = live.first(where: { awaits(open[$0]!, event) }) {
            return awaiting
        }
        if let number = mostRecent(live) ?? mostRecent(candidates) { return number }
        if let run, let trace = open[run], trace.user == nil, !trace.hasEnded { return run }
        return openTrace(for: event, text: text)
    }

    /// The open trace a nesting flow start joins: a recent, unfinished trace of the same user
    /// in another flow, preferring the current run's.
    func nestingHost(for event: Event, flow: Int) -> Int? {
        guard let user = event.user, let numbers = byUser[user.key] else { return nil }
        let hosts = numbers.filter { number in
            let trace = open[number]!
            return !trace.hasEnded && trace.flowIndex != flow && isRecent(trace, comparedTo: event)
        }
        if let run, hosts.contains(run) { return run }
        return mostRecent(hosts)
    }

    /// Traces awaiting the HTTP response `event` logs, longest waiting first: those whose
    /// announced operation matches it, or, when none does, all that await something.
    func awaitingTraces(for event: Event) -> [Int] {
        let matching = awaiting.filter { awaits(open[$0]!, event) }
        return matching.isEmpty ? awaiting : matching
    }

    /// Whether `trace` announced the database operation that `event` (an HTTP call) performs.
    func awaits(_ trace: Trace, _ event: Event) -> Bool {
        guard let pending = trace.pendingOperation else { return false }
        if let table = pending.table, let calledTable = event.table?.key, table != calledTable { return false }
        if pending.operation != .none, event.operation != .none, pending.operation != event.operation {
            return pending.operation == .upsert && event.operation == .insert
        }
        return true
    }

    /// The trace an access line (the server's log of a finished request) closes.
    func accessOwner(for event: Event, text: UnsafeRawBufferPointer) -> Int? {
        guard let flow = flowServing(event, text: text) else { return nil }
        if let run, let trace = open[run], trace.flowIndex == flow { return run }
        let owners = open.values.filter { $0.flowIndex == flow }
        if let ended = owners.filter(\.hasEnded).min(by: { $0.lastLine < $1.lastLine }) { return ended.number }
        return owners.max(by: { $0.lastLine < $1.lastLine })?.number
    }

    /// The flow whose endpoint the request line `event` names.
    func flowServing(_ event: Event, text: UnsafeRawBufferPointer) -> Int? {
        guard event.httpMethod != .none, !event.httpPath.isEmpty else { return nil }
        let path = event.httpPath.slice(text)
        return config.flows.firstIndex { $0.serves(method: event.httpMethod, path: path) }
    }

    func mostRecent(_ numbers: [Int]) -> Int? {
        numbers.max { open[$0]!.lastLine < open[$1]!.lastLine }
    }

    private func isRecent(_ trace: Trace, comparedTo event: Event) -> Bool {
        if let last = trace.lastTime, let now = event.time, last.hasDate == now.hasDate {
            return now.milliseconds - last.milliseconds <= Correlator.nestingWindowMilliseconds
        }
        return event.lineNumber - trace.lastLine <= Correlator.nestingWindowLines
    }
}
