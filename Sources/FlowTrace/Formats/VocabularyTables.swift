/// A vocabulary compiled for the hot path: byte tries for every word list and the mojibake
/// repairer. One immutable object, so that parsers share it without copying or reference counting
/// per line.
final class VocabularyTables: @unchecked Sendable {
    let statuses: ByteTrie
    let levels: ByteTrie
    let jsonFields: ByteTrie
    let keywords: ByteTrie
    /// The keywords' first words (``WordTable``).
    let keywordWords: WordTable
    /// Table names whose `id` column filter names an entity (payload: ``EntityRole``).
    let idTables: ByteTrie
    let repairer: MojibakeRepairer
    let postgrestPrefix: [UInt8]
    let postgrestRPCPrefix: [UInt8]
    /// Byte classes for the message walk (``ByteClass/makeTable()``).
    let byteClasses: UnsafeMutablePointer<UInt8>

    init(_ definition: VocabularyDefinition) {
        statuses = definition.statusTrie()
        levels = definition.levelTrie()
        jsonFields = definition.jsonFieldTrie()
        keywords = definition.keywordTrie()
        keywordWords = definition.keywordWordTable(trie: keywords)
        idTables = definition.idTableTrie()
        repairer = MojibakeRepairer(symbols: definition.repairSymbols(), codePages: definition.codePages)
        postgrestPrefix = Array(definition.postgrestPrefix.utf8)
        postgrestRPCPrefix = Array(definition.postgrestRPCPrefix.utf8)
        byteClasses = ByteClass.makeTable()
    }

    deinit {
        for trie in [statuses, levels, jsonFields, keywords, idTables] { trie.deallocate() }
        keywordWords.deallocate()
        repairer.deallocate()
        byteClasses.deallocate()
    }
}
