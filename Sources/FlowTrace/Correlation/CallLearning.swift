/// What the service calls after which step, learned from the log itself: after
/// `[AUTH] Validating …` the request awaits `GET /auth…`, after `[GENERATION] Submitting …` it awaits
/// `POST /fal-ai…`. When several requests could own an HTTP response, those whose last step is
/// known to precede a different call are ruled out.
struct CallLearning {
    private var callsAfterStep: [UInt64: [UInt64]] = [:]
    static let maxSteps = 4096
    static let maxCallsPerStep = 8

    /// The "call" a request makes when it finishes: its request-tracking end line.
    static let endKey: UInt64 = 0xE4D0_0000_0000_0001

    /// Records that a request whose last line was `step` awaited `call`.
    mutating func learn(step: UInt64, call: UInt64) {
        guard step != 0, call != 0 else { return }
        if var calls = callsAfterStep[step] {
            guard !calls.contains(call), calls.count < CallLearning.maxCallsPerStep else { return }
            calls.append(call)
            callsAfterStep[step] = calls
        } else if callsAfterStep.count < CallLearning.maxSteps {
            callsAfterStep[step] = [call]
        }
    }

    /// Whether a request whose last line was `step` may be awaiting `call`: yes unless the step
    /// is known to precede other calls only.
    func mayAwait(step: UInt64, call: UInt64) -> Bool {
        guard let calls = callsAfterStep[step] else { return true }
        return calls.contains(call)
    }

    /// The key of a step: the line's first tag and the first word after it (`AUTH Validating`).
    static func stepKey(of event: Event, text: UnsafeRawBufferPointer) -> UInt64 {
        guard !event.tags.isEmpty else { return 0 }
        let tag = event.tags.range(at: 0)
        var start = tag.end + 1
        while start < text.count, text[start] == UInt8(ascii: " ") { start += 1 }
        var end = start
        while end < text.count, end - start < 32, text[end] != UInt8(ascii: " ") { end += 1 }
        let word = UnsafeRawBufferPointer(rebasing: text[start..<end])
        return event.tags.key(at: 0) &* 31 &+ TagList.key(of: word)
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
