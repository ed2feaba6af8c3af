/// HTTP in messages: request-tracking lines, HTTP-client lines (`HTTP Request: POST <url>
/// "HTTP/2 201 Created"`), server access lines (`"POST /path HTTP/1.1" 200`), and the table,
/// operation and entity filters of PostgREST URLs.
extension MessageAnalyser {
    /// `[<id>] METHOD /path - Started` or `[<id>] METHOD /path - 400 - 812ms`.
    mutating func readRequestTracking(at open: Int) -> Bool {
        guard ByteClass.byte(base, open) == 0x5B, let close = closingBracket(after: open),
              close + 1 < end, ByteClass.byte(base, close + 1) == 0x20,
              let (method, afterMethod) = method(at: close + 2), afterMethod < end,
              ByteClass.byte(base, afterMethod) == 0x20, afterMethod + 1 < end,
              ByteClass.byte(base, afterMethod + 1) == 0x2F
        else { return false }
        let pathStart = afterMethod + 1
        var cursor = pathStart
        while cursor < end, ByteClass.byte(base, cursor) != 0x20 { cursor += 1 }
        let pathEnd = cursor
        guard ByteClass.has(base, at: cursor, end: end, " - ") else { return false }
        cursor += 3
        if let match = tables.keywords.longestMatch(base, from: cursor, to: end, wordBoundary: true),
           KeywordRole.unpack(match.value).role == .requestStarted {
            event.kind = .requestStart
        } else if let status = ByteClass.fixedDigits(base, at: cursor, count: 3, end: end) {
            event.kind = .requestEnd
            event.httpStatus = UInt16(status)
            origins[.httpStatus] = cursor..<cursor + 3
            cursor += 3
            if ByteClass.has(base, at: cursor, end: end, " - ") {
                cursor += 3
                let durationStart = cursor
                if let whole = ByteClass.readInteger(base, &cursor, end: end) {
                    // `812ms` or a bare `812` as the digits say; `1.2s` scaled, its unit in the origin.
                    if let duration = ByteClass.durationSuffix(base, whole: whole, at: cursor, end: end),
                       !duration.isWholeMilliseconds {
                        event.durationMilliseconds = duration.milliseconds
                        origins[.duration] = durationStart..<duration.end
                    } else {
                        event.durationMilliseconds = whole
                        origins[.duration] = durationStart..<cursor
                    }
                }
            }
        } else {
            return false
        }
        assign(.request, from: open + 1, to: close)
        event.httpMethod = method
        event.httpPath = TextRange(start: pathStart, count: pathEnd - pathStart)
        pathEntities(from: pathStart, to: pathEnd)
        return true
    }

    /// Ids in a request path, named by the collection before them (`/api/v1/generations/<uuid>`
    /// names a generation when `generations` is an `id_columns` table).
    mutating func pathEntities(from pathStart: Int, to pathEnd: Int) {
        var segmentStart = pathStart + 1
        var previous: (start: Int, end: Int)?
        while segmentStart < pathEnd {
            var segmentEnd = segmentStart
            while segmentEnd < pathEnd, ByteClass.byte(base, segmentEnd) != 0x2F, ByteClass.byte(base, segmentEnd) != 0x3F {
                segmentEnd += 1
            }
            if segmentEnd - segmentStart == 36, let key = ByteClass.uuidKey(base, at: segmentStart, end: segmentEnd),
               let previous, let match = tables.idTables.longestMatch(base, from: previous.start, to: previous.end),
               match.length == previous.end - previous.start, let entity = EntityRole(rawValue: UInt8(match.value)) {
                assign(entity, key: key, from: segmentStart, to: segmentEnd)
            }
            guard segmentEnd < pathEnd, ByteClass.byte(base, segmentEnd) == 0x2F else { return }
            previous = (segmentStart, segmentEnd)
            segmentStart = segmentEnd + 1
        }
    }

    /// An HTTP-client line starting at `position`, or an access line's quoted request line.
    /// Returns where the word walk should start: after the URL of an HTTP-client line, whose
    /// ids and table the URL reading has already taken.
    mutating func readHTTP(at position: Int) -> Int {
        var cursor = position
        if tables.keywords.mayMatch(base, at: position, end: end),
           let match = tables.keywords.longestMatch(base, from: position, to: end),
           KeywordRole.unpack(match.value).role == .httpCall {
            cursor += match.length
            ByteClass.skipSpaces(base, &cursor, end: end)
            guard let (method, afterMethod) = method(at: cursor), afterMethod < end,
                  ByteClass.byte(base, afterMethod) == 0x20
            else { return position }
            event.kind = .httpCall
            event.httpMethod = method
            cursor = url(at: afterMethod + 1, method: method)
            if let quote = LineParser.find(base, "\"HTTP/", from: cursor, end: end) {
                readStatus(after: quote + 6)
            }
            return cursor
        }
        guard let quote = quoteOffset(from: position),
              let (method, afterMethod) = method(at: quote + 1), afterMethod + 1 < end,
              ByteClass.byte(base, afterMethod) == 0x20, ByteClass.byte(base, afterMethod + 1) == 0x2F
        else { return position }
        let pathStart = afterMethod + 1
        cursor = pathStart
        while cursor < end, ByteClass.byte(base, cursor) != 0x20, ByteClass.byte(base, cursor) != 0x22 { cursor += 1 }
        guard ByteClass.has(base, at: cursor, end: end, " HTTP/") else { return position }
        event.kind = .access
        event.httpMethod = method
        event.httpPath = TextRange(start: pathStart, count: cursor - pathStart)
        pathEntities(from: pathStart, to: cursor)
        // The walk reads ids in the path, but no amount or balance from it (`/credits/balance HTTP/1.1`).
        numbersFrom = readStatus(after: cursor + 6)
        return position
    }

