import Foundation
import Testing
@testable import FlowTrace

/// Every vocabulary symbol, damaged through every code page in every variant, is repaired; the
/// status, tags and ids of damaged lines read exactly as on clean ones.
@Suite struct MojibakeRepairTests {
    static let definition = try! VocabularyDefinition(yaml: BuiltinData.file("formats.yaml")!, file: "formats.yaml")
    static let symbols = definition.repairSymbols()
    static let statusSymbols = Set(definition.statuses.flatMap(\.1))

    struct Case: Sendable, CustomTestStringConvertible {
        var symbol: String
        var page: MojibakeCodePage
        var testDescription: String { "\(symbol) via \(page.rawValue)" }
    }

    static let cases = symbols.flatMap { symbol in MojibakeCodePage.allCases.map { Case(symbol: symbol, page: $0) } }

    @Test(arguments: cases)
    func repairsEveryDamagedForm(_ testCase: Case) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let forms = MojibakeRepairer.damagedForms(of: testCase.symbol, through: testCase.page)
        #expect(!forms.isEmpty)
        for form in forms {
            let damaged = String(decoding: form, as: UTF8.self)
            let event = parser.parse(string: "\(damaged) [CREDIT-SERVICE] done for user 22cb3917-57f6-49c6-ac96-ec266570081b")
            let message = parser.string(event.message)
            #expect(event.flags.contains(.mojibakeRepaired), "\(damaged.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(parser.string(event.tags.range(at: 0)) == "CREDIT-SERVICE")
            #expect(event.user != nil)
            let repaired = String(message.prefix { $0 != " " })
            if repaired != testCase.symbol {
                // Only a collision caused by dropped bytes may change the symbol, and then the symbol
                // listed first wins (status symbols are listed before all others).
                let winner = Self.symbols.firstIndex(of: repaired)
                let loser = Self.symbols.firstIndex(of: testCase.symbol)
                #expect(winner != nil && loser != nil && winner! < loser!, "\(testCase.symbol) became \(repaired)")
                if Self.statusSymbols.contains(testCase.symbol) {
                    #expect(Self.statusSymbols.contains(repaired))
                }
            }
        }
    }

    @Test func statusSymbolsWinCollisions() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        // 🔍 (F0 9F 94 8D) and 🔐 (F0 9F 94 90) both lose their last byte in Windows-1252.
        let event = parser.parse(string: "ðŸ” [GENERATION] Starting credit check")
        #expect(event.status == .step)
        #expect(parser.string(event.message) == "🔍 [GENERATION] Starting credit check")
        // With the undefined byte kept as a C1 control, 🔐 is told apart.
        let kept = parser.parse(string: "ðŸ”\u{90} [AUTH] locked")
        #expect(kept.status == .none)
        #expect(parser.string(kept.message) == "🔐 [AUTH] locked")
    }

    /// L1: Python's `errors='replace'` shows the byte a code page leaves undefined as U+FFFD.
    @Test(arguments: [
        ("â\u{FFFD}Œ [USER_REPO] Query failed", "❌ [USER_REPO] Query failed", Status.error),
        ("âš ï¸\u{FFFD} [USER_REPO] Profile missing", "⚠️ [USER_REPO] Profile missing", .warning),
        ("âš\u{A0}ï¸\u{FFFD} [USER_REPO] Profile missing", "⚠️ [USER_REPO] Profile missing", .warning),
        ("ðŸ”\u{FFFD} [GENERATION] Starting", "🔍 [GENERATION] Starting", .step),
        ("ğŸ”\u{FFFD} [GENERATION] Starting", "🔍 [GENERATION] Starting", .step),
    ])
    func l1UndefinedBytesShownAsReplacementCharacters(_ damaged: String, _ clean: String, _ status: Status) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: damaged)
        #expect(parser.string(event.message) == clean)
        #expect(event.status == status)
        #expect(event.flags.contains(.mojibakeRepaired))
    }

    /// Every emoji the samples and seeds use is a status symbol or one whose mojibake is repaired.
    @Test func everyEmojiOfTheSamplesIsKnown() throws {
        let known = Set(Self.symbols.flatMap { $0.unicodeScalars.filter { $0.properties.isEmojiPresentation || $0.value >= 0x2600 } })
        var roots = [URL]()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        roots.append(root.appendingPathComponent("Samples"))
        roots.append(root.deletingLastPathComponent().appendingPathComponent("shared/seeds"))
        var used = Set<Unicode.Scalar>()
        for folder in roots {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension != "gz" {
                guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8) else { continue }
                used.formUnion(text.unicodeScalars.filter { $0.properties.isEmojiPresentation })
            }
        }
        #expect(!used.isEmpty)
        #expect(used.subtracting(known).isEmpty, "\(used.subtracting(known).map { String($0) })")
    }

    @Test func seedLinesAreRepaired() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let lines: [(String, String)] = [
            ("ğŸš€ READY FOR PRODUCTION DEPLOYMENT", "🚀 READY FOR PRODUCTION DEPLOYMENT"),
            ("JWT token passed from API â†’ Service â†’ Repository layers", "JWT token passed from API → Service → Repository layers"),
            ("- ‚ö†Ô∏è **Generation Endpoint**: 405", "- ⚠️ **Generation Endpoint**: 405"),
            ("- üî¥ **Profile Error**", "- 🔴 **Profile Error**"),
            ("Maps BestAuth ID â†” Supabase ID", "Maps BestAuth ID ↔ Supabase ID"),
            ("â””â”€â”€â”˜", "└──┘"),
        ]
        for (damaged, clean) in lines {
            let event = parser.parse(string: damaged)
            #expect(parser.string(event.message) == clean)
            #expect(event.flags.contains(.mojibakeRepaired))
        }
    }

    @Test func cleanTextIsLeftAlone() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        for line in ["Crème brûlée für Ärzte — naïve café", "🔍 [GENERATION] already fine ✅", "Ğüşiöç ı İ", "plain ascii"] {
            let event = parser.parse(string: line)
            #expect(parser.string(event.message) == line)
            #expect(!event.flags.contains(.mojibakeRepaired))
            #expect(!event.flags.contains(.invalidUTF8))
        }
    }
}
