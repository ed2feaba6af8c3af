import Testing
@testable import FlowTrace

extension MatchingTests {
/// The one-pass scan must find exactly the literals a text contains, wherever they are.
@Suite struct LiteralScanTests {
    private func found(_ scan: LiteralScan, in text: [UInt8]) -> UInt64 {
        scan.withView { view in text.withUnsafeBytes { view.found(in: $0) } }
    }

    /// Whether `text` contains `literal` (folding ASCII case in `text` when `caseInsensitive`).
    private func contains(_ text: [UInt8], _ literal: [UInt8], caseInsensitive: Bool) -> Bool {
        guard text.count >= literal.count else { return false }
        return (0...text.count - literal.count).contains { start in
            literal.indices.allSatisfy { offset in
                let byte = text[start + offset]
                return (caseInsensitive ? NeedleSearch.fold(byte) : byte) == literal[offset]
            }
        }
    }

    @Test func findsExactlyTheLiteralsPresent() {
        var random = SeededGenerator(seed: 3)
        let alphabet = Array("abcAB ._".utf8)
        for _ in 0..<300 {
            var scan = LiteralScan()
            var literals: [(bytes: [UInt8], caseInsensitive: Bool, bit: Int)] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let caseInsensitive = Bool.random(using: &random)
                var bytes = (0..<Int.random(in: 7...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                if caseInsensitive { bytes = bytes.map(NeedleSearch.fold) }
                if let bit = scan.add(bytes, caseInsensitive: caseInsensitive) {
                    literals.append((bytes, caseInsensitive, bit))
                }
            }
            for _ in 0..<40 {
                var text = (0..<Int.random(in: 0...60, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                if let planted = literals.randomElement(using: &random), Bool.random(using: &random) {
                    let bytes = planted.caseInsensitive ? planted.bytes.map { Bool.random(using: &random) ? NeedleSearch.otherCase($0) : $0 } : planted.bytes
                    text.insert(contentsOf: bytes, at: Int.random(in: 0...text.count, using: &random))
                }
                let bits = found(scan, in: text)
                for literal in literals {
                    #expect((bits >> UInt64(literal.bit)) & 1 == (contains(text, literal.bytes, caseInsensitive: literal.caseInsensitive) ? 1 : 0),
                            "\(String(decoding: literal.bytes, as: UTF8.self)) in \(String(decoding: text, as: UTF8.self))")
                }
            }
        }
    }

    @Test func takesLongLiteralsOnceEachWhileThereIsRoom() {
        var scan = LiteralScan()
        #expect(scan.add(Array("short".utf8), caseInsensitive: false) == nil)
        #expect(scan.add(Array("Invalid API key".utf8), caseInsensitive: false) == 0)
        #expect(scan.add(Array("invalid api key".utf8), caseInsensitive: true) == 1)
        #expect(scan.add(Array("Invalid API key".utf8), caseInsensitive: false) == 0)
        for number in 2..<LiteralScan.capacity {
            #expect(scan.add(Array("literal \(number)".utf8), caseInsensitive: false) == number)
        }
        #expect(scan.add(Array("one too many".utf8), caseInsensitive: false) == nil)
        #expect(found(scan, in: Array("401: INVALID API KEY".utf8)) == 0b10)
        #expect(found(scan, in: Array("Invalid API key, literal 63".utf8)) == UInt64(0b11) | 1 << 6 | 1 << 63)
    }
}
}