    /// The first `"` of the message at or after `position`: the one normalising found, unless it
    /// lies before `position`.
    private func quoteOffset(from position: Int) -> Int? {
        if firstQuote >= position { return firstQuote < end ? firstQuote : nil }
        return LineParser.find(base, "\"", from: position, end: end)
    }

    /// The status after `HTTP/<version>` and the closing quote (`HTTP/1.1" 200`, `HTTP/2 201 Created"`);
    /// returns where the version (and the quote after it) ends.
    @discardableResult
    private mutating func readStatus(after version: Int) -> Int {
        var cursor = version
        while cursor < end, ByteClass.byte(base, cursor) != 0x20 { cursor += 1 }
        let versionEnd = cursor
        while cursor < end, ByteClass.byte(base, cursor) == 0x20 || ByteClass.byte(base, cursor) == 0x22 { cursor += 1 }
        if let status = ByteClass.fixedDigits(base, at: cursor, count: 3, end: end),
           cursor + 3 == end || !ByteClass.isDigit(ByteClass.byte(base, cursor + 3)) {
            event.httpStatus = UInt16(status)
            origins[.httpStatus] = cursor..<cursor + 3
        }
        return versionEnd
    }

    /// An upper-case method token at `position` and the offset after it.
    private func method(at position: Int) -> (HTTPMethod, Int)? {
        var cursor = position
        while cursor < end, cursor - position < 8, ByteClass.isUpper(ByteClass.byte(base, cursor)) { cursor += 1 }
        guard cursor > position,
              let method = HTTPMethod(token: UnsafeRawBufferPointer(start: base + position, count: cursor - position))
        else { return nil }
        return (method, cursor)
    }

    /// A URL or path: records its path, the PostgREST table and operation, and id filters.
    private mutating func url(at start: Int, method: HTTPMethod) -> Int {
        var cursor = start
        if let scheme = LineParser.find(base, "://", from: start, end: min(end, start + 12)) {
            cursor = scheme + 3
            while cursor < end, ByteClass.byte(base, cursor) != 0x2F, ByteClass.byte(base, cursor) != 0x20 { cursor += 1 }
        }
        let pathStart = cursor
        while cursor < end {
            let byte = ByteClass.byte(base, cursor)
            if byte == 0x3F || byte == 0x20 || byte == 0x22 { break }
            cursor += 1
        }
        let pathEnd = cursor
        event.httpPath = TextRange(start: pathStart, count: pathEnd - pathStart)
        postgrest(from: pathStart, to: pathEnd, method: method)
        if cursor < end, ByteClass.byte(base, cursor) == 0x3F {
            cursor += 1
            let queryStart = cursor
            while cursor < end, ByteClass.byte(base, cursor) != 0x20, ByteClass.byte(base, cursor) != 0x22 { cursor += 1 }
            filters(from: queryStart, to: cursor)
        }
        return cursor
    }

    /// `/rest/v1/<table>` (operation from the method) or `/rest/v1/rpc/<function>` (rpc).
    private mutating func postgrest(from pathStart: Int, to pathEnd: Int, method: HTTPMethod) {
        var tableStart = pathStart
        var operation = method.postgrestOperation
        if hasPrefix(tables.postgrestRPCPrefix, at: pathStart, end: pathEnd) {
            tableStart += tables.postgrestRPCPrefix.count
            operation = .rpc
        } else if hasPrefix(tables.postgrestPrefix, at: pathStart, end: pathEnd) {
            tableStart += tables.postgrestPrefix.count
        } else {
            return
        }
        var tableEnd = tableStart
        while tableEnd < pathEnd, ByteClass.byte(base, tableEnd) != 0x2F { tableEnd += 1 }
        guard tableEnd > tableStart else { return }
        setTable(from: tableStart, to: tableEnd)
        event.operation = operation
    }

    /// PostgREST filters `column=eq.<uuid>`: `id` on a table the vocabulary maps to an entity,
    /// or a column that is an entity keyword (`user_id`).
    private mutating func filters(from queryStart: Int, to queryEnd: Int) {
        var cursor = queryStart
        while cursor < queryEnd {
            let columnStart = cursor
            while cursor < queryEnd, ByteClass.byte(base, cursor) != 0x3D, ByteClass.byte(base, cursor) != 0x26 { cursor += 1 }
            let columnEnd = cursor
            if ByteClass.has(base, at: cursor, end: queryEnd, "=eq."),
               let key = ByteClass.uuidKey(base, at: cursor + 4, end: queryEnd),
               let entity = entity(ofColumn: columnStart, columnEnd) {
                assign(entity, key: key, from: cursor + 4, to: cursor + 40)
            }
            while cursor < queryEnd, ByteClass.byte(base, cursor) != 0x26 { cursor += 1 }
            cursor += 1
        }
    }

    /// The entity a filter column names: an entity keyword (`user_id`), or an id keyword (`id`)
    /// on a table the vocabulary maps to an entity.
    private func entity(ofColumn start: Int, _ columnEnd: Int) -> EntityRole? {
        guard let match = tables.keywords.longestMatch(base, from: start, to: columnEnd),
              match.length == columnEnd - start else { return nil }
        let (role, payload) = KeywordRole.unpack(match.value)
        if role == .entity { return EntityRole(rawValue: payload) }
        return role == .idColumn ? entityOfTable() : nil
    }

    private func hasPrefix(_ prefix: UnsafeRawBufferPointer, at position: Int, end limit: Int) -> Bool {
        !prefix.isEmpty && ByteSearch.hasPrefix(UnsafeRawBufferPointer(start: base + position, count: limit - position), prefix)
    }
}
