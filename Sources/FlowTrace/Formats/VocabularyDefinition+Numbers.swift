extension VocabularyDefinition {
    /// Whether no word the message analysis matches holds a stand-alone number
    /// (``NumberSpans/mayOverlap(_:)``): a digit that starts the word or follows a byte that is not
    /// a letter, digit or `_`. Only then does the analysis read such numbers alike whatever their
    /// digits, so that the memo may mask them. (`/rest/v1/` holds none: its digit follows a letter.)
    var namesNoNumbers: Bool {
        let words = statusEntries().map(\.0) + keywordEntries().map(\.0) + idColumns.map(\.0)
            + [postgrestPrefix, postgrestRPCPrefix]
        return !words.contains { NumberSpans.mayOverlap(Array($0.utf8)) }
    }
}
