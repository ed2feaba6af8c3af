/// A vocabulary compiled for the hot path: byte tries for every word list and the mojibake
/// repairer. One immutable object, so that parsers share it without copying or reference counting
/// per line.
final class VocabularyTables: @unchecked Sendable {
    let statuses: ByteTrie
    /// The status symbols for one or two probes (``ShortKeyTable``), when all are short enough.
    let statusTable: ShortKeyTable?
    let levels: ByteTrie
    /// The level words' first words (``WordTable``).
    let levelWords: WordTable
    /// Whether every level word is word characters only (no phrases), so a level match depends
    /// on nothing past its word (``LevelMemo``).
    let levelsAreWords: Bool
    /// Whether the message analysis reads stand-alone numbers alike whatever their digits
    /// (``VocabularyDefinition/namesNoNumbers``), so that ``MessageMemo`` may mask them.
    let numbersAreOpaque: Bool
    let jsonFields: ByteTrie
    let keywords: ByteTrie
    /// The keywords' first words (``WordTable``).
    let keywordWords: WordTable
    /// Table names whose `id` column filter names an entity (payload: ``EntityRole``).
    let idTables: ByteTrie
    let repairer: MojibakeRepairer
    /// The PostgREST path prefixes, in raw storage so that reading them counts no references.
    let postgrestPrefix: UnsafeRawBufferPointer
    let postgrestRPCPrefix: UnsafeRawBufferPointer
    /// Byte classes for the message walk (``ByteClass/makeTable()``).
    let byteClasses: UnsafeMutablePointer<UInt8>

    init(_ definition: VocabularyDefinition) {
        statuses = definition.statusTrie()
        statusTable = definition.statusTable()
        levels = definition.levelTrie()
        levelWords = definition.levelWordTable(trie: levels)
        levelsAreWords = definition.levelsAreWords()
        numbersAreOpaque = definition.namesNoNumbers
        jsonFields = definition.jsonFieldTrie()
        keywords = definition.keywordTrie()
        keywordWords = definition.keywordWordTable(trie: keywords)
        idTables = definition.idTableTrie()
        repairer = MojibakeRepairer(symbols: definition.repairSymbols(), codePages: definition.codePages)
        postgrestPrefix = VocabularyTables.copy(definition.postgrestPrefix)
        postgrestRPCPrefix = VocabularyTables.copy(definition.postgrestRPCPrefix)
        byteClasses = ByteClass.makeTable()
    }

    deinit {
        for trie in [statuses, levels, jsonFields, keywords, idTables] { trie.deallocate() }
        keywordWords.deallocate()
        levelWords.deallocate()
        statusTable?.deallocate()
        repairer.deallocate()
        byteClasses.deallocate()
        postgrestPrefix.deallocate()
        postgrestRPCPrefix.deallocate()
    }

    /// The UTF-8 bytes of `string` in storage of their own (freed by `deinit`).
    private static func copy(_ string: String) -> UnsafeRawBufferPointer {
        let bytes = Array(string.utf8)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        storage.copyBytes(from: bytes)
        return UnsafeRawBufferPointer(rebasing: storage[0..<bytes.count])
    }
}
