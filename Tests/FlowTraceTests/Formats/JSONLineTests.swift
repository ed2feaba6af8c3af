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

    /// M3: a record with no level whose message reads as a text line keeps its own ids, logger
    /// and time; the inner line's ids fill what the record lacks.
    @Test func m3ARecordWithoutALevelKeepsItsIds() {
        let generation = "7b87a9e2-1111-4222-8333-444455556666"
        let request = "c393fd0e-1cc6-4be5-b836-46bf0324aac3"
        parse(#"{"timestamp":"2025-08-02T07:07:57Z","message":"ERROR: Query failed","user_id":"\#(Self.user)","generation_id":"\#(generation)"}"#) { event, parser in
            #expect(event.layout == .pythonDefault)
            #expect(event.level == .error)
            #expect(event.time?.iso8601 == "2025-08-02T07:07:57.000Z")
            #expect(event.user.map { parser.string($0.range) } == Self.user)
            #expect(event.generation.map { parser.string($0.range) } == generation)
            #expect(parser.string(event.message) == "Query failed")
        }
        parse(#"{"msg":"Warning: retrying generation \#(generation)","logger":"svc","request_id":"\#(request)","extra":{"user_id":"\#(Self.user)"}}"#) { event, parser in
            #expect(event.level == .warning)
            #expect(parser.string(event.logger) == "svc")
            #expect(event.request.map { parser.string($0.range) } == request)
            #expect(event.user.map { parser.string($0.range) } == Self.user)
            #expect(event.generation.map { parser.string($0.range) } == generation)
        }
    }

    /// The record's ids win over the inner line's; the inner line's time wins over the record's.
    @Test func m3TheRecordsIdsWinAndAnIdItNamesIsNotUnlabelled() {
        let other = "0b5f3d86-268e-4c45-9c6b-f1e1a399f82a"
        parse(#"{"log":"2025-08-02 07:07:50,000 - app - INFO - user \#(other) and \#(Self.user)\n","time":"2025-08-02T07:07:57Z","user_id":"\#(Self.user)","logger":"web"}"#) { event, parser in
            #expect(event.layout == .pythonBasic)
            #expect(event.time?.iso8601 == "2025-08-02T07:07:50.000Z")
            #expect(event.user.map { parser.string($0.range) } == Self.user)
            #expect(event.unlabeledID == nil)
            #expect(parser.string(event.logger) == "web")
        }
        parse(#"{"log":"INFO:app:✅ done for \#(Self.user)\n","user_id":"\#(Self.user)"}"#) { event, _ in
            #expect(event.layout == .pythonDefault)
            #expect(event.user != nil)
            #expect(event.unlabeledID == nil)
        }
    }

    /// A Docker wrapper's own ids apply to the JSON line it wraps too.
    @Test func m3AWrappedJSONLineTakesTheWrappersIds() {
        let line = #"{"log":"{\"level\":\"error\",\"message\":\"\\u274c [DB] failed\"}\n","time":"2025-08-02T07:07:57Z","attributes":{"user_id":"\#(Self.user)"}}"#
        parse(line) { event, parser in
            #expect(event.layout == .json)
            #expect(event.level == .error)
            #expect(event.status == .error)
            #expect(event.user.map { parser.string($0.range) } == Self.user)
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
