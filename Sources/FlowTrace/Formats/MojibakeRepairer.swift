/// Repairs symbols damaged by mojibake: UTF-8 that was decoded as Windows-1252, Windows-1254 or
/// Mac Roman and encoded back as UTF-8 (`🔍` → `ðŸ”`, `ğŸ”`, `üîç`).
///
/// The damaged forms are generated from the code-page tables for every symbol of the vocabulary,
/// in every variant such tools produce (undefined bytes dropped, kept as C1 controls or replaced
/// by U+FFFD, as Python's `errors='replace'` does; no-break spaces kept or turned into spaces,
/// Mac Roman's Apple logo dropped or kept), and stored in a byte trie that maps each form back to
/// the symbol. When dropped or replaced bytes make two symbols' forms collide (`🔍` and `🔐` end
/// in different undefined bytes), the status symbols (listed first) win.
struct MojibakeRepairer: @unchecked Sendable {
    private let trie: ByteTrie
    /// The symbols' UTF-8 bytes, back to back, and where each starts (one more entry than symbols).
    private let symbolBytes: UnsafeMutablePointer<UInt8>
    private let symbolStarts: UnsafeMutablePointer<Int32>

    /// `symbols` in priority order: the status symbols first.
    init(symbols: [String], codePages: [MojibakeCodePage]) {
        var builder = ByteTrieBuilder(foldsCase: false)
        var stored: [[UInt8]] = []
        var indexBySymbol: [String: Int32] = [:]
        for symbol in symbols where indexBySymbol[symbol] == nil {
            let index = Int32(stored.count)
            indexBySymbol[symbol] = index
            stored.append(Array(symbol.utf8))
            for page in codePages {
                for form in MojibakeRepairer.damagedForms(of: symbol, through: page) {
                    // Prefer the earlier (higher-priority) symbol on collisions.
                    builder.insert(form, value: index) { existing, new in min(existing, new) }
                }
            }
        }
        trie = builder.build()
        let total = stored.reduce(0) { $0 + $1.count }
        symbolBytes = .allocate(capacity: max(total, 1))
        symbolStarts = .allocate(capacity: stored.count + 1)
        var offset = 0
        for (index, bytes) in stored.enumerated() {
            symbolStarts[index] = Int32(offset)
            for byte in bytes {
                symbolBytes[offset] = byte
                offset += 1
            }
        }
        symbolStarts[stored.count] = Int32(offset)
    }

    /// Frees the storage (called once by the owner).
    func deallocate() {
        trie.deallocate()
        symbolBytes.deallocate()
        symbolStarts.deallocate()
    }

    /// Whether a damaged form can start with this byte (only bytes ≥ 0xC2 can).
    @inline(__always)
    func canStart(with byte: UInt8) -> Bool { trie.canStart(with: byte) }

    /// Matches a damaged form at `start`; on success appends the repaired symbol to `output` and
    /// returns how many input bytes were consumed.
    @inline(__always)
    func repair(_ base: UnsafeRawPointer, at start: Int, end: Int, into output: TextBuffer) -> Int? {
        guard let match = trie.longestMatch(base, from: start, to: end) else { return nil }
        let start = Int(symbolStarts[Int(match.value)])
        let end = Int(symbolStarts[Int(match.value) + 1])
        output.append(symbolBytes + start, count: end - start)
        return match.length
    }

    /// Every damaged UTF-8 form of `symbol` read through `page`, of at least two characters.
    static func damagedForms(of symbol: String, through page: MojibakeCodePage) -> [[UInt8]] {
        let bytes = Array(symbol.utf8)
        guard bytes.contains(where: { $0 >= 0x80 }) else { return [] }
        var results: Set<[UInt8]> = []
        // What an undefined byte became: nothing, its C1 control, or the replacement character.
        for undefined in [nil, 0, 0xFFFD] as [UInt32?] {
            for keepDroppable in [false, true] {
                for noBreakAsSpace in [false, true] {
                    var scalars: [UInt32] = []
                    for byte in bytes {
                        if let scalar = page.scalar(for: byte) {
                            if page.droppableScalars.contains(scalar), !keepDroppable { continue }
                            scalars.append(scalar == 0xA0 && noBreakAsSpace ? 0x20 : scalar)
                        } else if let undefined {
                            scalars.append(undefined == 0 ? UInt32(byte) : undefined)
                        }
                    }
                    guard scalars.count >= 2 else { continue }
                    var form: [UInt8] = []
                    for scalar in scalars {
                        form.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? " ").utf8)
                    }
                    if form != bytes { results.insert(form) }
                }
            }
        }
        return results.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
