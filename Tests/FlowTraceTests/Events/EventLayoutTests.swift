import Testing
@testable import FlowTrace

/// The packed storage of ``Event``: its size, and the accessors that hide the packing.
@Suite struct EventLayoutTests {
    @Test func eventFitsInFourCacheLines() {
        #expect(MemoryLayout<Event>.stride <= 256, """
            Event grew to \(MemoryLayout<Event>.stride) bytes. Every line's event is written by the parser, \
            copied about three times by the correlator and read by the judge, so its size is memory traffic \
            on the hot path: keep it within four cache lines, its fields declared widest first.
            """)
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
        for index in 0..<6 { tags.append(TextRange(start: index * 3 + 1, count: 1)) }
        #expect(tags.count == 6)
        #expect(tags.storedCount == TagList.capacity)
        let keys = text.withUnsafeBytes { tags.keys(in: $0) }
        #expect(keys.count == TagList.capacity)
        #expect((0..<keys.count).map { keys[$0] } == ["A", "B", "C", "D"].map { TagList.key(of: $0) })
        #expect(TagList().keys(in: UnsafeRawBufferPointer(start: nil, count: 0)).isEmpty)
        #expect(!tags.isEmpty)
        #expect(TagList().isEmpty && TagList().count == 0)
    }

    @Test func tagKeysAreHashedFromTheTextWhereverItLies() {
        let text = Array("[AUTH] x [DB-CREATE]".utf8)
        var tags = TagList()
        tags.append(TextRange(start: 1, count: 4))
        tags.append(TextRange(start: 10, count: 9))
        text.withUnsafeBytes { buffer in
            #expect(tags.key(at: 0, in: buffer) == TagList.key(of: "AUTH"))
            #expect(tags.key(at: 1, in: buffer) == TagList.key(of: "DB-CREATE"))
            #expect(tags.contains(key: TagList.key(of: "DB-CREATE"), in: buffer))
            #expect(!tags.contains(key: TagList.key(of: "AUTH "), in: buffer))
        }
        // The same text copied 7 bytes on, as a trace stores it: the moved ranges give the same keys.
        let shifted = Array("prefix ".utf8) + text
        let moved = tags.movingStoredRanges(by: 7)
        var rebased = tags
        rebased.rebase(by: 7)
        shifted.withUnsafeBytes { buffer in
            for list in [moved, rebased] {
                #expect(list.key(at: 0, in: buffer) == TagList.key(of: "AUTH"))
                #expect(list.key(at: 1, in: buffer) == TagList.key(of: "DB-CREATE"))
            }
        }
    }
}
