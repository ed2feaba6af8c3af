/// What the analyser does with each keyword role, and how it records ids and tables.
extension MessageAnalyser {
    /// Acts on a keyword match; returns where to continue.
    mutating func keyword(_ value: Int32, at position: Int, length: Int) -> Int {
        let (role, payload) = KeywordRole.unpack(value)
        let after = position + length
        switch role {
        case .entity:
            pendingEntity = EntityRole(rawValue: payload)
        case .amount, .balance:
            pendingNumber = role
        case .rows:
            if lastNumberEnd == position - 1, event.rowCount == nil, lastNumberStart >= numbersFrom {
                event.rowCount = lastNumber
                origins[.rowCount] = lastNumberStart..<lastNumberEnd
            } else {
                pendingNumber = .rows
            }
        case .client:
            if event.client == .none { event.client = ClientKind(rawValue: payload) ?? .none }
        case .operation:
            if candidateOperation == .none { candidateOperation = Operation(rawValue: payload) ?? .none }
            if operationLabelled, event.operation == .none { event.operation = candidateOperation }
        case .operationLabel:
            operationLabelled = true
        case .tableMarker:
            if candidateOperation != .none || operationLabelled { return table(after: after) }
        case .idColumn:
            if let entity = entityOfTable() { pendingEntity = entity }
        case .httpCall, .requestStarted:
            break
        }
        return after
    }

    /// Reads a table name after a marker (`on users`, `table: users`, `result for users:`).
    private mutating func table(after position: Int) -> Int {
        var cursor = position
        while cursor < end {
            let byte = ByteClass.byte(base, cursor)
            guard byte == 0x20 || byte == 0x3A || byte == 0x3D || byte == 0x27 || byte == 0x22 else { break }
            cursor += 1
        }
        let nameStart = cursor
        while cursor < end {
            let byte = ByteClass.byte(base, cursor)
            guard ByteClass.isWord(byte) || (byte == 0x2E && cursor + 1 < end
                    && ByteClass.isWord(ByteClass.byte(base, cursor + 1))) else { break }
            cursor += 1
        }
        guard cursor > nameStart, !ByteClass.isDigit(ByteClass.byte(base, nameStart)) else { return position }
        if event.table == nil {
            setTable(from: nameStart, to: cursor)
            if event.operation == .none { event.operation = candidateOperation }
        }
        return cursor
    }

    /// Records the table at `base[from..<to]`, keyed by its lower-cased bytes.
    mutating func setTable(from nameStart: Int, to nameEnd: Int) {
        let count = nameEnd - nameStart
        let key = EntityKey(hashing: UnsafeRawBufferPointer(start: base + nameStart, count: count), foldingCase: true)
        event.table = EntityRef(key: key, range: TextRange(start: nameStart, count: count))
    }

    /// An id in running text: labelled by the pending entity keyword, otherwise unlabelled.
    mutating func id(_ key: EntityKey, from idStart: Int, to idEnd: Int) {
        if names(key) {
            pendingEntity = nil
            return
        }
        if let entity = pendingEntity {
            assign(entity, key: key, from: idStart, to: idEnd)
            pendingEntity = nil
            return
        }
        guard event.unlabeledID == nil else { return }
        event.unlabeledID = EntityRef(key: key, range: TextRange(start: idStart, count: idEnd - idStart))
    }

    /// Records `base[from..<to]` as the entity, unless it already has a value.
    mutating func assign(_ entity: EntityRole, from idStart: Int, to idEnd: Int) {
        let bytes = UnsafeRawBufferPointer(start: base + idStart, count: idEnd - idStart)
        let key = ByteClass.uuidKey(base, at: idStart, end: idEnd).flatMap { idEnd - idStart == 36 ? $0 : nil }
            ?? EntityKey(hashing: bytes)
        assign(entity, key: key, from: idStart, to: idEnd)
    }

    /// Records `base[from..<to]`, whose key is known, as the entity unless it already has a value.
    mutating func assign(_ entity: EntityRole, key: EntityKey, from idStart: Int, to idEnd: Int) {
        let reference = EntityRef(key: key, range: TextRange(start: idStart, count: idEnd - idStart))
        switch entity {
        case .user: if event.user == nil { event.user = reference }
        case .generation: if event.generation == nil { event.generation = reference }
        case .request: if event.request == nil { event.request = reference }
        }
        if event.unlabeledID?.key == key { event.unlabeledID = nil }
    }

    /// Whether some entity of the event already has this key.
    private func names(_ key: EntityKey) -> Bool {
        event.user?.key == key || event.generation?.key == key || event.request?.key == key
    }

    /// The entity whose ids the line's table holds (vocabulary `id_columns`), if any.
    func entityOfTable() -> EntityRole? {
        guard let table = event.table else { return nil }
        let range = table.range
        guard let match = tables.idTables.longestMatch(base, from: Int(range.start), to: range.end),
              match.length == Int(range.count) else { return nil }
        return EntityRole(rawValue: UInt8(match.value))
    }
}
