import Testing
@testable import FlowTrace

/// The status symbols' short-key table answers as the status trie, for every symbol with any
/// follower, and for near misses (a symbol's prefix, another emoji, plain text).
@Suite struct ShortKeyTableTests {
    @Test func statusTableAgreesWithTheStatusTrie() throws {
        let tables = try FormatVocabulary.builtin().tables
        let table = try #require(tables.statusTable)
        let starts = ["✅", "❌", "⚠️", "⚠", "🔍", "💳", "🔑", "🔓", "👤", "🚀", "⚠\u{FE0E}", "[AUTH] ✅", "plain", "\u{E2}\u{9A}"]
        for start in starts {
            let bytes = Array((start + " [TAG] message").utf8)
            bytes.withUnsafeBytes { buffer in
                let base = buffer.baseAddress!
                let expected = tables.statuses.longestMatch(base, from: 0, to: bytes.count)
                let found = table.longestMatch(base, at: 0)
                #expect(found?.length == expected?.length && found?.value == expected?.value, "\(start)")
            }
        }
    }

    @Test func longKeysHaveNoTableAndTheFirstValueWins() throws {
        #expect(ShortKeyTable(keys: [(Array("✅✅✅".utf8), Int32(1))]) == nil)
        let table = try #require(ShortKeyTable(keys: [(Array("✅".utf8), Int32(1)), (Array("✅".utf8), Int32(2))]))
        let value = Array("✅ ok ok ok".utf8).withUnsafeBytes { table.longestMatch($0.baseAddress!, at: 0)?.value }
        #expect(value == 1)
        table.deallocate()
    }
}
