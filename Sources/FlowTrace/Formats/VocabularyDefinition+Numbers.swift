extension VocabularyDefinition {
    /// Whether no word the message analysis matches holds a stand-alone number (``NumberSpans``):
    /// a digit that starts the word or follows a byte that is not a letter, digit or `_`. Only
    /// then does the analysis read such numbers alike whatever their digits, so that the memo may
    /// mask them. (`/rest/v1/` holds none: its digit follows a letter.)
    var namesNoNumbers: Bool {
        let words = statusEntries().map(\.0) + keywordEntries().map(\.0) + idColumns.map(\.0)
            + [postgrestPrefix, postgrestRPCPrefix]
        return !words.contains { word in
            let bytes = Array(word.utf8)
            return bytes.indices.contains { index in
                ByteClass.isDigit(bytes[index]) && (index == 0 || !ByteClass.isWord(bytes[index - 1]))
            }
        }
    }
}
