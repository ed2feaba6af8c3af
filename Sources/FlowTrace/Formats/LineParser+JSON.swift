/// JSON lines: finds the fields the vocabulary names (top level first, then one level down in
/// objects such as `attributes`), decodes the message into the event text, and reads an object
/// with no level of its own (a Docker `{"log": "<line>"}` wrapper, or a record whose message says
/// `ERROR: …`) as the text or JSON line its message holds. The object's own ids and logger still
/// apply then, over what the inner line names; its time dates an inner line that has none.
extension LineParser {
    /// Parses `base[start..<end]` as one JSON object; false when it is malformed.
    mutating func parseJSON(_ base: UnsafeRawPointer, from start: Int, to end: Int, into event: inout Event,
                            unwrapping: Bool = true) -> Bool {
        let roles = JSONFieldRole.allCases.count
        return withUnsafeTemporaryAllocation(of: JSONScanner.Value.self, capacity: roles) { fields in
            for index in 0..<roles { fields[index] = JSONScanner.Value(start: -1, end: -1, isString: false, hasEscapes: false) }
            var scanner = JSONScanner(base: base, end: end, position: start)
            guard members(&scanner, nested: false, into: fields) else { return false }
            scanner.skipWhitespace()
            guard scanner.position == end else { return false }
            readJSON(base, fields: fields, into: &event, unwrapping: unwrapping)
            return true
        }
    }

    /// Reads the members of the object at the scanner, recording the first value of each role.
    private func members(_ scanner: inout JSONScanner, nested: Bool,
                         into fields: UnsafeMutableBufferPointer<JSONScanner.Value>) -> Bool {
        guard scanner.consume(0x7B) else { return false }
        if scanner.consume(0x7D) { return true }
        repeat {
            scanner.skipWhitespace()
            guard let key = scanner.string(), scanner.consume(0x3A) else { return false }
            scanner.skipWhitespace()
            var role: JSONFieldRole?
            if let match = tables.jsonFields.longestMatch(scanner.base, from: key.start, to: key.end),
               match.length == key.end - key.start {
                role = JSONFieldRole(rawValue: UInt8(match.value))
            }
            if role == .nested, !nested, scanner.current == 0x7B {
                guard members(&scanner, nested: true, into: fields) else { return false }
                continue
            }
            let valueStart = scanner.position
            var value: JSONScanner.Value?
            if scanner.current == 0x22 {
                guard let string = scanner.string() else { return false }
                value = string
            } else {
                guard scanner.skipValue() else { return false }
                let byte = ByteClass.byte(scanner.base, valueStart)
                if ByteClass.isDigit(byte) || byte == 0x2D {
                    value = JSONScanner.Value(start: valueStart, end: scanner.position, isString: false, hasEscapes: false)
                }
            }
            guard let role, role != .nested, var value else { continue }
            let slot = Int(role.rawValue)
            guard fields[slot].start < 0 || (fields[slot].isNested && !nested) else { continue }
            value.isNested = nested
            fields[slot] = value
        } while scanner.consume(0x2C)
        return scanner.consume(0x7D)
    }

