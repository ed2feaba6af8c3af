import Testing
@testable import FlowTrace

extension MatchingTests {
/// What `LiteralPrefilter.requiredLiteral(of:)` finds, and where it gives up.
@Suite struct RequiredLiteralTests {
    static let found: [(pattern: String, literal: String)] = [
        (#"Using (?<client>ANON|SERVICE) client for (?<operation>\w+) on (?<table>\w+)"#, " client for "),
        ("violates row-level security", "violates row-level security"),
        (#"'code': '(?<sqlstate>\d{5})'"#, "'code': '"),
        (#"permission denied for table (?<table>\w+)"#, "permission denied for table "),
        (#"{'code': '(?<sqlstate>\d+)'"#, "{'code': '"),
        (#"🔓 \[DATABASE\] Using"#, "🔓 [DATABASE] Using"),
        (#"^\[(?<level>[A-Z]+)\] request (?<id>[0-9a-f-]{36}) failed"#, "] request "),
        (#"\bHTTP/1\.1\b"#, "HTTP/1.1"),
        (#"status=(?<code>\d{3})"#, "status="),
        (#"\d+ms$"#, "ms"),
        ("colou?r", "colo"),
        ("ab*c", "a"),
        ("x{3}y", "xxxy"),
        ("(?:abc){2,}", "abc"),
        ("(?:ab)+cd", "ab"),
        ("(?:ab){1}cd", "abcd"),
        ("(?=foo)barbaz", "barbaz"),
        ("(?<!x)quota exceeded(?!!)", "quota exceeded"),
        ("(?>atomic) group", "atomic group"),
        ("(?P<n>named)(?'m'groups)", "namedgroups"),
        ("é+tat", "tat"),
        (#"[[:alpha:]]+ failed\s"#, " failed"),
        (#"[]a]x yz"#, "x yz"),
        (#"[^\]]*\] closed"#, "] closed"),
        (#"\p{L}+ and \pN"#, " and "),
        (#"a\tb\\c"#, "a\tb\\c"),
        ("x?+y*+z++", "z"),
        ("(?:a(?:b(?:c)))d", "abcd"),
        ("a.*?bc", "bc"),
        ("retry #\\d", "retry #"),
    ]

    static let givenUp = [
        "a|b", "foo|barbaz", "(?i)error", "err(?i:or)", "(?x) a b", "[abc]+", ".*", "", "\\d{3}",
        "\\Qa.b\\E", "(a)\\1", "(?<n>a)\\k<n>", "\\x41BC", "a{,3}bc", "a{ 2}", "a{2", "ab(?#note)cd",
        "(*UTF)abc", "a\\Kb", "abc)", "(abc", "\\N{U+41}", "(?|a|b)", "(?1)", "\\", "x\\b*",
        "(?(1)a|b)", "a**", "\\ué", "a[[:<:]]b", "*a",
    ]

    @Test(arguments: found) func findsTheLongestRequiredLiteral(pattern: String, literal: String) throws {
        #expect(LiteralPrefilter.requiredLiteral(of: pattern) == literal)
        // The table holds valid PCRE2 only (that the literal is right is PrefilterPropertyTests' job).
        _ = try Pattern(pattern)
    }

    @Test(arguments: givenUp) func givesUpOnWhatItDoesNotUnderstand(pattern: String) {
        #expect(LiteralPrefilter.requiredLiteral(of: pattern) == nil)
    }

    @Test func requiresOneLiteralPerTopLevelAlternative() {
        #expect(LiteralPrefilter.requiredLiterals(of: "foo|barbaz") == ["foo", "barbaz"])
        #expect(LiteralPrefilter.requiredLiterals(of: #"Transaction \S+ recorded|[Tt]ransaction recorded"#)
            == ["Transaction ", "ransaction recorded"])
        #expect(LiteralPrefilter.requiredLiterals(of: "(?:a|b)cd") == ["cd"])
        #expect(LiteralPrefilter.requiredLiterals(of: "violates") == ["violates"])
        // One alternative without a literal (or one not understood) requires none.
        #expect(LiteralPrefilter.requiredLiterals(of: #"foo|\d+"#) == nil)
        #expect(LiteralPrefilter.requiredLiterals(of: "foo|") == nil)
        #expect(LiteralPrefilter.requiredLiterals(of: "(?i)foo|bar") == nil)
        #expect(LiteralPrefilter.requiredLiterals(of: "foo)|bar") == nil)
    }

    @Test func prefilterForPatternsNeedsALiteralForEach() throws {
        let rls = try Pattern("violates row-level security")
        let denied = try Pattern(#"permission denied for table (?<table>\w+)"#)
        let any = try Pattern(#"\d+"#)
        let both = try #require(LiteralPrefilter(for: [rls, denied]))
        #expect(both.literals == ["violates row-level security", "permission denied for table "])
        #expect(!both.caseInsensitive)
        #expect(LiteralPrefilter(for: [rls, any]) == nil)
        #expect(LiteralPrefilter(for: []) == nil)
        // A case-insensitive pattern makes the prefilter case-insensitive; "ks" leaves nothing safe.
        let caseless = try #require(LiteralPrefilter(for: [rls, try Pattern("QUOTA", caseInsensitive: true)]))
        #expect(caseless.caseInsensitive)
        #expect(LiteralPrefilter(for: [try Pattern("ks", caseInsensitive: true)]) == nil)
    }
}
}
