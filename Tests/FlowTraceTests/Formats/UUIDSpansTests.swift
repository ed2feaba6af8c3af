import Testing
@testable import FlowTrace

/// ``UUIDSpans/find(in:count:masking:)`` (one pass in C) against a plain reading of its
/// definition, on generated texts full of UUIDs and near misses.
@Suite struct UUIDSpansTests {
    struct Found: Equatable {
        var starts: [Int]
        var keys: [EntityKey]
        var masked: [UInt8]?
    }

    /// By definition: left to right, each canonical UUID that no word byte touches, at most four
    /// (nil for more); the masked text when there is one.
    static func reference(_ bytes: [UInt8]) -> Found? {
        var found = Found(starts: [], keys: [], masked: nil)
        var start = 0
        while start + 36 <= bytes.count {
            let standsAlone = (start == 0 || !ByteClass.isWord(bytes[start - 1]))
                && (start + 36 == bytes.count || !ByteClass.isWord(bytes[start + 36]))
            let key = bytes.withUnsafeBytes { ByteClass.uuidKey($0.baseAddress!, at: start, end: bytes.count) }
            guard standsAlone, let key else {
                start += 1
                continue
            }
            if found.starts.count == UUIDSpans.capacity { return nil }
            var masked = found.masked ?? bytes
            let first = found.keys.firstIndex(of: key) ?? found.keys.count
            for index in start..<start + 36 { masked[index] = 0x02 + UInt8(first) }
            masked[start] = 0x01
            found.masked = masked
            found.starts.append(start)
            found.keys.append(key)
            start += 36
        }
        return found
    }

    static func found(_ bytes: [UInt8]) -> Found? {
        var masked = [UInt8](repeating: 0xEE, count: max(bytes.count, 1))
        let spans = bytes.withUnsafeBytes { raw in
            masked.withUnsafeMutableBytes { UUIDSpans.find(in: raw.baseAddress!, count: bytes.count, masking: $0.baseAddress!) }
        }
        guard !spans.overflowed else { return nil }
        return Found(starts: (0..<spans.count).map(spans.start), keys: (0..<spans.count).map(spans.key),
                     masked: spans.count > 0 ? Array(masked.prefix(bytes.count)) : nil)
    }

    @Test func agreesWithTheDefinitionOnGeneratedTexts() {
        var generator = SeededGenerator(seed: 0x0123_4567)
        let uuids = ["6816de06-0a04-4f48-921b-18a91ab1c42f", "0B5F3D86-268E-4C45-9C6B-F1E1A399F82A",
                     "0b5f3d86-268e-4c45-9c6b-f1e1a399f82a", "6816de06-0a04-4f48-921b-18a91ab1c4zz",
                     "6816de06-0a04-4f48-921b18a91ab1c42f0", "12345678-1234-1234-1234-123456789012"]
        let pieces = uuids + [" ", "-", "x", "_", ".", "[", "]", "user ", "eq.", "9", "ab", "é", "-abcd", "----"]
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            while bytes.count < Int.random(in: 0...200, using: &generator) {
                bytes += Array(pieces[Int.random(in: 0..<pieces.count, using: &generator)].utf8)
            }
            if bytes.count > UUIDSpans.maxMessageLength { bytes = Array(bytes.prefix(UUIDSpans.maxMessageLength)) }
            #expect(Self.found(bytes) == Self.reference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// More than four UUIDs, or a message too long for a start to fit a byte: not remembered.
    @Test(arguments: [(4, 0, false), (5, 0, true), (1, 220, true)])
    func overflows(_ uuids: Int, _ padding: Int, _ overflows: Bool) {
        let text = String(repeating: "user 6816de06-0a04-4f48-921b-18a91ab1c42f ", count: uuids)
            + String(repeating: "x", count: padding)
        let bytes = Array(text.utf8)
        var masked = [UInt8](repeating: 0, count: bytes.count)
        let spans = bytes.withUnsafeBytes { raw in
            masked.withUnsafeMutableBytes { UUIDSpans.find(in: raw.baseAddress!, count: bytes.count, masking: $0.baseAddress!) }
        }
        #expect(spans.overflowed == overflows)
        if !overflows { #expect(spans.count == uuids) }
    }
}
