import Testing
@testable import FlowTrace

/// JSON lines: string escapes, field names and nesting from the vocabulary, Docker wrappers,
/// and malformed objects read as text.
@Suite struct JSONLineTests {
    static let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    func parse(_ line: String, _ check: (Event, LineParser) -> Void) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: line)
        check(event, parser)
    }

    @Test func decodesEveryEscape() {
        parse(#"{"msg":"a\"b\\c\/d\b\f\n\r\t \u00e9 \u20ac \ud83d\udd0d \ud83d"}"#) { event, parser in
            #expect(event.layout == .json)
            #expect(parser.string(event.message) == "a\"b\\c/d\u{8}\u{c}\n\r\t é € 🔍 \u{FFFD}")
        }
    }

    @Test func surrogatePairStatusIsRecognised() {
        parse(#"{"level":"info","message":"\ud83d\udd0d [GENERATION] Starting credit check for user \#(Self.user)"}"#) { event, parser in
            #expect(event.status == .step)
            #expect(parser.string(event.tags.range(at: 0)) == "GENERATION")
            #expect(event.user.map { parser.string($0.range) } == Self.user)
        }
    }

    @Test func topLevelFieldsWinOverNestedOnes() {
        parse(#"{"extra":{"user_id":"nested-user","request_id":"r-1"},"user_id":"top-user","message":"x","level":"debug"}"#) { event, parser in
            #expect(event.user.map { parser.string($0.range) } == "top-user")
            #expect(event.request.map { parser.string($0.range) } == "r-1")
            #expect(event.level == .debug)
        }
    }

    @Test func onlyOneLevelOfNestingIsRead() {
        parse(#"{"context":{"extra":{"user_id":"deep"}},"message":"x","level":"info"}"#) { event, _ in
            #expect(event.user == nil)
        }
    }

    @Test func epochTimesInSecondsAndMilliseconds() {
        parse(#"{"ts":1754118477,"message":"a","level":"info"}"#) { event, _ in
            #expect(event.time?.iso8601 == "2025-08-02T07:07:57.000Z")
        }
        parse(#"{"ts":1754118477123,"message":"a","level":"info"}"#) { event, _ in
            #expect(event.time?.iso8601 == "2025-08-02T07:07:57.123Z")
        }
        parse(#"{"time":"2025-08-02T09:07:57.5+02:00","message":"a","level":"info"}"#) { event, _ in
            #expect(event.time?.iso8601 == "2025-08-02T07:07:57.500Z")
        }
    }

    @Test func dockerWrapperOfPlainTextStaysJSON() {
        parse(#"{"log":"starting worker 3\n","stream":"stdout","time":"2025-08-02T07:07:57Z"}"#) { event, parser in
            #expect(event.layout == .json)
            #expect(parser.string(event.message) == "starting worker 3")
            #expect(event.time?.iso8601 == "2025-08-02T07:07:57.000Z")
        }
    }

    @Test func dockerWrapperOfATextLineIsThatLine() {
        parse(#"{"log":"ERROR:middleware.auth:\u274c [AUTH] bad token\n","stream":"stderr","time":"2025-08-02T07:07:57Z"}"#) { event, parser in
            #expect(event.layout == .pythonDefault)
            #expect(event.level == .error)
            #expect(parser.string(event.logger) == "middleware.auth")
            #expect(event.status == .error)
            #expect(event.time?.iso8601 == "2025-08-02T07:07:57.000Z")
        }
    }

    @Test(arguments: [
        #"{"message": "unterminated"#, #"{"message": "a",}"#, #"{"message" "a"}"#, #"{"a": [1, 2}"#,
        #"{"a": tru}"#, #"{"a": "b"} trailing"#, "{", "{\"a\": \"raw\u{1}control\"}",
    ])
    func malformedObjectsAreReadAsText(_ line: String) {
        parse(line) { event, parser in
            #expect(event.flags.contains(.malformedJSON))
            #expect(event.layout != .json)
            #expect(parser.string(event.message) == line)
        }
    }

    @Test func scannerSkipsEveryValueKind() {
        parse(#"{"a":[1,{"b":[true,false,null]},"x\"]"],"n":-1.5e3,"o":{},"l":[],"message":"ok","level":"warn"}"#) { event, parser in
            #expect(event.layout == .json)
            #expect(event.level == .warning)
            #expect(parser.string(event.message) == "ok")
        }
    }
}
