import Testing
@testable import FlowTrace

@Suite struct EntityTextTests {
    private func entityText(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { EntityText($0).string }
    }

    private func rangeText(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { TextRange(start: 0, count: $0.count).string(in: $0) }
    }

    /// Every length around the inline capacity reads back as the range's String would.
    @Test func readsBackEveryLengthAsTheRangeWould() {
        let alphabet = Array("0123456789abcdef-ABCDEFGHIJKLMNOPQRSTUVWXYZ_xyz".utf8)
        for length in 0...(EntityText.inlineCapacity + 9) {
            let bytes = (0..<length).map { alphabet[($0 * 7) % alphabet.count] }
            #expect(entityText(bytes) == String(decoding: bytes, as: UTF8.self), "length \(length)")
        }
    }

    @Test func keepsAUUIDAndALongID() {
        let uuid = "22cb3917-57f6-49c6-ac96-ec266570081b"
        #expect(entityText(Array(uuid.utf8)) == uuid)
        let long = "req_" + String(repeating: "9f1c2d3e", count: 8)
        #expect(entityText(Array(long.utf8)) == long)
    }

    /// Invalid UTF-8 is repaired as elsewhere in reports, inline or not.
    @Test func repairsInvalidUTF8LikeTheRangeString() {
        let short: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82]
        #expect(entityText(short) == rangeText(short))
        #expect(entityText(short).contains("\u{FFFD}"))
        let long = Array(repeating: UInt8(0x41), count: 50) + [0xC3]
        #expect(entityText(long) == rangeText(long))
    }
}
