import Testing
@testable import FlowTrace

/// A case-insensitive regex, by option or by a leading `(?i)`, still gets a prefilter: its
/// required literals, searched regardless of case.
@Suite struct RuleRegexTests {
    @Test func aLeadingInlineOptionKeepsTheLiterals() throws {
        let inline = try RuleRegex(#"(?i)(?:user|profile)\b.*\bnot found|profile lookup (?:failed|error)"#,
                                   caseInsensitive: false, location: nil)
        #expect(inline.requiredLiterals == ["not found", "profile lookup "])
        #expect(inline.ignoresCase)
        let option = try RuleRegex("Invalid API key", caseInsensitive: true, location: nil)
        #expect(option.requiredLiterals == ["Invalid API key"])
        #expect(option.ignoresCase)
        #expect(try !RuleRegex("Invalid API key", caseInsensitive: false, location: nil).ignoresCase)
    }

    @Test func itsPrefilterPassesEveryCase() throws {
        let regex = try RuleRegex("(?i)user .*not found", caseInsensitive: false, location: nil)
        let prefilter = LiteralPrefilter(literals: try #require(regex.requiredLiterals), caseInsensitive: regex.ignoresCase)
        var scratch = MatchScratch()
        for line in ["User 22cb NOT FOUND", "user 22cb Not Found", "USER x not found"] {
            #expect(regex.pattern.find(in: Array(line.utf8), scratch: &scratch).text != nil)
            #expect(Array(line.utf8).withUnsafeBytes { prefilter.mayMatch($0) }, "\(line)")
        }
    }
}
