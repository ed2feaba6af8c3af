import Testing
@testable import FlowTrace

/// Every prefix of every sample, and random byte noise, parse without trapping, and every range of
/// the event lies inside the event text.
@Suite struct ParserRobustnessTests {
    static func rangesAreInside(_ event: Event, count: Int) -> Bool {
        var ranges = [event.logger, event.message, event.httpPath]
        ranges += [event.user, event.generation, event.request, event.unlabeledID, event.table].compactMap { $0?.range }
        ranges += (0..<event.tags.storedCount).map { event.tags.range(at: $0) }
        return ranges.allSatisfy { $0.start >= 0 && $0.count >= 0 && $0.end <= count }
    }

    @Test(arguments: FormatSampleTests.samples)
    func everyPrefixOfASample(_ sample: FormatSample) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let bytes = Array(sample.line.utf8)
        for length in 0...bytes.count {
            bytes[0..<length].withUnsafeBytes { buffer in
                let event = parser.parse(RawLine(bytes: buffer, number: length, byteOffset: 0, fullLength: buffer.count))
                let count = parser.withText { $0.count }
                #expect(Self.rangesAreInside(event, count: count), "prefix of \(length) bytes")
            }
        }
    }

    @Test func randomNoise() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("{}[]\":,\\u0123456789abcdefABCDEF-_ .|/?=&\u{1b}TZ:+".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0x9F]
        for round in 0..<20_000 {
            let length = Int(generator.next() % 120)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                let pick = generator.next()
                bytes.append(pick % 4 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : alphabet[Int(pick >> 8) % alphabet.count])
            }
            if round % 3 == 0, let sample = FormatSampleTests.samples.randomElement(using: &generator) {
                var line = Array(sample.line.utf8)
                if !line.isEmpty { line[Int(generator.next() % UInt64(line.count))] = UInt8(truncatingIfNeeded: generator.next()) }
                bytes = line
            }
            bytes.withUnsafeBytes { buffer in
                let event = parser.parse(RawLine(bytes: buffer, number: round, byteOffset: 0, fullLength: buffer.count))
                let count = parser.withText { $0.count }
                #expect(Self.rangesAreInside(event, count: count))
            }
        }
    }
}
