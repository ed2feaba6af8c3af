/// Reads meaning out of a message: the leading status symbol, bracketed tags, ids labelled by
/// the nearest preceding entity keyword of their clause, numbers named by amount, balance and
/// row keywords, the database client, operation and table, and HTTP request lines. All words
/// come from the vocabulary's tries; the message is walked once, token by token.
///
/// A bracketed level word (`[ERROR]`) is no tag: it is the line's level when its layout gave
/// none. Numbers are whole credits: a sign is read (`balance: -20`, a `-` after a byte that is not
/// a word character), and a fraction is dropped, rounding down (`12.50` is 12, `-0.5` is -1), so
/// that a comparison with whole credits keeps its answer; its digits are no number of their own.
struct MessageAnalyser {
    unowned(unsafe) let tables: VocabularyTables
    let base: UnsafeRawPointer
    /// The event being filled, owned by the caller for the duration of ``analyse(_:tables:base:)``.
    private let eventPointer: UnsafeMutablePointer<Event>
    let start: Int
    let end: Int
    /// The offset of the text's first `"` (`Int.max` when it has none).
    let firstQuote: Int

    /// The entity the last keyword of the current clause names, waiting for an id.
    var pendingEntity: EntityRole?
    /// The number role a keyword of the current clause announced, waiting for a number.
    var pendingNumber: KeywordRole?
    /// An operation word seen, kept once a table marker or an operation label confirms it.
    var candidateOperation: Operation = .none
    var operationLabelled = false
    var lastNumber: Int64 = 0
    var lastNumberStart = -2
    var lastNumberEnd = -2
    /// Numbers before this offset fill no field: they are in an access line's request line
    /// (`"GET /api/v1/credits/balance HTTP/1.1"`), whose path may hold keywords.
    var numbersFrom = 0
    /// What the analysis found besides the event's fields (for ``MessageMemo``).
    var findings = Findings()

    /// What an analysis found that another line with the same message needs besides its fields.
    struct Findings {
        /// Where each number field was read.
        var origins = NumberOrigins()
        /// The level a bracketed level word named (`[ERROR]`), whether or not the event took it.
        var tagLevel: Level = .none
    }

    /// Reads the message of `event` (its ``Event/message`` range of `base`) into its fields;
    /// `firstQuote` is the offset of the first `"` in `base` (`Int.max` for none).
    @discardableResult
    static func analyse(_ event: inout Event, tables: VocabularyTables, base: UnsafeRawPointer,
                        firstQuote: Int) -> Findings {
        withUnsafeMutablePointer(to: &event) { pointer in
            var analyser = MessageAnalyser(tables: tables, base: base, event: pointer, firstQuote: firstQuote)
            analyser.run()
            if pointer.pointee.level == .none { pointer.pointee.level = analyser.findings.tagLevel }
            return analyser.findings
        }
    }

    /// Where each number field was read (for ``MessageMemo``).
    var origins: NumberOrigins {
        get { findings.origins }
        set { findings.origins = newValue }
    }

    private init(tables: VocabularyTables, base: UnsafeRawPointer, event: UnsafeMutablePointer<Event>, firstQuote: Int) {
        self.tables = tables
        self.base = base
        self.firstQuote = firstQuote
        eventPointer = event
        start = Int(event.pointee.message.start)
        end = event.pointee.message.end
    }

    var event: Event {
        unsafeAddress { UnsafePointer(eventPointer) }
        nonmutating unsafeMutableAddress { eventPointer }
    }

    mutating func run() {
        var position = start
        ByteClass.skipSpaces(base, &position, end: end)
        guard position < end else { return }
        if readRequestTracking(at: position) { return }
        readStatus(at: position)
        walk(from: readHTTP(at: position))
    }

    /// The status symbol at the start of the message, or right after a leading tag.
    private mutating func readStatus(at position: Int) {
        if let match = status(at: position) {
            event.status = Status(rawValue: UInt8(match.value)) ?? .none
            return
        }
        guard ByteClass.byte(base, position) == 0x5B, let close = closingBracket(after: position) else { return }
        var after = close + 1
        ByteClass.skipSpaces(base, &after, end: end)
        if let match = status(at: after) {
            event.status = Status(rawValue: UInt8(match.value)) ?? .none
        }
    }

