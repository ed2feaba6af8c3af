import Foundation
import Testing
@testable import FlowTrace

/// Messages that differ from a remembered one only in their stand-alone numbers take its
/// analysis (``MessageMemo``, ``NumberSpans``): they must read exactly as a fresh parser reads
/// them, with their own number fields, and the memo must not share an analysis that depends on
/// the digits.
@Suite struct MessageMemoNumberTests {
    static let vocabulary = FormatSampleTests.vocabulary
    static let prefix = "2025-08-02 07:00:00,026 - a - INFO - "

    /// `text` with every stand-alone number (a digit run that starts it or follows a non-word
    /// byte) rewritten by `rewrite`.
    static func rewritingNumbers(in text: String, _ rewrite: (String) -> String) -> String {
        var result = ""
        var previous: Character?
        var run = ""
        func flush() {
            result += run.isEmpty ? "" : rewrite(run)
            run = ""
        }
        for character in text {
            let isDigit = character.isASCII && character.isNumber
            if isDigit, !run.isEmpty || previous.map({ !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) ?? true {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
            previous = character
        }
        flush()
        return result
    }

    /// Each digit moved by `shift` (same lengths), or a digit appended (other lengths).
    static func variants(of message: String) -> [String] {
        let shifted = { (shift: Int) in
            rewritingNumbers(in: message) { run in
                String(run.map { Character(String((Int(String($0))! + shift) % 10)) })
            }
        }
        return [shifted(3), shifted(7), shifted(7), shifted(7), rewritingNumbers(in: message) { $0 + "7" }, shifted(0),
                rewritingNumbers(in: message) { String(repeating: "0", count: $0.count) }, shifted(3)]
    }

    /// Parses `line` and its variants with one parser, each compared with a fresh parser's reading.
    static func expectEachReadsAsFresh(_ lines: [String], with parser: inout LineParser,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        for line in lines {
            var fresh = LineParser(vocabulary: vocabulary)
            #expect(MessageMemoTests.parse(line, with: &parser) == MessageMemoTests.parse(line, with: &fresh),
                    "\(line)", sourceLocation: sourceLocation)
        }
    }

    /// Lines with numbers of every role, from the benchmark's and the seeds' messages, and
    /// numbers the analysis must not share: a numeric request id, a status read from part of a
    /// number, digits in a table name and in a path.
    static let messages = [
        "INFO:     10.0.0.7:51234 - \"POST /api/v1/generations HTTP/1.1\" 200 OK",
        "[c380ac3f-b0ec-4cec-9d88-a202dc61978e] POST /api/v1/generations - 400 - 812ms",
        "[c380ac3f-b0ec-4cec-9d88-a202dc61978e] GET /api/v1/credits/balance - 4001 - 5ms",
        "[12345] GET /api/v1/credits/balance - Started",
        "[12345] GET /api/v1/credits/balance - 200 - 31ms",
        "💳 [USER_SERVICE] Current balance for user 6816de06-0a04-4f48-921b-18a91ab1c42f: 490, required: 10",
        "💳 [USER_REPO] Deducting 10 credits for user 6816de06-0a04-4f48-921b-18a91ab1c42f, new balance: 480",
        "✅ [DATABASE] UPDATE result for users: 1 rows",
        "❌ [USER_REPO] Query result for users: 0 rows",
        "HTTP Request: GET https://xyz.supabase.co/rest/v1/users?select=*&id=eq.6816de06-0a04-4f48-921b-18a91ab1c42f \"HTTP/2 200 OK\"",
        "HTTP Request: POST https://xyz.supabase.co/rest/v1/credit_transactions \"HTTP/2 401 Unauthorized\"",
        "🔍 [DATABASE] Executing SELECT query on public.2024 for user 6816de06-0a04-4f48-921b-18a91ab1c42f",
        "🔍 [GENERATION] Generation 42 took 1500ms, cost 25 credits",
        "⚠️ [CREDIT-SERVICE] Retry 2/3 for user 6816de06-0a04-4f48-921b-18a91ab1c42f, amount: 10 10",
        "[c380ac3f-b0ec-4cec-9d88-a202dc61978e] POST /api/v1/generations - 500 - 1.2s",
        "🔍 [GENERATION] Generation 42 took 2.45s, then 350us, then 7s",
        "💳 [USER_SERVICE] New balance: 1,240 for user 6816de06-0a04-4f48-921b-18a91ab1c42f",
        "💳 [CREDIT-SERVICE] Granted 1,000,000 credits, new balance: 12,50",
        "💳 [USER_SERVICE] Current balance for user 6816de06-0a04-4f48-921b-18a91ab1c42f: -20, required: 10",
        "💳 [CREDIT-SERVICE] Refund amount: 12.50, new balance:-0.5 (range 10-20, rows: 3)",
        "💳 [CREDIT-SERVICE] amount: 1,240.75, balance: -1,000, 1.5 rows",
        "10.0.0.7:51234 - \"GET /api/v1/credits/balance HTTP/1.1\" 200 OK",
        "[::1]:51234 - \"POST /api/v1/credits/amount/5?balance=3 HTTP/2\" 402 Payment Required",
        "🔍 [GENERATION] Image generation took .8s, then 812 ms, then 1.5 seconds",
        "🔍 [GENERATION] Upscaling took 250 ms for user 6816de06-0a04-4f48-921b-18a91ab1c42f, balance 40",
        "[ERROR] [GENERATION] Deducted 10 credits, new balance -5, model v1.6 at 10.0.0.7",
    ]

    @Test(arguments: messages)
    func aMessageWithOtherNumbersReadsAsTheFirstTime(_ message: String) {
        var parser = LineParser(vocabulary: Self.vocabulary)
        Self.expectEachReadsAsFresh(([message] + Self.variants(of: message)).map { Self.prefix + $0 }, with: &parser)
    }

    /// The samples' messages, where the line holds them as they read (not JSON, not mojibake).
    @Test(arguments: FormatSampleTests.samples.filter {
        guard let message = $0.expect[.message], message.utf8.count <= MessageMemo.maxLength else { return false }
        return $0.line.contains(message) && rewritingNumbers(in: message) { _ in "" } != message
    })
    func aSampleWithOtherNumbersReadsAsTheFirstTime(_ sample: FormatSample) {
        let message = sample.expect[.message]!
        var parser = LineParser(vocabulary: Self.vocabulary)
        let lines = [sample.line] + Self.variants(of: message).map { sample.line.replacingOccurrences(of: message, with: $0) }
        Self.expectEachReadsAsFresh(lines, with: &parser)
    }

    /// The lines above do take remembered analyses with other numbers: after a line and one
    /// variant, the variants of the messages whose numbers are plain values are not analysed
    /// again; a variant that comes back as it was is remembered as it is, with an exact template.
    @Test func variantsAreNotAnalysedAgain() {
        let plain = [0, 1, 5, 6, 7, 8, 10, 12].map { Self.messages[$0] }
        var parser = LineParser(vocabulary: Self.vocabulary)
        for message in plain {
            let variants = Self.variants(of: message)
            Self.expectEachReadsAsFresh([message, variants[0]].map { Self.prefix + $0 }, with: &parser)
            let analysed = parser.messageMemo.analysedCount
            let hits = parser.messageMemo.numberMaskedHitCount
            // The same variant three times: taken with other numbers twice (it is then seen
            // twice), the third time as it is.
            Self.expectEachReadsAsFresh([variants[1], variants[2]].map { Self.prefix + $0 }, with: &parser)
            let template = Array((Self.prefix + variants[3]).utf8).withUnsafeBytes { raw in
                parser.parse(RawLine(bytes: raw, number: 1, byteOffset: 0, fullLength: raw.count)).template
            }
            #expect(parser.messageMemo.analysedCount == analysed, "\(message)")
            #expect(parser.messageMemo.numberMaskedHitCount == hits + 2, "\(message)")
            #expect(template != 0 && template & TemplateIDSource.numbersMasked == 0, "\(message)")
        }
    }

    /// A template names one text but for UUID digits (what ``LiteralCache`` relies on), or, marked
    /// ``TemplateIDSource/numbersMasked``, one text but for UUID and number digits: a variant with
    /// other numbers never carries an exact template of another text. A template not marked
    /// ``TemplateIDSource/uuidsMasked`` is of a message with no UUID, so it names one text byte
    /// for byte when it masks no numbers either (what the rule engine's regex cache relies on).
    @Test func aTemplateNamesOneText() {
        var parser = LineParser(vocabulary: Self.vocabulary)
        var texts: [UInt32: String] = [:]
        var kinds: Set<Bool> = []
        var uuidKinds: Set<Bool> = []
        for message in Self.messages {
            for line in ([message] + Self.variants(of: message) + [message, message]).map({ Self.prefix + $0 }) {
                let (template, text) = Array(line.utf8).withUnsafeBytes { raw in
                    let event = parser.parse(RawLine(bytes: raw, number: 1, byteOffset: 0, fullLength: raw.count))
                    return (event.template, parser.withText { String(decoding: event.message.slice($0), as: UTF8.self) })
                }
                guard template != 0 else { continue }
                let masksNumbers = template & TemplateIDSource.numbersMasked != 0
                let masksUUIDs = template & TemplateIDSource.uuidsMasked != 0
                kinds.insert(masksNumbers)
                uuidKinds.insert(masksUUIDs)
                var masked = MessageMemoTests.replacingUUIDs(in: text, with: ["U"])
                #expect(masksUUIDs == (masked != text), "\(line)")
                #expect(TemplateIDSource.namesOneText(template) == (!masksUUIDs && !masksNumbers))
                if masksNumbers { masked = Self.rewritingNumbers(in: masked) { _ in "N" } }
                #expect(texts[template, default: masked] == masked, "\(line)")
                texts[template] = masked
            }
        }
        #expect(kinds == [false, true], "both kinds of template were given")
        #expect(uuidKinds == [false, true], "templates with and without UUIDs were given")
    }

    /// With a vocabulary word holding a stand-alone number, numbers steer the analysis, and the
    /// memo compares them byte for byte.
    @Test func aVocabularyNumberKeepsNumbersAsTheyAre() throws {
        let builtin = BuiltinData.file("formats.yaml")!
        #expect(Self.vocabulary.tables.numbersAreOpaque)
        let yaml = builtin.replacingOccurrences(of: "  service: [\"service client\"", with: "  service: [\"key 1\", \"service client\"")
            .replacingOccurrences(of: "  anon: [\"anon client\"", with: "  anon: [\"key 2\", \"anon client\"")
        #expect(yaml != builtin)
        let vocabulary = try FormatVocabulary(yaml: yaml, file: "formats.yaml", checkingSamples: false)
        #expect(!vocabulary.tables.numbersAreOpaque)
        var parser = LineParser(vocabulary: vocabulary)
        // Masked, "key 3" would take the analysis of "key 2" (anon client): it names no client.
        for line in ["Using key 1 for select on users", "Using key 2 for select on users", "Using key 3 for select on users",
                     "Using key 1 for select on users", "Using key 2 for select on users"].map({ Self.prefix + $0 }) {
            var fresh = LineParser(vocabulary: vocabulary)
            #expect(MessageMemoTests.parse(line, with: &parser) == MessageMemoTests.parse(line, with: &fresh), "\(line)")
        }
    }

    @Test(arguments: [("v1", true), ("/rest/v1/", true), ("http 2", false), ("2fa", false), ("a.9", false), ("x_9", true)])
    func vocabularyWordsWithStandAloneNumbers(_ word: String, _ namesNoNumbers: Bool) throws {
        let builtin = BuiltinData.file("formats.yaml")!
        let yaml = builtin.replacingOccurrences(of: "table_markers: [", with: "table_markers: [\"\(word)\", ")
        let definition = try VocabularyDefinition(yaml: yaml, file: "formats.yaml")
        #expect(definition.namesNoNumbers == namesNoNumbers)
    }

    /// Messages every request logs stay remembered while they alternate, also two whose hashes
    /// pick the same slot of a direct-mapped table of ``MessageMemo/slotCount``: they would evict
    /// each other for good.
    @Test func alternatingMessagesStayRemembered() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let messages = (0..<676).map { (index: Int) -> String in
            "✅ [STEP] Finished step \(letters[index / 26])\(letters[index % 26]) of the flow"
        }
        var bySlot: [UInt64: String] = [:]
        var pair: (String, String)?
        for message in messages where pair == nil {
            let slot = Array(message.utf8).withUnsafeBytes {
                MessageMemo.hash($0.baseAddress!, count: $0.count) & UInt64(MessageMemo.slotCount - 1)
            }
            if let other = bySlot[slot] { pair = (other, message) }
            bySlot[slot] = message
        }
        let (first, second) = try #require(pair)
        var parser = LineParser(vocabulary: Self.vocabulary)
        for _ in 0..<2 { for message in [first, second] { _ = MessageMemoTests.parse(Self.prefix + message, with: &parser) } }
        let analysed = parser.messageMemo.analysedCount
        for _ in 0..<3 { for message in [first, second] { _ = MessageMemoTests.parse(Self.prefix + message, with: &parser) } }
        #expect(parser.messageMemo.analysedCount == analysed)
    }
}
