/// Recognises the prefix of a normalised text line: which layout it is, its time, level and
/// logger, and where the message starts. Lines with no known prefix keep `.unparsed` here and
/// are classified (`.bare`, `.requestTracking`) once their message has been read.
extension LineParser {
    mutating func readLayout(_ base: UnsafeRawPointer, end: Int, into event: inout Event) {
        var start = 0
        ByteClass.skipSpaces(base, &start, end: end)
        event.message = TextRange(start: start, count: end - start)
        guard start < end else { return }
        let first = ByteClass.byte(base, start)
        if ByteClass.isDigit(first) {
            if let time = TimeParser.dateTime(base, at: start, end: end, days: &dayCache) {
                if readBasicConfig(base, from: time.end, end: end, into: &event)
                    || readLevelAndMessage(base, from: time.end, end: end, into: &event) {
                    event.time = dated(time)
                }
            } else if let time = TimeParser.timeOfDay(base, at: start, end: end),
                      readConsole(base, from: time.end, end: end, into: &event) {
                event.time = undated(time.milliseconds)
            }
        } else if first == 0x5B {
            if let time = TimeParser.dateTime(base, at: start + 1, end: end, days: &dayCache), time.end < end,
               ByteClass.byte(base, time.end) == 0x5D,
               readLevelAndMessage(base, from: time.end + 1, end: end, into: &event) {
                event.time = dated(time)
            }
        } else if ByteClass.isLetter(first) {
            readPythonDefault(base, from: start, end: end, into: &event)
        }
    }

    /// ` - logger - LEVEL - message` after a date.
    private func readBasicConfig(_ base: UnsafeRawPointer, from start: Int, end: Int, into event: inout Event) -> Bool {
        guard ByteClass.has(base, at: start, end: end, " - ") else { return false }
        let loggerStart = start + 3
        guard let loggerEnd = LineParser.find(base, " - ", from: loggerStart, end: end),
              let match = level(base, at: loggerEnd + 3, end: end)
        else { return false }
        var position = loggerEnd + 3 + match.length
        guard ByteClass.has(base, at: position, end: end, " - ") || position == end else { return false }
        position = min(position + 3, end)
        event.layout = .pythonBasic
        event.level = Level(rawValue: UInt8(match.value)) ?? .none
        event.logger = TextRange(start: loggerStart, count: loggerEnd - loggerStart)
        event.message = TextRange(start: position, count: end - position)
        return true
    }

    /// ` LEVEL [logger:] message` after an ISO time (`.isoLevel`).
    private func readLevelAndMessage(_ base: UnsafeRawPointer, from start: Int, end: Int, into event: inout Event) -> Bool {
        var position = start
        ByteClass.skipSpaces(base, &position, end: end)
        guard position > start || position == end, position < end else { return false }
        var bracketed = false
        if ByteClass.byte(base, position) == 0x5B { bracketed = true; position += 1 }
        guard let match = level(base, at: position, end: end) else { return false }
        position += match.length
        if bracketed {
            guard position < end, ByteClass.byte(base, position) == 0x5D else { return false }
            position += 1
        }
        if position < end, ByteClass.byte(base, position) == 0x3A { position += 1 }
        ByteClass.skipSpaces(base, &position, end: end)
        event.layout = .isoLevel
        event.level = Level(rawValue: UInt8(match.value)) ?? .none
        // An optional `logger: ` — a lower-case dotted name followed by a colon and a space.
        var cursor = position
        while cursor < end {
            let byte = ByteClass.byte(base, cursor)
            guard byte &- 0x61 < 26 || ByteClass.isDigit(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D else { break }
            cursor += 1
        }
        if cursor > position, cursor + 1 < end, ByteClass.byte(base, cursor) == 0x3A, ByteClass.byte(base, cursor + 1) == 0x20 {
            event.logger = TextRange(start: position, count: cursor - position)
            position = cursor + 2
        }
        event.message = TextRange(start: position, count: end - position)
        return true
    }

    /// ` | LEVEL | logger | message` after a time of day (`.console`).
    private func readConsole(_ base: UnsafeRawPointer, from start: Int, end: Int, into event: inout Event) -> Bool {
        var position = start
        ByteClass.skipSpaces(base, &position, end: end)
        guard position < end, ByteClass.byte(base, position) == 0x7C else { return false }
        position += 1
        ByteClass.skipSpaces(base, &position, end: end)
        guard let match = level(base, at: position, end: end) else { return false }
        position += match.length
        ByteClass.skipSpaces(base, &position, end: end)
        guard position < end, ByteClass.byte(base, position) == 0x7C else { return false }
        position += 1
        ByteClass.skipSpaces(base, &position, end: end)
        event.layout = .console
        event.level = Level(rawValue: UInt8(match.value)) ?? .none
        if let bar = LineParser.find(base, " | ", from: position, end: end) {
            event.logger = TextRange(start: position, count: bar - position)
            position = bar + 3
        }
        event.message = TextRange(start: position, count: end - position)
        return true
    }

    /// `LEVEL:logger:message`, or uvicorn's `LEVEL:     message` (`.pythonDefault`).
    private func readPythonDefault(_ base: UnsafeRawPointer, from start: Int, end: Int, into event: inout Event) {
        guard ByteClass.isUpper(ByteClass.byte(base, start)),
              let match = level(base, at: start, end: end)
        else { return }
        var position = start + match.length
        guard position < end, ByteClass.byte(base, position) == 0x3A else { return }
        position += 1
        guard position < end else { return }
        if ByteClass.isSpace(ByteClass.byte(base, position)) {
            ByteClass.skipSpaces(base, &position, end: end)
        } else {
            let loggerStart = position
            while position < end {
                let byte = ByteClass.byte(base, position)
                if byte == 0x3A || ByteClass.isSpace(byte) { break }
                position += 1
            }
            guard position < end, ByteClass.byte(base, position) == 0x3A else { return }
            event.logger = TextRange(start: loggerStart, count: position - loggerStart)
            position += 1
        }
        event.layout = .pythonDefault
        event.level = Level(rawValue: UInt8(match.value)) ?? .none
        event.message = TextRange(start: position, count: end - position)
    }

    /// The level word at `position` (a whole word, any case): the memo of the last levels, else
    /// one probe of the level words' table when a word starts there, else the level trie.
    @inline(__always)
    private func level(_ base: UnsafeRawPointer, at position: Int, end: Int) -> ByteTrie.Match? {
        guard position < end, ByteClass.isWord(ByteClass.byte(base, position)) else {
            return tables.levels.longestMatch(base, from: position, to: end, wordBoundary: true)
        }
        guard position + 8 <= end, tables.levelsAreWords else {
            return tables.levelWords.longestMatch(base, at: position, end: end, in: tables.levels).match
        }
        let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        if let match = levelMemo.match(word) { return match }
        let match = tables.levelWords.longestMatch(base, at: position, end: end, in: tables.levels).match
        if let match { levelMemo.remember(word, match) }
        return match
    }
}
