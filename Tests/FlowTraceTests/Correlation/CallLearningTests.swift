import Testing
@testable import FlowTrace

/// What the learned calls say about a request whose last line was a given step.
@Suite struct CallLearningTests {
    /// A step's key is its first tag and the word after it (at most 32 bytes, up to a space or
    /// the line's end), found eight bytes at a time: it equals the key of that tag and word for
    /// every word length, with one or more spaces before it and text or nothing after it.
    @Test func aStepKeyIsTheTagAndTheWordAfterIt() {
        for length in 0...40 {
            let word = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            // (An empty word followed by more text would make that text's first word the step's.)
            for (spaces, rest) in [(" ", length == 0 ? "" : " for user 1"), ("   ", ""), (" ", "")] {
                let item = SyntheticEvent(1, "🔍 [GENERATION]\(spaces)\(word)\(rest)", tags: ["GENERATION"])
                let key = item.text.withUnsafeBytes { CallLearning.stepKey(of: item.event, text: $0) }
                let expected = Array(word.utf8.prefix(32)).withUnsafeBytes { bytes in
                    TagList.key(of: "GENERATION") &* 31 &+ TagList.key(of: bytes)
                }
                #expect(key == expected, "word of \(length) bytes, \(spaces.count) spaces, rest \(rest.isEmpty ? "none" : "text")")
            }
        }
    }

    @Test func aStepKnownToPrecedeACallDoesNotEndARequest() {
        var calls = CallLearning()
        let (submitting, processing, unknown): (UInt64, UInt64, UInt64) = (11, 12, 13)
        let falCall: UInt64 = 21
        calls.learn(step: submitting, call: falCall)
        // A wrong guess once taught that the step ended a request: the call still rules it out.
        calls.learn(step: submitting, call: CallLearning.endKey)
        calls.learn(step: processing, call: CallLearning.endKey)
        #expect(!calls.mayEnd(step: submitting))
        #expect(calls.mayEnd(step: processing))
        #expect(calls.mayEnd(step: unknown))
    }

    /// A response that what was learned gave to the one plausible trace, ruling the others out,
    /// teaches nothing: had the lesson that ruled them out been wrong, the response's true owner
    /// would never get such a response again, and its step never learn better.
    @Test func aResponseNarrowedByLessonsTeachesNothing() {
        let userA = "22cb3917-57f6-49c6-ac96-ec266570081b"
        let userB = "5a0f9c1e-8d2b-4f7a-9e3c-1b2d3e4f5a6b"
        let balance = SyntheticEvent(1, "💳 [USER_SERVICE] Getting credits for user \(userA)", tags: ["USER_SERVICE"], user: userA)
        let generation = SyntheticEvent(2, "🔍 [GENERATION] Starting credit check for user \(userB)", tags: ["GENERATION"],
                                        user: userB)
        let response = SyntheticEvent(3, "HTTP Request: POST https://queue.fal.run/fal-ai/flux \"HTTP/1.1 200 OK\"",
                                      kind: .httpCall, method: .post, path: "/fal-ai/flux", httpStatus: 200)
        let elsewhere = SyntheticEvent(4, "HTTP Request: GET https://x.supabase.co/elsewhere \"HTTP/2 200 OK\"",
                                       kind: .httpCall, method: .get, path: "/elsewhere", httpStatus: 200)
        func stepKey(_ item: SyntheticEvent) -> UInt64 { item.text.withUnsafeBytes { CallLearning.stepKey(of: item.event, text: $0) } }
        func callKey(_ item: SyntheticEvent) -> UInt64 { item.text.withUnsafeBytes { CallLearning.callKey(of: item.event, text: $0) } }

        let harness = CorrelationHarness()
        harness.feed([balance, generation])
        // A lesson (right or wrong) says that after the balance step comes another call.
        harness.correlator.calls.learn(step: stepKey(balance), call: callKey(elsewhere))
        harness.feed([response])
        let traces = harness.run([])
        #expect(traces.first { $0.userText == userB }?.lineNumbers == [2, 3])
        // Nothing was taught about the generation step: it may still await any call.
        let mayAwaitAnyCall = harness.correlator.calls.mayAwait(step: stepKey(generation), call: callKey(elsewhere))
        #expect(mayAwaitAnyCall)
    }
}
