/// The evidence of a trace a cross-trace rule remembers (see ``CrossTraceMemory``), packed in one
/// buffer: most is never shown, so the ``StepMatch``es (a dictionary and strings each) are made
/// only when a later trace completes a finding with it. Unpacked, it equals what
/// ``MatchedTrace/stepMatch(_:fields:)`` makes of the same matches.
///
/// Each match is its line (8 bytes), its time (a presence byte, the milliseconds, a has-date
/// byte), its event's message when it captured any group (a 4-byte length, ``absent`` when not
/// kept, and the UTF-8), then for each of its rule's fields a 4-byte length (``absent`` when it
/// has no value) and the value's UTF-8 as it was in the trace's text, and when the message is
/// kept, the 4-byte offset in it of the group captured for the field (``absent`` when none).
/// Secrets are looked for only when the evidence is unpacked: most is never shown.
struct RememberedEvidence {
    private var bytes: [UInt8] = []
    /// The line of the first match; nil when there is none.
    private(set) var firstLine: Int?
    private static let absent = UInt32.max

    /// `references`, matches of a rule whose fields are `fields`, in `trace`.
    init(_ references: [TraceMatches.Reference], in trace: MatchedTrace, fields: RuleFields) {
        bytes.reserveCapacity(references.count * (18 + fields.names.count * 40))
        for reference in references {
            let hit = trace.matches.hit(reference)
            if firstLine == nil { firstLine = hit.lineNumber }
            trace.events.withUnsafeBufferPointer { events in
                let event = events.baseAddress! + Int(hit.event)
                append(event.pointee.lineNumber)
                let time = event.pointee.time
                bytes.append(time == nil ? 0 : 1)
                append(Int(time?.milliseconds ?? 0))
                bytes.append(time?.hasDate == true ? 1 : 0)
                // A match that captured text keeps its message, to find its secrets only if the
                // evidence is ever shown (see ``MatchedTrace/withEvidenceValues(_:fields:_:)``).
                if hit.captureCount > 0 {
                    let message = event.pointee.message.slice(trace.text)
                    append(length: UInt32(message.count))
                    bytes.append(contentsOf: message.assumingMemoryBound(to: UInt8.self))
                } else {
                    append(length: Self.absent)
                }
                for field in fields.names.indices {
                    trace.withValue(reference, field: field, of: fields) { value in
                        guard let value else { return append(length: Self.absent) }
                        append(length: UInt32(value.count))
                        bytes.append(contentsOf: value.assumingMemoryBound(to: UInt8.self))
                    }
                    if hit.captureCount > 0 {
                        let captured = trace.capturedRange(reference, field: field)
                        append(length: captured.map { UInt32(truncatingIfNeeded: $0.start) } ?? Self.absent)
                    }
                }
            }
        }
    }

    /// The matches, as ``MatchedTrace/stepMatch(_:fields:)`` made them; `fields` are those the
    /// evidence was packed with.
    func stepMatches(fields: RuleFields) -> [StepMatch] {
        var matches: [StepMatch] = []
        var offset = 0
        func read<Value: FixedWidthInteger>(_: Value.Type) -> Value {
            defer { offset += MemoryLayout<Value>.size }
            return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Value.self) }
        }
        while offset < bytes.count {
            let line = read(Int.self)
            let hasTime = read(UInt8.self) == 1
            let milliseconds = read(Int64.self)
            let hasDate = read(UInt8.self) == 1
            let messageLength = read(UInt32.self)
            var message: [UInt8] = []
            var secrets: [SecretSpan] = []
            if messageLength != Self.absent {
                message = Array(bytes[offset..<offset + Int(messageLength)])
                offset += Int(messageLength)
                secrets = SecretRedactor.spans(in: message)
            }
            var captures: [String: String] = [:]
            for name in fields.names {
                let length = read(UInt32.self)
                var value: ArraySlice<UInt8>?
                if length != Self.absent {
                    value = bytes[offset..<offset + Int(length)]
                    offset += Int(length)
                }
                let start = messageLength == Self.absent ? Self.absent : read(UInt32.self)
                guard let value else { continue }
                // A captured value overlapping a secret of its message shows as the redactor shows it.
                if start != Self.absent, !secrets.isEmpty,
                   let redacted = SecretRedactor.redactedPart(of: message, spans: secrets,
                                                              range: Int(start)..<Int(start) + value.count) {
                    captures[name] = redacted
                } else {
                    captures[name] = String(decoding: value, as: UTF8.self)
                }
            }
            let time = hasTime ? LogTime(milliseconds: milliseconds, hasDate: hasDate) : nil
            matches.append(StepMatch(lineNumber: line, time: time, captures: captures))
        }
        return matches
    }

    /// Appends `value`'s bytes, least significant first (as ``stepMatches(fields:)`` loads them on
    /// the little-endian machines Swift runs on).
    private mutating func append(_ value: Int) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    private mutating func append(length: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: length >> shift)) }
    }
}
