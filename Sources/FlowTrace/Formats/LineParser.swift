/// Parses lines of one stream into events. Keeps a little state (the last date seen, so
/// time-only layouts get a date) and one reused scratch buffer for the event text.
///
/// The layout is detected per line, with no configuration: JSON objects (Docker's `{"log": …}`
/// wrapping a text line is read as that line), Python `basicConfig`, colour console, Python's
/// default and uvicorn access lines, ISO-timestamp lines, request tracking, and bare messages;
/// a container runtime prefix is removed first. Each event's ``TextRange``s refer to the
/// parser's event text, which is valid until the next call to ``parse(_:)``.
///
/// A parser is a value with reference-typed scratch storage that its copies share: do not use one
/// from two threads, and give each stream its own. The vocabulary is shared and immutable.
public struct LineParser {
    /// The compiled vocabulary (shared, immutable).
    let tables: VocabularyTables
    /// The event text of the last parsed line.
    let text: TextBuffer
    /// Decoded JSON message text, before normalisation into ``text``.
    let decoded: TextBuffer
    /// A JSON line found inside a Docker wrapper, parsed in turn.
    let wrapped: TextBuffer
    /// The last level words read.
    let levelMemo: LevelMemo
    /// The messages analysed lately and their findings.
    let messageMemo: MessageMemo
    /// The date time-only layouts take.
    var dateCarry = DateCarry()
    /// The last date read, to skip converting it again.
    var dayCache = DayCache()

    public init(vocabulary: FormatVocabulary) {
        tables = vocabulary.tables
        text = TextBuffer()
        decoded = TextBuffer()
        wrapped = TextBuffer()
        levelMemo = LevelMemo()
        messageMemo = MessageMemo()
    }

    /// Parses one line. The event's TextRanges refer to the parser's event text, valid until the next call.
    public mutating func parse(_ line: RawLine) -> Event {
        var event = Event()
        parse(line, into: &event)
        return event
    }

    /// Parses one line into `event`, which starts out as `Event()` (a slot filled in place).
    mutating func parse(_ line: RawLine, into event: inout Event) {
        event.lineNumber = line.number
        event.byteOffset = line.byteOffset
        if line.isTruncated { event.flags.insert(.truncated) }
        text.count = 0
        guard var base = line.bytes.baseAddress, line.bytes.count > 0 else { return }
        var end = line.bytes.count
        // A byte order mark (a file's first line, written as `utf-8-sig`) is not text.
        if ByteClass.byte(base, 0) == 0xEF, LineParser.hasByteOrderMark(base, at: 0, end: end) {
            base += 3
            end -= 3
            guard end > 0 else { return }
        }
        if ByteClass.byte(base, end - 1) == 0x0D { end -= 1 }
        var start = 0
        var containerTime: TimeParser.Parsed?
        if let prefix = containerPrefix(base, end: end) {
            start = prefix.end
            containerTime = prefix
            event.flags.insert(.containerPrefix)
            // The runtime's date also dates the time-only lines it wraps.
            _ = dated(prefix)
            if LineParser.hasByteOrderMark(base, at: start, end: end) { start += 3 }
        }
        var first = start
        ByteClass.skipSpaces(base, &first, end: end)
        var triedJSON = false
        if first < end, ByteClass.byte(base, first) == 0x7B {
            if parseJSON(base, from: first, to: end, into: &event) {
                if event.time == nil, let containerTime { event.time = dated(containerTime) }
                return
            }
            event.flags.insert(.malformedJSON)
            text.count = 0
            triedJSON = true
        }
        parseText(base, from: start, to: end, into: &event, memoised: !triedJSON)
        if event.time == nil, let containerTime { event.time = dated(containerTime) }
    }

    /// Gives access to the event text of the last parsed line.
    public func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(text.bytes)
    }

    /// Normalises `base[start..<end]` into the event text, then reads its layout and message.
    /// With `memoised` (the event's analysed fields are unset: not after a JSON attempt), a
    /// message seen lately takes the remembered analysis (``MessageMemo``).
    mutating func parseText(_ base: UnsafeRawPointer, from start: Int, to end: Int, into event: inout Event,
                            memoised: Bool = false) {
        text.count = 0
        var firstQuote = 0
        event.flags.formUnion(normalise(base + start, count: end - start, firstQuote: &firstQuote))
        let textBase = UnsafeRawPointer(text.base)
        readLayout(textBase, end: text.count, into: &event)
        if memoised {
            messageMemo.analyse(&event, tables: tables, base: textBase, firstQuote: firstQuote)
        } else {
            MessageAnalyser.analyse(&event, tables: tables, base: textBase, firstQuote: firstQuote)
        }
        if event.layout == .unparsed {
            if event.kind == .requestStart || event.kind == .requestEnd {
                event.layout = .requestTracking
            } else if !event.tags.isEmpty || event.status != .none || event.user != nil || event.generation != nil
                        || event.request != nil || event.unlabeledID != nil || event.kind != .log || event.level != .none {
                event.layout = .bare
            }
        }
    }

    /// A time with a date: records its day (in its UTC offset) for later time-only lines.
    mutating func dated(_ time: TimeParser.Parsed) -> LogTime { dateCarry.dated(time.milliseconds, utcOffset: time.utcOffset) }

    /// A time of day, dated with the stream's current day when it has one (``DateCarry``).
    mutating func undated(_ millisecondsOfDay: Int64) -> LogTime { dateCarry.undated(millisecondsOfDay) }

    /// A CRI container prefix (`2025-08-02T07:07:57.123456789Z stdout F `): its time and length.
    private mutating func containerPrefix(_ base: UnsafeRawPointer, end: Int) -> TimeParser.Parsed? {
        guard end > 30, ByteClass.isDigit(ByteClass.byte(base, 0)), ByteClass.byte(base, 10) == 0x54,
              let time = TimeParser.dateTime(base, at: 0, end: end, days: &dayCache)
        else { return nil }
        var position = time.end
        guard ByteClass.has(base, at: position, end: end, " stdout ") || ByteClass.has(base, at: position, end: end, " stderr ")
        else { return nil }
        position += 8
        guard position + 1 < end else { return nil }
        let flag = ByteClass.byte(base, position)
        guard flag == 0x46 || flag == 0x50, ByteClass.byte(base, position + 1) == 0x20 else { return nil }
        return TimeParser.Parsed(milliseconds: time.milliseconds, end: position + 2, utcOffset: time.utcOffset)
    }

    /// Whether the UTF-8 byte order mark (EF BB BF) is at `position`.
    @inline(__always)
    static func hasByteOrderMark(_ base: UnsafeRawPointer, at position: Int, end: Int) -> Bool {
        position + 3 <= end && ByteClass.byte(base, position) == 0xEF && ByteClass.byte(base, position + 1) == 0xBB
            && ByteClass.byte(base, position + 2) == 0xBF
    }
}
