/// Compiles the validated lists of a formats file into the byte tries the parser matches with.
extension VocabularyDefinition {
    func statusTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: false)
        for (status, symbols) in statuses {
            for symbol in symbols { builder.insert(symbol, value: Int32(status.rawValue)) }
        }
        return builder.build()
    }

    func levelTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: true)
        for (level, words) in levels {
            for word in words { builder.insert(word, value: Int32(level.rawValue)) }
        }
        return builder.build()
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

    /// One case-folding trie of every message keyword and phrase, valued by role and payload.
    func keywordTrie() -> ByteTrie {
        var builder = ByteTrieBuilder(foldsCase: true)
        for (entity, words) in entities {
            for word in words { builder.insert(word, value: KeywordRole.pack(.entity, entity.rawValue)) }
        }
        for (client, phrases) in clients {
            for phrase in phrases { builder.insert(phrase, value: KeywordRole.pack(.client, client.rawValue)) }
        }
        for (operation, words) in operations {
            for word in words { builder.insert(word, value: KeywordRole.pack(.operation, operation.rawValue)) }
        }
        let simple: [(KeywordRole, [String])] = [
            (.operationLabel, operationLabels), (.tableMarker, tableMarkers), (.amount, amount),
            (.balance, balance), (.rows, rows), (.httpCall, httpCallMarkers), (.requestStarted, requestStarted),
            (.idColumn, idKeywords),
        ]
        for (role, words) in simple {
            for word in words { builder.insert(word, value: KeywordRole.pack(role)) }
        }
        return builder.build()
    }

    /// The symbols to repair, status symbols first so they win collisions between damaged forms.
    func repairSymbols() -> [String] {
        statuses.flatMap(\.1) + symbols
    }
}
