/// Compiles the validated lists of a formats file into the byte tries the parser matches with.
extension VocabularyDefinition {
    /// Every status symbol with its status's raw value.
    func statusEntries() -> [(String, Int32)] {
        statuses.flatMap { status, symbols in symbols.map { ($0, Int32(status.rawValue)) } }
    }

    func statusTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: false)
        for (symbol, value) in statusEntries() { builder.insert(symbol, value: value) }
        return builder.build()
    }

    /// The status symbols hashed by length, when none is longer than eight bytes.
    func statusTable() -> ShortKeyTable? {
        ShortKeyTable(keys: statusEntries().map { (Array($0.0.utf8), $0.1) })
    }

    /// Every level word with its level's raw value.
    func levelEntries() -> [(String, Int32)] {
        levels.flatMap { level, words in words.map { ($0, Int32(level.rawValue)) } }
    }

    func levelTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: true)
        for (word, value) in levelEntries() { builder.insert(word, value: value) }
        return builder.build()
    }

    /// The level words' first words, for reading a level with one probe; longer ones go on in `trie`.
    func levelWordTable(trie: ByteTrie) -> WordTable {
        WordTable(keys: levelEntries().map { (Array($0.0.utf8), $0.1) }, trie: trie)
    }

    /// Whether every level word consists of word characters only.
    func levelsAreWords() -> Bool {
        levelEntries().allSatisfy { !$0.0.isEmpty && $0.0.utf8.allSatisfy(ByteClass.isWord) }
    }

    func jsonFieldTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: false)
        for (role, names) in jsonFields {
            for name in names { builder.insert(name, value: Int32(role.rawValue)) }
        }
        return builder.build()
    }

    func idTableTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: true)
        for (table, entity) in idColumns { builder.insert(table, value: Int32(entity.rawValue)) }
        return builder.build()
    }

    /// Every message keyword and phrase with its value (role and payload).
    func keywordEntries() -> [(String, Int32)] {
        var entries: [(String, Int32)] = []
        for (entity, words) in entities {
            entries += words.map { ($0, KeywordRole.pack(.entity, entity.rawValue)) }
        }
        for (client, phrases) in clients {
            entries += phrases.map { ($0, KeywordRole.pack(.client, client.rawValue)) }
        }
        for (operation, words) in operations {
            entries += words.map { ($0, KeywordRole.pack(.operation, operation.rawValue)) }
        }
        let simple: [(KeywordRole, [String])] = [
            (.operationLabel, operationLabels), (.tableMarker, tableMarkers), (.amount, amount),
            (.balance, balance), (.rows, rows), (.httpCall, httpCallMarkers), (.requestStarted, requestStarted),
            (.idColumn, idKeywords),
        ]
        for (role, words) in simple {
            entries += words.map { ($0, KeywordRole.pack(role)) }
        }
        return entries
    }

    /// One case-folding trie of every message keyword and phrase.
    func keywordTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: true)
        for (key, value) in keywordEntries() { builder.insert(key, value: value) }
        return builder.build()
    }

    /// The keywords' first words, for the walk's one-probe lookup; phrases go on in `trie`.
    func keywordWordTable(trie: ByteTrie) -> WordTable {
        WordTable(keys: keywordEntries().map { (Array($0.0.utf8), $0.1) }, trie: trie)
    }

    /// The symbols to repair, status symbols first so they win collisions between damaged forms.
    func repairSymbols() -> [String] {
        statuses.flatMap(\.1) + symbols
    }
}
