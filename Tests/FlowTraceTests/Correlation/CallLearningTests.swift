import Testing
@testable import FlowTrace

/// What the learned calls say about a request whose last line was a given step.
@Suite struct CallLearningTests {
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
}