    /// The status symbol at `position`: from the short-key table when eight bytes follow, else the trie.
    @inline(__always)
    private func status(at position: Int) -> ByteTrie.Match? {
        if position + 8 <= end, let table = tables.statusTable { return table.longestMatch(base, at: position) }
        return tables.statuses.longestMatch(base, from: position, to: end)
    }

    /// The `]` closing the bracket at `open`, if it is within 80 bytes, the content is not empty
    /// and has no spaces (``TagBracket/scan(_:open:end:)``, eight bytes at a time).
    func closingBracket(after open: Int) -> Int? {
        TagBracket.scan(base, open: open, end: end)?.close
    }

    /// Walks the message once, token by token.
    private mutating func walk(from begin: Int) {
        let classes = tables.byteClasses
        var position = begin
        while position < end {
            let byteClass = classes[Int(ByteClass.byte(base, position))]
            // Most bytes are word characters or separators: tested first, without a jump table.
            if byteClass == ByteClass.other {
                position += 1
                continue
            }
            if byteClass & 3 != 0 {
                position = word(at: position, classes: classes)
                continue
            }
            switch byteClass {
            case ByteClass.bracketClass:
                position = bracket(at: position)
            case ByteClass.clauseBreakClass:
                endClause()
                position += 1
            default:
                if position + 1 >= end || ByteClass.isSpace(ByteClass.byte(base, position + 1)) { endClause() }
                position += 1
            }
        }
    }

    private mutating func endClause() {
        pendingEntity = nil
        pendingNumber = nil
    }

    /// A bracketed tag (`[CREDIT-SERVICE]`), level word (`[ERROR]`) or id (`[<uuid>]`); returns
    /// where to continue. A bracket that follows a `/` is part of a path or URL, not a tag.
    private mutating func bracket(at open: Int) -> Int {
        guard let (close, isTag) = TagBracket.scan(base, open: open, end: end) else { return open + 1 }
        let contentStart = open + 1
        if close - contentStart == 36, let key = ByteClass.uuidKey(base, at: contentStart, end: close) {
            assign(.request, key: key, from: contentStart, to: close)
            return close + 1
        }
        guard isTag, open == start || ByteClass.byte(base, open - 1) != 0x2F else { return open + 1 }
        if let match = tables.levels.longestMatch(base, from: contentStart, to: close), match.length == close - contentStart {
            if findings.tagLevel == .none { findings.tagLevel = Level(rawValue: UInt8(match.value)) ?? .none }
            return close + 1
        }
        event.tags.append(TextRange(start: contentStart, count: close - contentStart))
        return close + 1
    }

    /// One word-character token: an id, a number or a keyword. Returns where to continue.
    private mutating func word(at position: Int, classes: UnsafeMutablePointer<UInt8>) -> Int {
        let byte = ByteClass.byte(base, position)
        if position + 36 <= end, ByteClass.byte(base, position + 8) == 0x2D,
           position + 36 == end || classes[Int(ByteClass.byte(base, position + 36))] & 3 == 0,
           let key = ByteClass.uuidKey(base, at: position, end: end) {
            id(key, from: position, to: position + 36)
            return position + 36
        }
        if classes[Int(byte)] == ByteClass.digitClass { return numberToken(at: position, classes: classes) }
        // Finding the word's end yields its folded bytes; one probe settles most words.
        let found = tables.keywordWords.longestMatch(base, at: position, end: end, in: tables.keywords)
        guard let match = found.match else { return found.wordEnd }
        return keyword(match.value, at: position, length: match.length)
    }

    /// The end of the word characters from `position`.
    @inline(__always)
    func skipWord(from position: Int, classes: UnsafeMutablePointer<UInt8>) -> Int {
        var cursor = position
        while cursor < end, classes[Int(ByteClass.byte(base, cursor))] & 3 != 0 { cursor += 1 }
        return cursor
    }
}
