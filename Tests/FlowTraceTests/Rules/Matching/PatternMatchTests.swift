import Testing
@testable import FlowTrace

extension MatchingTests {
/// Matching realistic log lines: named groups, byte offsets after multi-byte text, hostile bytes, case, reuse.
@Suite struct PatternMatchTests {
    static let clientPattern = #"Using (?<client>ANON|SERVICE) client for (?<operation>\w+) on (?<table>\w+)"#
    static let clientLine = "🔓 [DATABASE] Using ANON client for select on users"
    static let errorLine = """
        2025-03-02T10:14:07.331Z ERROR [DATABASE] insert failed: {'code': '42501', 'details': None, 'hint': None, \
        'message': 'new row violates row-level security policy for table "users"'}
        """

    /// Both engines, so every behaviour is checked with and without the JIT.
    static let engines = [true, false]

    private func compile(_ source: String, caseInsensitive: Bool = false, jit: Bool) throws -> Pattern {
        try Pattern(source, caseInsensitive: caseInsensitive, location: nil, jit: jit)
    }

    @Test(arguments: engines) func namedGroupsOnADatabaseLine(jit: Bool) throws {
        let pattern = try compile(Self.clientPattern, jit: jit)
        #expect(pattern.groupNames == ["client", "operation", "table"])
        let found = pattern.find(in: Self.clientLine)
        #expect(found.groups == ["ANON", "select", "users"])
        #expect(found.text == "Using ANON client for select on users")
    }

    @Test(arguments: engines) func rangesAreByteOffsetsAfterEmoji(jit: Bool) throws {
        let pattern = try compile(Self.clientPattern, jit: jit)
        var scratch = MatchScratch(for: [pattern])
        let bytes = Array(Self.clientLine.utf8)
        bytes.withUnsafeBytes { buffer in
            guard let match = pattern.firstMatch(in: buffer, scratch: &scratch).match else {
                Issue.record("no match")
                return
            }
            // "🔓" is 4 bytes, "🔓 [DATABASE] " is 16: the match starts at byte 16, character 14.
            #expect(match.range == TextRange(start: 16, count: 37))
            #expect(match.range(ofGroup: 0) == TextRange(start: 22, count: 4))
            #expect(match.range(ofGroup: "table") == TextRange(start: 48, count: 5))
            #expect(match.range(ofGroup: "missing") == nil)
        }
    }

    @Test(arguments: engines) func sqlstateInsideAPythonDict(jit: Bool) throws {
        let pattern = try compile(#"'code': '(?<sqlstate>\d{5})'"#, jit: jit)
        #expect(pattern.find(in: Self.errorLine).groups == ["42501"])
        let policy = try compile(#"violates row-level security policy for table "(?<table>[^"]+)""#, jit: jit)
        #expect(policy.find(in: Self.errorLine).groups == ["users"])
    }

    @Test(arguments: engines) func permissionDenied(jit: Bool) throws {
        let pattern = try compile(#"permission denied for table (?<table>\w+)"#, jit: jit)
        let line = "⚠️ [DATABASE] Error: {'code': '42501', 'message': 'permission denied for table generations'}"
        #expect(pattern.find(in: line).groups == ["generations"])
        #expect(pattern.find(in: "permission denied for schema public") == .noMatch)
    }

    @Test(arguments: engines) func optionalGroupThatDidNotTakePartIsNil(jit: Bool) throws {
        let pattern = try compile(#"status (?<code>\d{3})(?: \((?<reason>[^)]*)\))?"#, jit: jit)
        #expect(pattern.find(in: "HTTP status 403 (Forbidden)").groups == ["403", "Forbidden"])
        #expect(pattern.find(in: "HTTP status 200").groups == ["200", nil])
        // Taking part with an empty text is not the same as not taking part.
        #expect(pattern.find(in: "HTTP status 500 ()").groups == ["500", ""])
    }

    @Test(arguments: engines) func invalidUTF8IsABarrierNotAFailure(jit: Bool) throws {
        let pattern = try compile(#"table (?<table>\w+)"#, jit: jit)
        var scratch = MatchScratch()
        // Invalid bytes before the match: offsets still count every byte.
        let before: [UInt8] = [0xFF, 0xC3, 0x28, 0x80, 0xE2, 0x82] + Array(" table users".utf8)
        #expect(pattern.find(in: before, scratch: &scratch).range == TextRange(start: 7, count: 11))
        // An invalid byte inside the would-be match splits it: \w stops at the barrier.
        let inside = Array("table us".utf8) + [0xFE] + Array("ers".utf8)
        #expect(pattern.find(in: inside, scratch: &scratch).groups == ["us"])
        // A truncated multi-byte sequence at the very end of the line.
        let truncated = Array("table users ".utf8) + [0xF0, 0x9F, 0x94]
        #expect(pattern.find(in: truncated, scratch: &scratch).groups == ["users"])
        // A literal cannot match across an invalid byte.
        let split = try compile("ab", jit: jit)
        #expect(split.find(in: [0x61, 0xFF, 0x62], scratch: &scratch) == .noMatch)
        let dot = try compile("a.b", jit: jit)
        #expect(dot.find(in: [0x61, 0xFF, 0x62], scratch: &scratch) == .noMatch)
        #expect(dot.find(in: [0x61, 0xC3, 0xA9, 0x62], scratch: &scratch).range == TextRange(start: 0, count: 4))
    }

    @Test(arguments: engines) func nulBytesAreOrdinaryCharacters(jit: Bool) throws {
        let pattern = try compile(#"id=(?<id>\d+)"#, jit: jit)
        var scratch = MatchScratch()
        let line: [UInt8] = [0, 0] + Array("x id=42".utf8) + [0] + Array("9".utf8)
        #expect(pattern.find(in: line, scratch: &scratch).range == TextRange(start: 4, count: 5))
        #expect(pattern.find(in: line, scratch: &scratch).groups == ["42"])
        let nul = try compile(#"a\x00b"#, jit: jit)
        #expect(nul.find(in: [0x61, 0, 0x62], scratch: &scratch).range == TextRange(start: 0, count: 3))
    }

    @Test(arguments: engines) func emptyLine(jit: Bool) throws {
        let pattern = try compile("x?", jit: jit)
        var scratch = MatchScratch()
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        #expect(pattern.firstMatch(in: empty, scratch: &scratch).match?.range == TextRange(start: 0, count: 0))
        let literal = try compile("x", jit: jit)
        guard case .noMatch = literal.firstMatch(in: empty, scratch: &scratch) else {
            Issue.record("an empty line matched /x/")
            return
        }
    }

    @Test(arguments: engines) func caseInsensitive(jit: Bool) throws {
        let pattern = try compile(#"using (?<client>anon|service) CLIENT"#, caseInsensitive: true, jit: jit)
        #expect(pattern.caseInsensitive)
        #expect(pattern.find(in: Self.clientLine).groups == ["ANON"])
        #expect(pattern.find(in: "uSiNg Service client").groups == ["Service"])
        // Unicode simple case folding applies beyond ASCII.
        let accented = try compile("ÉCHEC", caseInsensitive: true, jit: jit)
        #expect(accented.find(in: "→ échec de connexion").text == "échec")
        let sensitive = try compile(#"using (?<client>anon|service) CLIENT"#, jit: jit)
        #expect(sensitive.find(in: Self.clientLine) == .noMatch)
    }

    @Test(arguments: engines) func firstMatchIsTheLeftmost(jit: Bool) throws {
        let pattern = try compile(#"table (?<table>\w+)"#, jit: jit)
        #expect(pattern.find(in: "table users then table orders").groups == ["users"])
    }
}
}
