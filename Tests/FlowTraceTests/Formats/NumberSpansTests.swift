import Testing
@testable import FlowTrace

/// ``NumberSpans/find(in:count:)`` (an SSE2 scan over bit masks) against a plain reading of its
/// definition, on chosen and on generated texts.
@Suite struct NumberSpansTests {
    /// The spans by definition: maximal digit runs that start the text or follow a non-word byte;
    /// nil for a run over 18 digits, more than 15 runs, or the sentinel byte.
    static func reference(_ bytes: [UInt8]) -> [Range<Int>]? {
        if bytes.contains(NumberSpans.sentinel) { return nil }
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard ByteClass.isDigit(bytes[index]), index == 0 || !ByteClass.isWord(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, ByteClass.isDigit(bytes[end]) { end += 1 }
            if end - index > NumberSpans.longest || spans.count == NumberSpans.capacity { return nil }
            spans.append(index..<end)
            index = end
        }
        return spans
    }

    /// The spans `find` reports for `bytes`, read from a buffer padded to a multiple of sixteen
    /// with digits, which must not count.
    static func found(_ bytes: [UInt8]) -> [Range<Int>]? {
        let padded = bytes + [UInt8](repeating: 0x37, count: 16 - bytes.count % 16)
        return padded.withUnsafeBytes { buffer -> [Range<Int>]? in
            guard let spans = NumberSpans.find(in: buffer.baseAddress!, count: bytes.count) else { return nil }
            return (0..<spans.count).map { spans.start($0)..<spans.start($0) + spans.length($0) }
        }
    }

    @Test(arguments: [
        "", "7", "port 51234", "10.0.0.7:51234 - \"POST /api/v1/generations HTTP/1.1\" 200",
        "v1 abc123 x_9 9x", "Deducting 10 credits, new balance: 490", "[12345] GET /x - 400 - 812ms",
        String(repeating: "1", count: 18), String(repeating: "1", count: 19), "a 123456789012345678 b",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
        String(repeating: "x", count: 60) + " 12345678 " + String(repeating: "y", count: 60) + "-99",
        String(repeating: "z", count: 63) + "5", String(repeating: "z", count: 63) + " 5",
        String(repeating: " ", count: 62) + String(repeating: "4", count: 10) + " end",
        "bad \u{06} 12",
    ])
    func findsWhatTheDefinitionSays(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.found(bytes) == Self.reference(bytes), "\(text)")
    }

    @Test func agreesWithTheDefinitionOnGeneratedTexts() {
        var generator = SeededGenerator(seed: 0x5EED_0017)
        // Digits, separators, letters, `_`, non-ASCII and the sentinel, digits most often.
        let alphabet: [UInt8] = Array("0123456789012345 .:-/_aZ".utf8) + [0xC3, 0x06]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...192, using: &generator)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<2000, using: &generator) == 0 ? NumberSpans.sentinel
                    : alphabet[Int.random(in: 0..<alphabet.count - 1, using: &generator)]
            }
            #expect(Self.found(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test func readsEachSpansValue() {
        let bytes = Array("GET /x - 404 - 0012ms".utf8) + [UInt8](repeating: 0x20, count: 11)
        bytes.withUnsafeBytes { buffer in
            let spans = NumberSpans.find(in: buffer.baseAddress!, count: 21)!
            #expect(spans.count == 2)
            #expect(spans.value(0, in: buffer.baseAddress!) == 404)
            #expect(spans.value(1, in: buffer.baseAddress!) == 12)
        }
    }
}
