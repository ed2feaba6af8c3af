import Testing
@testable import FlowTrace

extension MatchingTests {
/// The prefilter's one promise: it never rejects a line the regular expression matches. Checked on rule-like
/// patterns with mutated copies of lines they match, and on random patterns with random lines.
@Suite struct PrefilterPropertyTests {
    /// Rule-like patterns, each with lines it matches.
    static let domain: [(pattern: String, examples: [String])] = [
        (#"Using (?<client>ANON|SERVICE) client for (?<operation>\w+) on (?<table>\w+)"#,
         ["🔓 [DATABASE] Using ANON client for select on users",
          "🔒 [DATABASE] Using SERVICE client for insert on generations"]),
        (#"'code': '(?<sqlstate>\d{5})'"#,
         ["{'code': '42501', 'message': 'new row violates row-level security policy for table \"users\"'}"]),
        (#"permission denied for table (?<table>\w+)"#,
         ["⚠️ {'code': '42501', 'message': 'permission denied for table generations'}"]),
        ("violates row-level security", ["ERROR: new row violates row-level security policy"]),
        (#"(?<method>GET|POST|PATCH|DELETE) (?<path>/\S*) (?<status>[45]\d\d)"#,
         ["INFO: 10.0.0.7 - \"POST /api/generations 403\" 12ms", "GET /health 500"]),
        (#"\[(?<service>[A-Z]+)\] (?<message>.*timeout.*)"#, ["🕐 [SUPABASE] request timeout after 30s"]),
        (#"took (?<ms>\d+(?:\.\d+)?)ms"#, ["[WORKER] generation 3f2a took 1532.4ms"]),
        (#"generation (?<id>[0-9a-f]{8}) (?:failed|errored)"#, ["generation 3f2a9b1c failed: quota"]),
        (#"(?<=user=)(?<user>\w+)"#, ["auth ok user=alice"]),
        (#"quota exceeded(?: for (?<who>\w+))?"#, ["quota exceeded for bob", "Quota: quota exceeded"]),
        (#"\bHTTP/1\.[01]" (?<status>5\d\d)"#, ["\"GET / HTTP/1.1\" 502 0"]),
        (#"Task (?<task>\w+) skipped: (?<why>[^,]+)"#, ["[SCHEDULER] Task sweep skipped: lock held, retry"]),
        ("x{3}y", ["aaxxxyb"]),
        ("colou?r", ["color", "colour"]),
    ]

    @Test(arguments: [false, true]) func mutatedDomainLines(caseInsensitive: Bool) throws {
        var random = SeededGenerator(seed: caseInsensitive ? 11 : 10)
        var scratch = MatchScratch()
        for (source, examples) in Self.domain {
            let pattern = try Pattern(source, caseInsensitive: caseInsensitive)
            let literal = LiteralPrefilter.requiredLiteral(of: source)
            let prefilter = LiteralPrefilter(literals: literal.map { [$0] } ?? [], caseInsensitive: caseInsensitive)
            var matched = 0
            var screened = 0
            for example in examples {
                #expect(pattern.find(in: Array(example.utf8), scratch: &scratch).text != nil, "/\(source)/ \(example)")
            }
            for round in 0..<1_500 {
                var line = Array(examples[round % examples.count].utf8)
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    Self.mutate(&line, caseInsensitive: caseInsensitive, using: &random)
                }
                let passes = line.withUnsafeBytes { prefilter.mayMatch($0) }
                if !passes { screened += 1 }
                if pattern.find(in: line, scratch: &scratch).text != nil {
                    matched += 1
                    #expect(passes, "/\(source)/ matches \(line) but \(literal.debugDescription) rejects it")
                }
            }
            #expect(matched > 150, "/\(source)/: only \(matched) mutated lines matched")
            if literal != nil, !prefilter.passesEveryLine {
                #expect(screened > 0, "/\(source)/: the prefilter rejected no line")
            }
        }
    }

    @Test(arguments: [false, true]) func randomPatternsAndLines(caseInsensitive: Bool) throws {
        var random = SeededGenerator(seed: caseInsensitive ? 21 : 20)
        var scratch = MatchScratch()
        var withLiteral = 0
        var matchedWithLiteral = 0
        var compiled = 0
        for _ in 0..<400 {
            var groups = 0
            let source = Self.randomPattern(depth: 0, groups: &groups, using: &random)
            guard let pattern = try? Pattern(source, caseInsensitive: caseInsensitive) else { continue }
            compiled += 1
            guard let literal = LiteralPrefilter.requiredLiteral(of: source) else { continue }
            withLiteral += 1
            let prefilter = LiteralPrefilter(literals: [literal], caseInsensitive: caseInsensitive)
            for _ in 0..<150 {
                var line = (0..<Int.random(in: 0...16, using: &random)).map { _ in
                    Self.lineAlphabet.randomElement(using: &random)!
                }
                if Bool.random(using: &random) {
                    line.insert(contentsOf: literal.utf8, at: Int.random(in: 0...line.count, using: &random))
                    Self.mutate(&line, caseInsensitive: caseInsensitive, using: &random)
                }
                guard pattern.find(in: line, scratch: &scratch).text != nil else { continue }
                matchedWithLiteral += 1
                #expect(line.withUnsafeBytes { prefilter.mayMatch($0) },
                        "/\(source)/ matches \(line) but \(literal.debugDescription) rejects it")
            }
        }
        #expect(compiled > 300)
        #expect(withLiteral > compiled / 4, "only \(withLiteral) of \(compiled) random patterns had a literal")
        #expect(matchedWithLiteral > 5_000)
    }

    // MARK: - Generators

    static let lineAlphabet: [UInt8] = Array("abcksKS -'{.1_".utf8) + [0xFF, 0]
    private static let tokens: [[UInt8]] = [
        Array("🔓".utf8), [0xFF], [0xC3], [0], [0x80], Array(" ".utf8), Array("a".utf8), Array("ANON".utf8),
        Array("'".utf8), Array("é".utf8), Array("\u{212A}".utf8), Array("\u{17F}".utf8), Array("42501".utf8),
    ]

    /// One random edit: delete, insert a token, overwrite a byte, flip ASCII case, write k or s as the
    /// Kelvin sign or long s, duplicate or truncate.
    static func mutate(_ line: inout [UInt8], caseInsensitive: Bool, using random: inout SeededGenerator) {
        guard !line.isEmpty else {
            line = tokens.randomElement(using: &random)!
            return
        }
        let start = Int.random(in: 0..<line.count, using: &random)
        let end = min(line.count, start + Int.random(in: 1...4, using: &random))
        switch Int.random(in: 0..<7, using: &random) {
        case 0: line.removeSubrange(start..<end)
        case 1: line.insert(contentsOf: tokens.randomElement(using: &random)!, at: start)
        case 2: line[start] = UInt8.random(in: 0...255, using: &random)
        case 3:
            for index in start..<min(line.count, start + 12) where (line[index] | 0x20) >= 97 && (line[index] | 0x20) <= 122 {
                line[index] ^= 0x20
            }
        case 4:
            if let index = line.indices.first(where: { [0x6B, 0x4B, 0x73, 0x53].contains(line[$0]) && $0 >= start }) {
                let isK = line[index] | 0x20 == 0x6B
                line.replaceSubrange(index...index, with: isK ? Array("\u{212A}".utf8) : Array("\u{17F}".utf8))
            }
        case 5: line.insert(contentsOf: line[start..<end], at: end)
        default: line.removeSubrange(end...)
        }
    }

    /// A random pattern over a small alphabet, from the syntax the extractor claims to understand and some
    /// it must give up on.
    static func randomPattern(depth: Int, groups: inout Int, using random: inout SeededGenerator) -> String {
        let literals = ["a", "b", "c", "k", "s", "S", " ", "-", "'", "{", "\\.", "\\{", "\\-", "é", "\\t", "_"]
        let classes = [".", "[ab]", "[^a ]", "\\w", "\\d", "\\s", "[[:alpha:]]", "\\S", "\\p{L}", "[]k]"]
        let zeroWidth = ["\\b", "^", "$", "\\B", "(?=a)", "(?!b)", "(?<=a)"]
        let quantifiers = ["", "", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}", "+?", "*+", "??", "{1}"]
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let kind = Int.random(in: 0..<10, using: &random)
            var atom: String
            switch kind {
            case 0...4: atom = literals.randomElement(using: &random)!
            case 5: atom = classes.randomElement(using: &random)!
            case 6:
                parts.append(zeroWidth.randomElement(using: &random)!)
                continue
            default:
                guard depth < 2 else { atom = literals.randomElement(using: &random)!; break }
                let inner = randomPattern(depth: depth + 1, groups: &groups, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: atom = "(\(inner))"
                case 1:
                    let other = randomPattern(depth: depth + 1, groups: &groups, using: &random)
                    atom = "(?:\(inner)|\(other))"
                case 2:
                    groups += 1
                    atom = "(?<g\(groups)>\(inner))"
                default: atom = "(?:\(inner))"
                }
            }
            parts.append(atom + quantifiers.randomElement(using: &random)!)
        }
        if depth == 0, Int.random(in: 0..<10, using: &random) == 0 {
            parts.append("|" + literals.randomElement(using: &random)!)
        }
        return parts.joined()
    }
}
}
