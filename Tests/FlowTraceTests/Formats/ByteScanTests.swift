import CByteScan
import Testing
@testable import FlowTrace

/// The vector byte scans must agree with a byte-by-byte reading at every start, length and
/// position, the last block of a line included.
@Suite struct ByteScanTests {
    private static func isSuspicious(_ byte: UInt8, quotes: Bool) -> Bool {
        byte >= 0x80 || byte < 0x20 || (quotes && byte == 0x22)
    }

    @Test func suspiciousBytesAreFoundWhereverTheyAre() {
        var random = SeededGenerator(seed: 11)
        let alphabet: [UInt8] = Array("ab -[]".utf8) + [0x00, 0x1B, 0x22, 0x7F, 0x80, 0xC3, 0xFF, 0x09]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...70, using: &random)
            var bytes = [UInt8](repeating: 0x61, count: count)
            for _ in 0..<Int.random(in: 0...3, using: &random) where count > 0 {
                bytes[Int.random(in: 0..<count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let quotes = Bool.random(using: &random)
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                for from in 0...count {
                    let expected = (from..<count).first { Self.isSuspicious(bytes[$0], quotes: quotes) } ?? count
                    #expect(LineParser.nextSuspicious(base, from: from, count: count, quotes: quotes) == expected)
                }
            }
        }
    }

    @Test func aByteIsFoundWhereverItIs() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...70, using: &random)
            var bytes = [UInt8](repeating: 0x61, count: count)
            for _ in 0..<Int.random(in: 0...3, using: &random) where count > 0 {
                bytes[Int.random(in: 0..<count, using: &random)] = 0x2D
            }
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                for from in 0...count {
                    let expected = (from..<count).first { bytes[$0] == 0x2D } ?? count
                    #expect(flowtrace_first_byte(base, from, count, 0x2D) == expected)
                }
            }
        }
    }

    @Test func shortLiteralsAreFoundWhereverTheyAre() {
        var random = SeededGenerator(seed: 13)
        let alphabet = Array(" -|\"HTP/:a".utf8)
        for _ in 0..<1500 {
            let count = Int.random(in: 0...60, using: &random)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                for from in 0...count {
                    func naive(_ literal: String) -> Int? {
                        let needle = Array(literal.utf8)
                        return (from..<max(from, count - needle.count + 1)).first { Array(bytes[$0..<$0 + needle.count]) == needle }
                    }
                    #expect(LineParser.find(base, " - ", from: from, end: count) == naive(" - "))
                    #expect(LineParser.find(base, " | ", from: from, end: count) == naive(" | "))
                    #expect(LineParser.find(base, "\"HTTP/", from: from, end: count) == naive("\"HTTP/"))
                    #expect(LineParser.find(base, "\"", from: from, end: count) == naive("\""))
                }
            }
        }
    }
}
