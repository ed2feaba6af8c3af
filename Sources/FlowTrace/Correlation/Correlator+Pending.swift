/// Pending runs: a response line that several waiting requests could own holds its run until a
/// line in it tells whose it is.
extension Correlator {
    enum PendingDecision {
        /// The line stands in the pending run and does not tell yet.
        case hold
        /// The run is this trace's.
        case resolve(Int)
        /// The line begins another run; the pending one goes to its best guess.
        case boundary
    }

    /// Starts a pending run with `candidates` (longest waiting first) and its first line.
    func beginPendingRun(candidates: [Int], with event: Event, _ text: UnsafeRawBufferPointer) {
        resolvePendingRun(preferring: nil)
        closeRunIfEnded()
        run = nil
        pending.begin(candidates: candidates, call: CallLearning.callKey(of: event, text: text))
        pending.append(event, text: text)
    }

    /// What the next line says about the pending run.
    func decidePending(_ event: Event, _ text: UnsafeRawBufferPointer) -> PendingDecision {
        if let request = event.request, config.uses(.request), opensOrJoinsRequest(request.key, event) {
            // An explicit request id wins: a line of a candidate's request tells the run is its.
            if event.kind != .requestStart, let owner = byRequest[request.key], pending.candidates.contains(owner) {
                return .resolve(owner)
            }
            return .boundary
        }
        if event.kind == .httpCall || event.kind == .access { return .boundary }
        if !requestTrackingSeen, beginsRequest(event, tagKeys: tagKeys(of: event, text), text: text) { return .boundary }
        if config.uses(.generation), let generation = event.generation, let owner = byGeneration[generation.key] {
            return pending.candidates.contains(owner) ? .resolve(owner) : .boundary
        }
        if pending.heldUser != nil, let flow = startIndex.firstMatch(event, tagKeys: tagKeys(of: event, text), text: text) {
            // A new user's run waits to learn its request's flow: this start tells it.
            return .resolve(firstFreshCandidate(ofFlow: flow) ?? firstFreshCandidate().first ?? pending.candidates[0])
        }
        if config.uses(.user), let user = event.user {
            if let held = pending.heldUser { return held == user.key ? .hold : .boundary }
            // Listed in a scratch buffer: a lazy filter's closure would be allocated for every line.
            var sharing = takeScratch(&sharingScratch)
            defer { sharingScratch = sharing }
            for number in pending.candidates where open.borrow(number, { $0.user == user.key }) == true {
                sharing.append(number)
            }
            if let first = sharing.first {
                // The user's open traces are not known to await this call, and a new request's
                // head is: the user's second request was authenticated.
                if !sharing.contains(where: expectsCall), let head = freshCandidateExpectingCall() {
                    return .resolve(head)
                }
                if sharing.dropFirst().isEmpty { return .resolve(first) }
                if let amount = event.amount, let owner = onlyCandidate(naming: amount, among: sharing) {
                    return .resolve(owner)
                }
                return discriminate(event, text, among: sharing).map { .resolve($0) } ?? .hold
            }
            let fresh = firstFreshCandidate()
            if fresh.count == 1, let first = fresh.first { return .resolve(first) }
            if fresh.count > 1 {
                pending.heldUser = user.key
                return .hold
            }
            return .boundary
        }
        return discriminate(event, text, among: pending.candidates).map { .resolve($0) } ?? .hold
    }

    /// The first candidate of `flow` that is a new request still waiting for its first response.
    private func firstFreshCandidate(ofFlow flow: Int) -> Int? {
        pending.candidates.first { number in
            open.borrow(number, { $0.isFreshHead && $0.flowIndex == flow }) == true
        }
    }

    /// Whether trace `number`'s last step is known to precede the pending run's call.
    private func expectsCall(_ number: Int) -> Bool {
        open.borrow(number, { calls.expects(step: $0.lastStepKey, call: pending.call) }) == true
    }

    /// The first candidate that is a new request whose last step is known to precede the call.
    private func freshCandidateExpectingCall() -> Int? {
        pending.candidates.first { number in
            open.borrow(number, \.isFreshHead) == true && expectsCall(number)
        }
    }

    /// The first fresh candidate and how many there are, without listing them.
    private func firstFreshCandidate() -> (first: Int?, count: Int) {
        var first: Int?
        var count = 0
        for number in pending.candidates where open.borrow(number, \.isFreshHead) == true {
            if first == nil { first = number }
            count += 1
        }
        return (first, count)
    }

    /// The one of `candidates` whose lines named `amount` when another's named a different one:
    /// a user's two requests in flight, told apart by what each costs.
    private func onlyCandidate(naming amount: Int64, among candidates: some Collection<Int>) -> Int? {
        var owner: Int?
        var otherAmountKnown = false
        for number in candidates {
            switch open.borrow(number, \.amount) ?? nil {
            case amount?:
                if owner != nil { return nil }
                owner = number
            case .some:
                otherAmountKnown = true
            case nil:
                break
            }
        }
        return otherAmountKnown ? owner : nil
    }

    /// The first of `candidates` whose flow is known to log a tag of `event` when another's is not.
    private func discriminate(_ event: Event, _ text: UnsafeRawBufferPointer, among candidates: some Collection<Int>) -> Int? {
        for index in 0..<event.tags.storedCount {
            let tag = event.tags.key(at: index, in: text)
            // The first that knows the tag, if not all do: counted, not listed (this runs for
            // most lines of a pending run).
            var first: Int?
            var knowing = 0
            var count = 0
            for number in candidates {
                count += 1
                guard flowTags.knows(flow: open.borrow(number, { $0.flowIndex }) ?? nil, tag: tag) else { continue }
                if first == nil { first = number }
                knowing += 1
            }
            if let first, knowing < count { return first }
        }
        return nil
    }

    /// The traces of the user a response line names that await its operation, when that user has
    /// several requests in flight (longest waiting first).
    func sameUserAwaiting(_ event: Event) -> [Int]? {
        guard config.uses(.user), let user = event.user, let traces = byUser[user.key], traces.count > 1 else { return nil }
        return awaiting.filter { number in
            traces.contains(number) && open.borrow(number, { Correlator.awaits($0, event) }) == true
        }
    }
}
