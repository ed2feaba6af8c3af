import Testing
@testable import FlowTrace

/// The packed storage of ``Event``: its size, and the accessors that hide the packing.
@Suite struct EventLayoutTests {
    @Test func eventFitsItsSizeBudget() {
        // Every line's event is written by the parser, copied about three times by the correlator
        // and read by the judge: its size is memory traffic on the hot path.
        #expect(MemoryLayout<Event>.stride <= 288,
                "Event grew to \(MemoryLayout<Event>.stride) bytes; keep its fields ordered widest first")
    }

    @Test func timeRoundTripsWithAndWithoutDate() {
        var event = Event()
        #expect(event.time == nil)
        let dated = LogTime(milliseconds: 1_754_118_477_123, hasDate: true)
        event.time = dated
        #expect(event.time == dated)
        #expect(event.time?.hasDate == true)
        let undated = LogTime(milliseconds: 25_677_123, hasDate: false)
        event.time = undated
        #expect(event.time == undated)
        #expect(event.time?.hasDate == false)
        event.time = dated
        #expect(event.time?.hasDate == true)
        event.time = nil
        #expect(event.time == nil)
        for milliseconds in [Int64.min, -1, 0, Int64.max] {
            event.time = LogTime(milliseconds: milliseconds, hasDate: false)
            #expect(event.time == LogTime(milliseconds: milliseconds, hasDate: false))
        }
    }

    @Test func timeIsIndependentOfTheOtherOptionalFields() {
        var event = Event()
        event.rowCount = 3
        event.time = LogTime(milliseconds: 42, hasDate: true)
        event.amount = nil
        #expect(event.time == LogTime(milliseconds: 42, hasDate: true))
        event.time = nil
        #expect(event.rowCount == 3)
        event.time?.hasDate = true
        #expect(event.time == nil)
        event.time = LogTime(milliseconds: 42, hasDate: false)
        event.time?.hasDate = true
        #expect(event.time == LogTime(milliseconds: 42, hasDate: true))
    }

    @Test func tagCountCountsBeyondTheStoredTags() {
        let text = Array("[A][B][C][D][E][F]".utf8)
        var tags = TagList()
        text.withUnsafeBytes { buffer in
            for index in 0..<6 { tags.append(TextRange(start: index * 3 + 1, count: 1), in: buffer) }
        }
        #expect(tags.count == 6)
        #expect(tags.storedCount == TagList.capacity)
        #expect(!tags.isEmpty)
        #expect(TagList().isEmpty && TagList().count == 0)
    }
}
