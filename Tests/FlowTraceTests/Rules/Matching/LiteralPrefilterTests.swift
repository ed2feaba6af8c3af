import Testing
@testable import FlowTrace

extension MatchingTests {
/// The prefilter's byte search: exact against a naive search, at the edges, and with case folding.
@Suite struct LiteralPrefilterTests {
    private func passes(_ prefilter: LiteralPrefilter, _ line: [UInt8]) -> Bool {
        line.withUnsafeBytes { prefilter.mayMatch($0) }
    }

    private func passes(_ prefilter: LiteralPrefilter, _ line: String) -> Bool {
        passes(prefilter, Array(line.utf8))
    }

    @Test func anyOfTheLiterals() {
        let prefilter = LiteralPrefilter(literals: ["permission denied", "violates row-level"])
        #expect(passes(prefilter, "{'message': 'permission denied for table users'}"))
        #expect(passes(prefilter, "new row violates row-level security policy"))
        #expect(!passes(prefilter, "🔓 [DATABASE] Using ANON client for select on users"))
        #expect(!passes(prefilter, "permission  denied"))
        #expect(!passes(prefilter, "PERMISSION DENIED"))
    }

    @Test func edgesOfTheLine() {
        let prefilter = LiteralPrefilter(literals: ["[DB]"])
        #expect(passes(prefilter, "[DB]"))
        #expect(passes(prefilter, "[DB] at start"))
        #expect(passes(prefilter, "at end [DB]"))
        #expect(!passes(prefilter, "[DB"))
        #expect(!passes(prefilter, "DB]"))
        #expect(!passes(prefilter, ""))
        #expect(!prefilter.mayMatch(UnsafeRawBufferPointer(start: nil, count: 0)))
        #expect(passes(prefilter, [0xFF, 0, 0x5B, 0x44, 0x42, 0x5D, 0xC3]))
    }

    /// A literal whose rarest byte is common in the line: the search moves on to scanning for byte pairs.
    @Test(arguments: [false, true]) func literalAmongManyFalseStarts(caseInsensitive: Bool) {
        let prefilter = LiteralPrefilter(literals: ["'code': '"], caseInsensitive: caseInsensitive)
        let noise = "{'status': 'ok', 'details': None, 'hint': None, 'message': 'row inserted', 'id': 42, 'n': 7"
        #expect(!passes(prefilter, noise + "}"))
        for position in [0, 17, noise.utf8.count - 3, noise.utf8.count] {
            var line = Array(noise.utf8)
            line.insert(contentsOf: Array("'CODE': '".utf8), at: position)
            #expect(passes(prefilter, line) == caseInsensitive, "at \(position)")
            line.replaceSubrange(position..<(position + 9), with: Array("'code': '".utf8))
            #expect(passes(prefilter, line), "at \(position)")
        }
    }

    @Test func nothingToSearchPassesEveryLine() {
        #expect(LiteralPrefilter(literals: []).passesEveryLine)
        #expect(LiteralPrefilter(literals: ["abc", ""]).passesEveryLine)
        #expect(passes(LiteralPrefilter(literals: []), "anything"))
        #expect(!LiteralPrefilter(literals: ["abc"]).passesEveryLine)
    }

    @Test func caseInsensitiveFoldsASCII() {
        let prefilter = LiteralPrefilter(literals: ["Row-Level"], caseInsensitive: true)
        #expect(passes(prefilter, "violates ROW-LEVEL security"))
        #expect(passes(prefilter, "violates row-level security"))
        #expect(!passes(prefilter, "violates row_level security"))
        // Folding is for letters only: "[" and "{" differ by the same bit as "K" and "k" but must not fold.
        let braces = LiteralPrefilter(literals: ["[x]"], caseInsensitive: true)
        #expect(!passes(braces, "{x}"))
        #expect(passes(braces, "[X]"))
    }

    @Test func caseInsensitiveKeepsOnlyWhatPCRE2FoldsAsASCII() {
        #expect(LiteralPrefilter.caselessSafePart(of: "Risk score") == Array("core".utf8))
        #expect(LiteralPrefilter.caselessSafePart(of: "échec de la connexion") == Array("chec de la connexion".utf8))
        #expect(LiteralPrefilter.caselessSafePart(of: "sks").isEmpty)
        // PCRE2 matches caseless "k" with the Kelvin sign and "s" with the long s: the prefilter must too.
        let prefilter = LiteralPrefilter(literals: ["Task queue"], caseInsensitive: true)
        #expect(passes(prefilter, "TA\u{17F}\u{212A} QUEUE"))
        #expect(!passes(prefilter, "task qu"))
    }

    /// The assumption behind `caselessSafePart`: under PCRE2 caseless matching, ASCII other than k, K, s and
    /// S matches no character outside ASCII, while k and s do. Checked against every code point.
    @Test func pcre2CaselessFoldsOnlyKAndSOutOfASCII() throws {
        var everything = String.UnicodeScalarView()
        for value in UInt32(0x80)...0x10FFFF {
            if let scalar = Unicode.Scalar(value) { everything.append(scalar) }
        }
        let subject = Array(String(everything).utf8)
        var scratch = MatchScratch()
        let safe = try Pattern(#"[\x00-\x4A\x4C-\x52\x54-\x6A\x6C-\x72\x74-\x7F]"#, caseInsensitive: true)
        #expect(safe.find(in: subject, scratch: &scratch) == .noMatch)
        let kelvin = try Pattern("k", caseInsensitive: true)
        #expect(kelvin.find(in: subject, scratch: &scratch).text == "\u{212A}")
        let longS = try Pattern("s", caseInsensitive: true)
        #expect(longS.find(in: subject, scratch: &scratch).text == "\u{17F}")
    }

    /// The search agrees with a naive one on many random needles and lines, both case modes.
    @Test(arguments: [false, true]) func agreesWithNaiveSearch(caseInsensitive: Bool) {
        var random = SeededGenerator(seed: caseInsensitive ? 2 : 1)
        let alphabet = Array("aAbB [{-".utf8) + [0, 0xC3, 0xFF]
        let fold = { (byte: UInt8) in (65...90).contains(byte) ? byte | 0x20 : byte }
        var hits = 0
        for _ in 0..<3_000 {
            let needleCount = Int.random(in: 1...4, using: &random)
            let needles = (0..<needleCount).map { _ in
                (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    alphabet[Int.random(in: 0..<8, using: &random)]  // ASCII only: decodes back unchanged
                }
            }
            let prefilter = LiteralPrefilter(literals: needles.map { String(decoding: $0, as: UTF8.self) },
                                             caseInsensitive: caseInsensitive)
            for _ in 0..<10 {
                let line = (0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                let expected = needles.contains { needle in
                    line.count >= needle.count && (0...(line.count - needle.count)).contains { start in
                        zip(line[start...], needle).allSatisfy { caseInsensitive ? fold($0) == fold($1) : $0 == $1 }
                    }
                }
                if expected { hits += 1 }
                #expect(passes(prefilter, line) == expected, "needles \(needles), line \(line)")
            }
        }
        #expect(hits > 10_000)
    }
}
}
