import Testing
@testable import FlowTrace

/// The word-at-a-time hash behind tag and entity keys: equal bytes give equal keys wherever they
/// lie in memory, case folding equals hashing the lowered bytes, and nearby inputs differ.
@Suite struct ByteHashTests {
    private static let text = Array("users_Profiles-CREDIT_SERVICE 0123456789abcdefXYZ".utf8)

    @Test func equalBytesGiveEqualKeysAtAnyOffset() {
        let copy = [UInt8](repeating: 0x2E, count: 5) + ByteHashTests.text
        for count in 0...20 {
            let key = ByteHashTests.text.withUnsafeBytes { TagList.key(of: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            let moved = copy.withUnsafeBytes { TagList.key(of: UnsafeRawBufferPointer(rebasing: $0[5..<(5 + count)])) }
            #expect(key == moved)
        }
    }

    @Test func foldingCaseEqualsHashingLoweredBytes() {
        let lowered = ByteHashTests.text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for count in 0...ByteHashTests.text.count {
            let folded = ByteHashTests.text.withUnsafeBytes {
                EntityKey(hashing: UnsafeRawBufferPointer(rebasing: $0[..<count]), foldingCase: true)
            }
            let plain = lowered.withUnsafeBytes { EntityKey(hashing: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            #expect(folded == plain)
        }
    }

    @Test func prefixesAndOneByteChangesDiffer() {
        var keys = Set<EntityKey>()
        for count in 0...ByteHashTests.text.count {
            keys.insert(ByteHashTests.text.withUnsafeBytes { EntityKey(hashing: UnsafeRawBufferPointer(rebasing: $0[..<count])) })
        }
        for index in ByteHashTests.text.indices {
            var changed = ByteHashTests.text
            changed[index] ^= 1
            keys.insert(changed.withUnsafeBytes { EntityKey(hashing: $0) })
        }
        #expect(keys.count == 2 * ByteHashTests.text.count + 1)
    }

    /// Tag keys take two overlapping loads up to sixteen bytes: every prefix, and every one-byte
    /// change of every prefix, must still give a key of its own (and none is 0).
    @Test func shortKeysOfPrefixesAndOneByteChangesDiffer() {
        var keys = Set<UInt64>()
        var inputs = 0
        for count in 0...20 {
            let prefix = Array(ByteHashTests.text[..<count])
            keys.insert(prefix.withUnsafeBytes { TagList.key(of: $0) })
            inputs += 1
            for index in prefix.indices {
                var changed = prefix
                changed[index] ^= 0x40
                keys.insert(changed.withUnsafeBytes { TagList.key(of: $0) })
                inputs += 1
            }
        }
        #expect(keys.count == inputs)
        #expect(!keys.contains(0))
    }
}
