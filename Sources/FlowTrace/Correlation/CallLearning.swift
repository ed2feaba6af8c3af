/// What the service calls after which step, learned from the log itself: after
/// `[AUTH] Validating …` the request awaits `GET /auth…`, after `[GENERATION] Submitting …` it awaits
/// `POST /fal-ai…`. When several requests could own an HTTP response, those whose last step is
/// known to precede a different call are ruled out.
struct CallLearning {
    static let maxSteps = 4096
    static let maxCallsPerStep = 8
    /// An open-addressing table of step keys (0: empty slot), twice `maxSteps` in size, and for
    /// each slot its calls, `maxCallsPerStep` apiece: a lookup hashes nothing and retains nothing.
    private var steps = [UInt64](repeating: 0, count: 2 * CallLearning.maxSteps)
    private var calls = [UInt64](repeating: 0, count: 2 * CallLearning.maxSteps * CallLearning.maxCallsPerStep)
    private var callCounts = [UInt8](repeating: 0, count: 2 * CallLearning.maxSteps)
    private var stepCount = 0

    /// The "call" a request makes when it finishes: its request-tracking end line.
    static let endKey: UInt64 = 0xE4D0_0000_0000_0001

    /// The slot of `step`, or the empty slot where it would go.
    private func slot(of step: UInt64) -> Int {
        steps.withUnsafeBufferPointer { steps in
            let mask = steps.count - 1
            var index = Int(truncatingIfNeeded: (step &* 0x9E37_79B9_7F4A_7C15) >> 51) & mask
            while steps[index] != 0, steps[index] != step { index = (index + 1) & mask }
            return index
        }
    }

    /// Whether slot `index` lists `call` (read in place: this runs for most response lines).
    private func lists(_ call: UInt64, at index: Int) -> Bool {
        let known = index * CallLearning.maxCallsPerStep
        let count = Int(callCounts[index])
        return calls.withUnsafeBufferPointer { calls in
            for offset in 0..<count where calls[known + offset] == call { return true }
            return false
        }
    }

    /// Records that a request whose last line was `step` awaited `call`.
    mutating func learn(step: UInt64, call: UInt64) {
        guard step != 0, call != 0 else { return }
        let index = slot(of: step)
        if steps[index] == 0 {
            guard stepCount < CallLearning.maxSteps else { return }
            steps[index] = step
            stepCount += 1
        }
        let count = Int(callCounts[index])
        let known = index * CallLearning.maxCallsPerStep
        guard count < CallLearning.maxCallsPerStep, !calls[known..<known + count].contains(call) else { return }
        calls[known + count] = call
        callCounts[index] += 1
    }

    /// Whether a request whose last line was `step` may be awaiting `call`: yes unless the step
    /// is known to precede other calls only.
    func mayAwait(step: UInt64, call: UInt64) -> Bool {
        expects(step: step, call: call) ?? true
    }

    /// Whether `step` is known to precede `call`: nil when nothing was learned about the step.
    func expects(step: UInt64, call: UInt64) -> Bool? {
        let index = slot(of: step)
        guard steps[index] != 0 else { return nil }
        return lists(call, at: index)
    }

    /// Whether a request whose last line was `step` may have finished: yes unless the step is
    /// known to precede an HTTP call (a step that awaits a call before it goes on, even if a wrong
    /// guess once taught that it ended a request) or known to precede no end.
    func mayEnd(step: UInt64) -> Bool {
        let index = slot(of: step)
        guard steps[index] != 0 else { return true }
        let known = index * CallLearning.maxCallsPerStep
        let count = Int(callCounts[index])
        return calls.withUnsafeBufferPointer { calls in
            for offset in 0..<count where calls[known + offset] != CallLearning.endKey { return false }
            return true
        }
    }

    /// The key of a step: the line's first tag and the first word after it (`AUTH Validating`).
    static func stepKey(of event: Event, text: UnsafeRawBufferPointer) -> UInt64 {
        stepKey(of: event, tagKeys: event.tags.keys(in: text), text: text)
    }

    /// ``stepKey(of:text:)`` with the event's tag keys at hand.
    static func stepKey(of event: Event, tagKeys: TagKeys, text: UnsafeRawBufferPointer) -> UInt64 {
        guard !tagKeys.isEmpty else { return 0 }
        return stepKey(tagKey: tagKeys[0], wordFrom: event.tags.range(at: 0).end + 1, in: text)
    }

    /// The key of the step whose first tag has key `tagKey` and whose first word after it starts
    /// at `start` of `line`, after any spaces.
    static func stepKey(tagKey: UInt64, wordFrom start: Int, in line: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = line.baseAddress else { return 0 }
        var start = start
        while start < line.count, base.load(fromByteOffset: start, as: UInt8.self) == UInt8(ascii: " ") { start += 1 }
        let end = ByteSearch.firstOffset(of: 0x20, in: base, from: start, to: min(line.count, start + 32))
        let word = UnsafeRawBufferPointer(start: base + start, count: max(end - start, 0))
        return tagKey &* 31 &+ TagList.key(of: word)
    }

    /// The key of an HTTP call: its method and the first segment of its path (`GET /auth`).
    static func callKey(of event: Event, text: UnsafeRawBufferPointer) -> UInt64 {
        guard event.kind == .httpCall, !event.httpPath.isEmpty else { return 0 }
        let path = event.httpPath.slice(text)
        var end = 1
        while end < path.count, path[end] != UInt8(ascii: "/"), path[end] != UInt8(ascii: "?") { end += 1 }
        return UInt64(event.httpMethod.rawValue) &* 0x9E37_79B9_7F4A_7C15
            &+ TagList.key(of: UnsafeRawBufferPointer(rebasing: path[0..<min(end, path.count)]))
    }
}
