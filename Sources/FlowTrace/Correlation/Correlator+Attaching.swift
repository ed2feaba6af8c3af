/// Opening traces and adding lines to them.
extension Correlator {
    /// Opens a new, empty trace and returns its number.
    func openTrace(for event: Event, text: UnsafeRawBufferPointer) -> Int {
        if open.count >= config.maxOpenTraces { evictLeastRecentlyActive() }
        let number = nextNumber
        nextNumber += 1
        let trace = pool.take(number: number)
        trace.lastLine = event.lineNumber
        open.insert(trace)
        activity.touch(trace)
        return number
    }

    /// Adds `event` to trace `number` and makes that trace the current run's.
    func attachStartingRun(_ number: Int, _ event: Event, _ text: UnsafeRawBufferPointer) {
        if pending.isActive { resolvePendingRun(preferring: number) }
        if run != number { closeRunIfEnded() }
        run = number
        attach(number, event, text)
    }

    /// Closes the current run's trace if it reached its end: the run is moving on.
    func closeRunIfEnded() {
        if let run, open.borrow(run, { $0.hasEnded && !waitsForRequestEnd($0) }) == true { close(run, reason: .ended) }
    }

    /// Whether `trace`, although its flow's end step came, stays open for its request's end line:
    /// its head was a guess, and that line may prove the guess wrong (see ``verifyHead(of:endStatus:pathGeneration:)``).
    func waitsForRequestEnd(_ trace: Trace) -> Bool {
        trace.awaitsRequestEnd && trace.headWasGuessed
    }

    /// Gives the pending run's lines to `preferred` when it is a candidate, otherwise to the
    /// candidate that has waited longest.
    func resolvePendingRun(preferring preferred: Int?) {
        guard pending.isActive else { return }
        soleAwaiter = nil
        let owner: Int?
        if let preferred, pending.candidates.contains(preferred) {
            owner = preferred
        } else if pending.heldUser != nil {
            owner = pending.candidates.first { number in open.borrow(number, { $0.user == nil }) ?? true }
        } else {
            owner = pending.candidates.first { open.contains($0) }
        }
        if pending.heldUser != nil, let owner { open.borrow(owner) { guessRivals(of: $0) } }
        var first = true
        pending.drain { event, text in
            guard let owner else { orphanLines += 1; return }
            if first, preferred == owner { learnCall(by: owner, event, text) }
            first = false
            attach(owner, event, text)
        }
        if let owner { run = owner }
    }

    /// Which new request a pending run's response continues is a guess among the other new
    /// requests of the same flow: records them as the rivals of `trace`'s head.
    private func guessRivals(of trace: Trace) {
        guard trace.isFreshHead else { return }
        let owner = trace.number
        // Filled in place: a pooled trace keeps the array's storage.
        trace.headRivals.removeAll(keepingCapacity: true)
        for candidate in pending.candidates where candidate != owner {
            open.borrow(candidate) { rival in
                guard rival.isFreshHead, rival.flowIndex == trace.flowIndex else { return }
                trace.headRivals.append(candidate)
                rival.headWasGuessed = true
                if !rival.namedAsRivalBy.contains(owner) { rival.namedAsRivalBy.append(owner) }
            }
        }
        headRivalsChanged(of: trace)
    }

    /// Adds `event` to trace `number`: its text, the entities it names, and what it says about
    /// the request's progress (an announced operation, an end step).
    func attach(_ number: Int, _ event: Event, _ text: UnsafeRawBufferPointer) {
        open.borrow(number) { attach(to: $0, event, text) }
    }

    private func attach(to trace: Trace, _ event: Event, _ text: UnsafeRawBufferPointer) {
        if trace.wouldOverflowText(adding: text.count) { splitOff(trace) }
        if event.kind == .httpCall, trace.isFreshHead { trace.endHead() }
        trace.append(event, text: text)
        activity.touch(trace)
        let tagKeys = tagKeys(of: event, text)
        if let flow = trace.flowIndex, !tagKeys.isEmpty { flowTags.record(tagKeys, flow: flow) }
        trace.lastActivityNanoseconds = wallClockNanoseconds
        let stepTag = event.kind == .httpCall || tagKeys.isEmpty ? nil : tagKeys[0]
        trace.noteLastStep(tagKey: stepTag, event: event, text: text)
        learnEntities(of: event, text: text, into: trace)
        trackPendingOperation(of: event, in: trace)
        if !trace.hasEnded, endIndex.firstMatch(event, tagKeys: tagKeys, text: text, in: trace.flowIndex) != nil {
            trace.hasEnded = true
        }
    }