    private mutating func readJSON(_ base: UnsafeRawPointer, fields: UnsafeMutableBufferPointer<JSONScanner.Value>,
                                   into event: inout Event, unwrapping: Bool) {
        func field(_ role: JSONFieldRole) -> JSONScanner.Value? {
            let value = fields[Int(role.rawValue)]
            return value.start < 0 ? nil : value
        }
        decoded.count = 0
        if let message = field(.message) { JSONScanner.decode(base, message, into: decoded) }
        while decoded.count > 0 {
            let last = ByteClass.byte(decoded.base, decoded.count - 1)
            guard last == 0x0A || last == 0x0D || last == 0x20 else { break }
            decoded.count -= 1
        }
        let outerTime = field(.time).flatMap { time(base, $0) }
        if field(.level) == nil, decoded.count > 0 {
            let saved = event
            let savedDateCarry = dateCarry
            if let outerTime { _ = dated(outerTime) }  // the wrapper's date also dates a time-only inner line
            if unwrapping, ByteClass.byte(decoded.base, 0) == 0x7B {
                wrapped.count = 0
                wrapped.append(decoded.base, count: decoded.count)
                if parseJSON(UnsafeRawPointer(wrapped.base), from: 0, to: wrapped.count, into: &event, unwrapping: false) {
                    if event.time == nil, let outerTime { event.time = dated(outerTime) }
                    applyOwnFields(base, fields: fields, to: &event)
                    return
                }
                event = saved
            }
            parseText(UnsafeRawPointer(decoded.base), from: 0, to: decoded.count, into: &event)
            switch event.layout {
            case .pythonBasic, .console, .pythonDefault, .isoLevel, .requestTracking:
                if event.time == nil, let outerTime { event.time = dated(outerTime) }
                applyOwnFields(base, fields: fields, to: &event)
                return
            default:
                event = saved
                dateCarry = savedDateCarry
            }
        }
        text.count = 0
        var firstQuote = 0
        event.flags.formUnion(normalise(UnsafeRawPointer(decoded.base), count: decoded.count, firstQuote: &firstQuote))
        event.layout = .json
        event.message = TextRange(start: 0, count: text.count)
        if let outerTime { event.time = dated(outerTime) }
        if let level = field(.level), level.isString,
           let match = tables.levels.longestMatch(base, from: level.start, to: level.end),
           match.length == level.end - level.start {
            event.level = Level(rawValue: UInt8(match.value)) ?? .none
        }
        applyOwnFields(base, fields: fields, to: &event)
        MessageAnalyser.analyse(&event, tables: tables, base: UnsafeRawPointer(text.base), firstQuote: firstQuote)
    }

    /// Sets the object's logger and ids (its `fields` of `base`) on `event`, over any the message
    /// named; an unlabelled id of the message that is one of them is unlabelled no more.
    private func applyOwnFields(_ base: UnsafeRawPointer, fields: UnsafeMutableBufferPointer<JSONScanner.Value>,
                                to event: inout Event) {
        func field(_ role: JSONFieldRole) -> JSONScanner.Value? {
            let value = fields[Int(role.rawValue)]
            return value.start < 0 ? nil : value
        }
        if let logger = field(.logger) ?? field(.module) { event.logger = append(base, logger) }
        if let value = field(.user) { event.user = entity(base, value) }
        if let value = field(.generation) { event.generation = entity(base, value) }
        if let value = field(.request) { event.request = entity(base, value) }
        if let unlabeled = event.unlabeledID?.key,
           unlabeled == event.user?.key || unlabeled == event.generation?.key || unlabeled == event.request?.key {
            event.unlabeledID = nil
        }
    }

    /// Appends a decoded value to the event text after a separating newline; returns its range.
    private func append(_ base: UnsafeRawPointer, _ value: JSONScanner.Value) -> TextRange {
        text.appendByte(0x0A)
        let start = text.count
        JSONScanner.decode(base, value, into: text)
        return TextRange(start: start, count: text.count - start)
    }

    /// Appends an id value to the event text and keys it.
    private func entity(_ base: UnsafeRawPointer, _ value: JSONScanner.Value) -> EntityRef {
        let range = append(base, value)
        let start = Int(range.start)
        let key = range.count == 36 ? ByteClass.uuidKey(UnsafeRawPointer(text.base), at: start, end: range.end) : nil
        return EntityRef(key: key ?? EntityKey(hashing: range.slice(text.bytes)), range: range)
    }

    /// A time value: an ISO string or an epoch number (``TimeParser/epoch(_:from:to:)``).
    private mutating func time(_ base: UnsafeRawPointer, _ value: JSONScanner.Value) -> TimeParser.Parsed? {
        if value.isString, let time = TimeParser.dateTime(base, at: value.start, end: value.end, days: &dayCache) {
            return time
        }
        guard let milliseconds = TimeParser.epoch(base, from: value.start, to: value.end) else { return nil }
        return TimeParser.Parsed(milliseconds: milliseconds, end: value.end)
    }
}
