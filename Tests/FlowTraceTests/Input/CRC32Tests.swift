import CChecksum
import CZlib
import Testing

/// ``flowtrace_crc32`` (carry-less multiplication where the CPU has it) against zlib's `crc32`.
@Suite struct CRC32Tests {
    /// Every length up to a few folds, then lengths around and past the 64-byte blocks.
    private static let lengths = Array(0...300) + [511, 512, 513, 1023, 1024, 1025, 4095, 4096, 4097, 8191, 65_536 + 17]

    private static let bytes: [UInt8] = {
        var generator = SeededGenerator(seed: 32)
        return (0..<(70_000)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }()

    @Test func matchesZlibForEveryLengthAndMisalignment() {
        Self.bytes.withUnsafeBytes { bytes in
            for length in Self.lengths {
                for misalignment in 0..<16 {
                    let start = bytes.baseAddress! + misalignment
                    let seed = UInt32(truncatingIfNeeded: length &* 2_654_435_761)
                    let expected = UInt32(crc32(UInt(seed), start.assumingMemoryBound(to: Bytef.self), UInt32(length)))
                    let actual = flowtrace_crc32(seed, start, length)
                    #expect(actual == expected, "length \(length), misalignment \(misalignment)")
                }
            }
        }
    }

    @Test func piecesAddUpToTheWhole() {
        var generator = SeededGenerator(seed: 7)
        Self.bytes.withUnsafeBytes { bytes in
            let expected = UInt32(crc32(0, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), UInt32(bytes.count)))
            for _ in 0..<20 {
                var crc: UInt32 = 0
                var start = 0
                while start < bytes.count {
                    let piece = min(Int.random(in: 0...3000, using: &generator), bytes.count - start)
                    crc = flowtrace_crc32(crc, bytes.baseAddress! + start, piece)
                    start += piece
                }
                #expect(crc == expected)
            }
        }
    }

    /// The check value of CRC-32/ISO-HDLC, as gzip uses it.
    @Test func checkValue() {
        let text = Array("123456789".utf8)
        #expect(flowtrace_crc32(0, text, text.count) == 0xCBF4_3926)
        #expect(flowtrace_crc32(0, text, 0) == 0)
    }
}
