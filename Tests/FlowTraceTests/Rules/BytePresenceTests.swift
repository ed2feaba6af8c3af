import Testing
@testable import FlowTrace

/// The byte screen before prefilter searches must never reject a text that contains the literal.
@Suite struct BytePresenceTests {
    private func presence(_ bytes: [UInt8]) -> BytePresence {
        bytes.withUnsafeBytes { text in
            BytePresence.bitOfByte.withUnsafeBufferPointer { BytePresence(of: text, bitOfByte: $0.baseAddress!) }
        }
    }

    @Test func aTextHasTheBytesOfEveryPartOfIt() {
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("aAzZ09 _-/.:[]é✅\t".utf8) + [0x00, 0x7F, 0xFF]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let start = Int.random(in: 0...text.count, using: &random)
            let end = Int.random(in: start...text.count, using: &random)
            #expect(presence(text).contains(BytePresence(requiredBy: Array(text[start..<end]))))
        }
    }

    @Test func aMissingLetterRejects() {
        let text = presence(Array("Using SERVICE client for select on users".utf8))
        #expect(text.contains(BytePresence(requiredBy: Array("SERVICE client".utf8))))
        #expect(!text.contains(BytePresence(requiredBy: Array("ANON client".utf8))))
        #expect(!text.contains(BytePresence(requiredBy: Array("Delete".utf8))))
        #expect(text.contains(BytePresence()))
    }
}