    /// At a request's end line: if a rival request's guessed body, rather than this trace's, is the
    /// one that just finished, the two heads were swapped; exchange them back. A failed request
    /// (`endStatus` 400 or more) logged a warning or an error on the way; a request whose path
    /// names a generation has a body about that generation; a body with a line (other than its
    /// end line) naming its own request is that request's, and is neither taken nor given away.
    /// An end line that came to a body goes with its head (``Trace/exchangeHead(with:scratch:)``):
    /// every line naming a request stays in that request's trace. Returns the trace the end line
    /// joins. Confident traces teach which steps end a request.
    func verifyHead(of number: Int, endStatus: UInt16, pathGeneration: EntityKey? = nil) -> Int {
        open.borrow(number) { verifyHead(of: $0, endStatus: endStatus, pathGeneration: pathGeneration) } ?? number
    }

    private func verifyHead(of trace: Trace, endStatus: UInt16, pathGeneration: EntityKey?) -> Int {
        let number = trace.number
        let rivalsNamingIt = guessedHeadsNaming(trace)
        if trace.headRivals.isEmpty, rivalsNamingIt.isEmpty {
            if trace.headCount != nil { calls.learn(step: trace.lastStepKey, call: CallLearning.endKey) }
            return number
        }
        // The body that finishes logged its last step just before the end line: the most recent
        // of those not evidently still working; failing that, of those that logged their flow's
        // end step and wait for their end lines. Candidates are borrowed from the table, not
        // retained: there are dozens of guessed heads to look through.
        var finished: (number: Int, lastLine: Int)?
        var ended: (number: Int, lastLine: Int)?
        func consider(_ candidate: Trace, sameEndpoint: Bool = false) {
            guard candidate.headCount != nil, !candidate.hasEnded || waitsForRequestEnd(candidate),
                  !looksUnfinished(candidate),
                  endStatus < 400 || candidate.worstLine > .ok,
                  pathGeneration.map({ candidate.bodyMayServe(generation: $0) }) ?? true,
                  !sameEndpoint || candidate.endpoint == trace.endpoint,
                  candidate === trace || trace.headsPrecedeBodies(with: candidate) else { return }
            if candidate.hasEnded {
                if ended.map({ candidate.lastLine > $0.lastLine }) ?? true { ended = (candidate.number, candidate.lastLine) }
            } else if finished.map({ candidate.lastLine > $0.lastLine }) ?? true {
                finished = (candidate.number, candidate.lastLine)
            }
        }
        func consider(_ candidate: Int, sameEndpoint: Bool = false) {
            open.borrow(candidate) { consider($0, sameEndpoint: sameEndpoint) }
        }
        consider(trace)
        for rival in trace.headRivals { consider(rival) }
        for rival in rivalsNamingIt { consider(rival) }
        if finished == nil, ended == nil {
            // Guesses chain (A took B's body, B took C's): when no direct rival holds a finished
            // body, look among every guessed trace of the same endpoint.
            for guessed in guessedHeads {
                consider(guessed, sameEndpoint: true)
                open.borrow(guessed) { guessedTrace in
                    for rival in guessedTrace.headRivals { consider(rival, sameEndpoint: true) }
                }
            }
        }
        guard let winner = (finished ?? ended)?.number, winner != number, let partner = open[winner],
              // A body with a line naming its own request is that request's (read last: it looks
              // through the bodies).
              !requestIdsInBodies || !(trace.bodyNamesItsRequest || partner.bodyNamesItsRequest) else { return number }
        trace.exchangeHead(with: partner, scratch: &headScratch)
        dropHeadRival(partner.number, of: trace)
        dropHeadRival(number, of: partner)
        if let request = trace.request { byRequest[request] = trace.number }
        if let request = partner.request { byRequest[request] = partner.number }
        return partner.number
    }

