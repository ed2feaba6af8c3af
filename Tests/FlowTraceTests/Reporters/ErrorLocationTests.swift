@testable import FlowTrace
import Testing

/// Audit: an input that failed before its first line was reported at `file:0` (and `"line":0`).
@Suite struct ErrorLocationTests {
    @Test func noLineBeforeTheFirstIsShown() {
        let failure = InputFailure.corruptGzip("unknown compression method", at: 2)
        let early = failure.error(file: "m.log", linesDelivered: 0)
        #expect(early.location?.line == nil)
        #expect(early.location?.byteOffset == 2)
        #expect(early.description.hasPrefix("m.log (byte offset 2): corrupt gzip data"))
        #expect(early.description.contains("no line could be read"))
        let later = failure.error(file: "m.log", linesDelivered: 7)
        #expect(later.location?.line == 7)
        #expect(later.description.hasPrefix("m.log:7 (byte offset 2): "))
        #expect(FlowTraceError.Location(file: "f", line: 0, column: 3).description == "f")
    }

    @Test func theTextSummarySaysWhatWasAnalysed() {
        var unopened = ScanSummary(file: "gone.log")
        unopened.error = FlowTraceError(.unreadableInput, "cannot open the file")
        #expect(ReportText.analysedBefore(unopened) == "nothing of it could be read")
        var truncated = ScanSummary(file: "t.log.gz")
        truncated.linesRead = 12
        #expect(ReportText.analysedBefore(truncated) == "everything before it was analysed")
    }
}
