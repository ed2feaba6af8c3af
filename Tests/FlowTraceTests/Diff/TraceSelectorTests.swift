import Testing
@testable import FlowTrace

/// Choosing a trace: `FILE@field=value`, and what a selector matches.
@Suite struct TraceSelectorTests {
    @Test func splitsTheCompactForm() {
        let (path, selector) = TraceSelector.split("logs/app@2025.log@user=22cb3917")
        #expect(path == "logs/app@2025.log")
        #expect(selector == TraceSelector(.user, "22cb3917"))
        #expect(TraceSelector.split("-@trace=t3").selector == TraceSelector(.trace, "t3"))
        #expect(TraceSelector.split("mail@example.com.log") == ("mail@example.com.log", nil))
        #expect(TraceSelector.split("app.log@colour=red").selector == nil)
        #expect(TraceSelector.split("app.log@user=").selector == nil)
    }

    @Test func matchesIdsInFullOrByPrefix() {
        var flow = DiffFlowBuilder.flow([])
        flow.traceID = "t3"
        flow.user = "22cb3917-57f6-49c6-ac96-ec266570081b"
        flow.request = "3E1C26D3-23ef-423e-a848-f808f54d35bf"
        #expect(TraceSelector(.user, "22cb3917-57f6-49c6-ac96-ec266570081b").matches(flow))
        #expect(TraceSelector(.user, "22CB").matches(flow))
        #expect(!TraceSelector(.user, "22c").matches(flow))
        #expect(TraceSelector(.request, "3e1c26d3").matches(flow))
        #expect(!TraceSelector(.generation, "3e1c26d3").matches(flow))
        #expect(TraceSelector(.trace, "t3").matches(flow))
        #expect(!TraceSelector(.trace, "t").matches(flow))
    }
}
