import Testing
@testable import FlowTrace

/// The one-probe word tables answer as their tries do: `longestMatch(…, wordBoundary: true)` at
/// the start of a word, for level words and message keywords, in any case and with any follower.
@Suite struct WordTableTests {
    @Test func levelAndKeywordTablesAgreeWithTheirTries() throws {
        let tables = try FormatVocabulary.builtin().tables
        let words = ["INFO", "info", "Warn", "WARNING", "WARNINGS", "ERR", "ERRORx", "CRITICAL", "CRIT_1", "PANIC9",
                     "user", "USER_ID", "user id", "userId", "credits found", "credits", "HTTP Request:", "HTTP",
                     "service client", "service_key=True", "result for", "result", "on", "onward", "rows", "_x", "9"]
        let followers = ["", " ", ":", " - ", "x", "_", "7", " id", " found", " Request:", "]"]
        for word in words {
            for follower in followers {
                let bytes = Array((word + follower).utf8)
                bytes.withUnsafeBytes { buffer in
                    let base = buffer.baseAddress!
                    for (table, trie) in [(tables.levelWords, tables.levels), (tables.keywordWords, tables.keywords)] {
                        let expected = trie.longestMatch(base, from: 0, to: bytes.count, wordBoundary: true)
                        let found = table.longestMatch(base, at: 0, end: bytes.count, in: trie).match
                        #expect(found?.length == expected?.length && found?.value == expected?.value,
                                "\(word + follower)")
                    }
                }
            }
        }
    }
}