    /// Records which other new requests `trace`'s head was guessed among (each rival already
    /// lists it in its `namedAsRivalBy`), keeping ``guessedHeads`` (the traces with rivals) up to date.
    func setHeadRivals(of trace: Trace, to rivals: [Int]) {
        trace.headRivals = rivals
        headRivalsChanged(of: trace)
    }

    /// Keeps ``guessedHeads`` in step with `trace`'s new head rivals.
    private func headRivalsChanged(of trace: Trace) {
        if trace.headRivals.isEmpty {
            guessedHeads.removeAll { $0 == trace.number }
        } else {
            trace.headWasGuessed = true
            if !guessedHeads.contains(trace.number) { guessedHeads.append(trace.number) }
        }
    }

    /// Takes `rival` off the rivals of `trace`'s head (it stays in the rival's `namedAsRivalBy`,
    /// which is checked when read).
    private func dropHeadRival(_ rival: Int, of trace: Trace) {
        trace.headRivals.removeAll { $0 == rival }
        if trace.headRivals.isEmpty { guessedHeads.removeAll { $0 == trace.number } }
    }

    /// The open traces whose guessed head names `trace` among its rivals (forgetting those that
    /// no longer do).
    private func guessedHeadsNaming(_ trace: Trace) -> [Int] {
        let number = trace.number
        trace.namedAsRivalBy.removeAll { guessed in
            open.borrow(guessed, { $0.headRivals.contains(number) }) != true
        }
        return trace.namedAsRivalBy
    }

    /// Whether `trace`'s body is evidently still at work: it awaits an operation it announced, its
    /// last line is an HTTP response it has yet to handle, its last step is not one that ends, or
    /// its request's end line came while it was at work and nothing of it came since.
    func looksUnfinished(_ trace: Trace) -> Bool {
        trace.pendingOperation != nil || trace.endsWithResponse || (trace.busyAtEnd && trace.endsWithItsEnd)
            || !calls.mayEnd(step: trace.lastStepKey)
    }

    /// Learns which call the step before `event` (an HTTP response given to trace `number` with
    /// confidence) leads to.
    func learnCall(by number: Int, _ event: Event, _ text: UnsafeRawBufferPointer) {
        guard event.kind == .httpCall, event.table == nil, let step = open.borrow(number, \.lastStepKey) else { return }
        calls.learn(step: step, call: CallLearning.callKey(of: event, text: text))
    }

    private func learnEntities(of event: Event, text: UnsafeRawBufferPointer, into trace: Trace) {
        if trace.amount == nil, let amount = event.amount { trace.amount = amount }
        if let request = event.request, trace.request == nil, config.uses(.request), byRequest[request.key] == nil {
            trace.request = request.key
            trace.requestEntityText = EntityText(request.range.slice(text))
            byRequest[request.key] = trace.number
        }
        if let generation = event.generation, config.uses(.generation), byGeneration[generation.key] == nil {
            trace.generations.append(generation.key)
            if trace.generationEntityText == nil { trace.generationEntityText = EntityText(generation.range.slice(text)) }
            byGeneration[generation.key] = trace.number
        }
        if let user = event.user, trace.user == nil, config.uses(.user) {
            trace.user = user.key
            trace.userEntityText = EntityText(user.range.slice(text))
            byUser[user.key, default: []].append(trace.number)
        }
    }

    /// A line announcing a database operation (`Using SERVICE client for select on users`) marks
    /// the trace as awaiting that operation's HTTP response; any other line ends the wait.
    private func trackPendingOperation(of event: Event, in trace: Trace) {
        let announces = event.kind == .log && event.operation != .none && event.rowCount == nil
            && event.status != .ok && event.status != .error && event.httpStatus == 0
        if announces {
            if trace.pendingOperation == nil {
                awaiting.append(trace.number)
                trace.pendingSinceLine = event.lineNumber
            }
            trace.pendingOperation = (event.table?.key, event.operation)
        } else if trace.pendingOperation != nil {
            trace.pendingOperation = nil
            awaiting.removeOccurrence(of: trace.number)
        }
    }
}
