import Testing
@testable import FlowTrace

@Suite struct BuiltinDataTests {
    @Test func embedsTheRulesFolder() {
        #expect(!BuiltinData.files.isEmpty)
    }
}
