import Testing
@testable import FlowTrace

/// Compiling patterns: errors carry PCRE2's message and offset, and what a compiled pattern knows about itself.
extension MatchingTests {
@Suite struct PatternCompileTests {
    /// Compiles `source`, expecting `.invalidPattern`, and returns the error.
    private func compileError(_ source: String, location: FlowTraceError.Location? = nil) -> FlowTraceError? {
        do {
            _ = try Pattern(source, location: location)
            Issue.record("/\(source)/ compiled")
            return nil
        } catch let error as FlowTraceError {
            #expect(error.code == .invalidPattern)
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func unbalancedParenthesisReportsPCRE2MessageAndOffset() throws {
        let source = "Using (?<client>ANON|SERVICE client for (?<operation>\\w+)"
        let error = try #require(compileError(source))
        #expect(error.message == "missing closing parenthesis at offset \(source.utf8.count) in /\(source)/")
    }

    @Test func unmatchedClosingParenthesisPointsAtIt() throws {
        let error = try #require(compileError("permission denied) for table"))
        #expect(error.message.hasPrefix("unmatched closing parenthesis at offset 17 in /"))
    }

    @Test func quantifierWithoutItemPointsAtIt() throws {
        let error = try #require(compileError("sqlstate=(+\\d{5})"))
        #expect(error.message == "quantifier does not follow a repeatable item at offset 10 in /sqlstate=(+\\d{5})/")
    }

    @Test func quantifierOutOfOrderPointsAtIt() throws {
        let error = try #require(compileError("\\d{5,2}"))
        #expect(error.message == "numbers out of order in {} quantifier at offset 6 in /\\d{5,2}/")
    }

    @Test func offsetCountsBytesAfterMultiByteText() throws {
        // "🔓 " is 5 bytes: the stray ")" is at byte 5 although it is the third character.
        let error = try #require(compileError("🔓 )"))
        #expect(error.message.contains("at offset 5 in /🔓 )/"))
    }

    @Test func locationIsPassedThrough() throws {
        let location = FlowTraceError.Location(file: "Rules/rls-denied.yaml", line: 7, column: 12)
        let error = try #require(compileError("(?<table>", location: location))
        #expect(error.location == location)
        #expect(error.description.hasPrefix("Rules/rls-denied.yaml:7:12: missing closing parenthesis"))
    }

    @Test func singleByteEscapeIsRefused() throws {
        let error = try #require(compileError("a\\Cb"))
        #expect(error.message == "using \\C is disabled by the application at offset 3 in /a\\Cb/")
    }

    @Test func groupNamesAreInGroupNumberOrder() throws {
        let pattern = try Pattern("(?<zeta>z)(unnamed)(?<alpha>a)(?:x)(?P<mid>m)")
        #expect(pattern.groupNames == ["zeta", "alpha", "mid"])
        #expect(pattern.groupNumbers == [1, 3, 4])
        #expect(pattern.captureCount == 4)
        #expect(pattern.groupIndex(named: "alpha") == 1)
        #expect(pattern.groupIndex(named: "nope") == nil)
    }

    @Test func patternWithoutGroupsHasNoNames() throws {
        let pattern = try Pattern("violates row-level security")
        #expect(pattern.groupNames.isEmpty)
        #expect(pattern.source == "violates row-level security")
    }

    @Test func jitIsUsedWhenAvailableAndCanBeTurnedOff() throws {
        let jit = try Pattern("permission denied for table (?<table>\\w+)")
        #if arch(x86_64) || arch(arm64)
        #expect(jit.isJIT)
        #endif
        let interpreted = try Pattern("permission denied", caseInsensitive: false, location: nil, jit: false)
        #expect(!interpreted.isJIT)
    }

    @Test func emptyPatternCompilesAndMatchesEmpty() throws {
        let pattern = try Pattern("")
        #expect(pattern.find(in: "anything") == .match(text: "", range: TextRange(start: 0, count: 0), groups: []))
    }
}
}
