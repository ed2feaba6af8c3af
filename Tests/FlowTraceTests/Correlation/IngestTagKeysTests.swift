import Testing
@testable import FlowTrace

/// Events do not store their tags' keys: the correlator hashes a line's once per ``Correlator/ingest(_:text:)``
/// and hashes any other event's (a held line it attaches meanwhile) from that event's own text.
@Suite struct IngestTagKeysTests {
    @Test func theIngestedLinesKeysServeOnlyItsOwnText() {
        let harness = CorrelationHarness()
        let correlator = harness.correlator
        let line = SyntheticEvent(1, "🔐 [AUTH] Validating JWT", tags: ["AUTH"])
        let held = SyntheticEvent(2, "✅ [GENERATION] Credit check passed", tags: ["GENERATION"])
        line.text.withUnsafeBytes { text in
            correlator.ingesting = (text, line.event.tags.keys(in: text))
            #expect(correlator.tagKeys(of: line.event, text)[0] == TagList.key(of: "AUTH"))
            held.text.withUnsafeBytes { heldText in
                let keys = correlator.tagKeys(of: held.event, heldText)
                #expect(keys.count == 1 && keys[0] == TagList.key(of: "GENERATION"))
            }
            correlator.ingesting = nil
        }
    }

    @Test func ingestForgetsTheLineAfterwards() {
        let harness = CorrelationHarness()
        harness.feed([SyntheticEvent(1, "🔐 [AUTH] Validating JWT", tags: ["AUTH"])])
        #expect(harness.correlator.ingesting == nil)
    }
}
