#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The messages a parser analysed lately and what the analysis wrote into their events: a line
/// whose message repeats one of them (a service repeats a few hundred messages) takes those
/// findings, moved to its own offsets, instead of walking the message again. Messages that differ
/// only in the digits of their stand-alone UUIDs (``UUIDSpans``) count as repeats: most lines of
/// a request name its user or generation, and about 90% of lines repeat in this sense, against
/// 40% byte for byte. The ids' keys are then taken from the line's own bytes. Each analysis
/// remembered gets a new template id (``TemplateIDSource``), which every event that takes it
/// carries (``Event/template``).
///
/// This holds because ``MessageAnalyser`` reads nothing but the message's bytes (the offset of
/// its first `"` follows from them), treats a stand-alone UUID alike whatever its digits, and is
/// only memoised for events whose analysed fields are still unset (text lines, not JSON). An
/// analysis that gave a UUID's bytes any other role (an id range that is not the whole UUID, a
/// table named by it) is not remembered. Vocabulary keywords are assumed not to contain UUIDs.
///
/// Direct-mapped by a hash of the masked bytes; raw storage owned by one parser, like ``TextBuffer``.
final class MessageMemo {
    /// Slots (a power of two) and the longest message remembered. With 2,048 slots (about 1 MiB
    /// with their bytes and events) 14.8% of the benchmark log's lines are analysed, against 19.6%
    /// with 512; 8,192 slots overflow the second-level cache (simulated: 10 more misses per line).
    static let slotCount = 2048
    static let maxLength = 192
    /// Hashes of messages seen once (a power of two): a message is remembered when it comes
    /// again, so that messages that never repeat (most carry a fresh id) cost no copying.
    static let seenCount = 4096

    /// What a probe reads: small, so that the slots' headers stay in the nearest cache.
    private struct Header {
        var hash: UInt64
        /// The message's length; -1 for an empty slot.
        var length: Int32
        /// Where the message started in its event text (the offsets of the event count from there).
        var start: Int32
        /// Its UUIDs' ``UUIDSpans/signature``.
        var spans: UInt64
        /// Which UUID each id field of the event holds (``idSpans(of:_:messageStart:)``).
        var idSpans: UInt16
    }

    private let headers: UnsafeMutablePointer<Header>
    private let events: UnsafeMutablePointer<Event>
    /// The messages' bytes, `maxLength` per slot.
    private let bytes: UnsafeMutableRawPointer
    private let seen: UnsafeMutablePointer<UInt64>
    /// The message being looked up, its UUIDs masked.
    private let masked: UnsafeMutableRawPointer
    /// Ids for the analyses remembered.
    private var templates = TemplateIDSource()

    init() {
        headers = .allocate(capacity: MessageMemo.slotCount)
        headers.initialize(repeating: Header(hash: 0, length: -1, start: 0, spans: 0, idSpans: MessageMemo.noSpans),
                           count: MessageMemo.slotCount)
        // Events hold no references: a slot's event is written before its header marks it used,
        // and the slots are never deinitialised, so they need no initialising (a parser per
        // format sample is made at start-up).
        precondition(_isPOD(Event.self), "memo slots are left uninitialised")
        events = .allocate(capacity: MessageMemo.slotCount)
        bytes = .allocate(byteCount: MessageMemo.slotCount * MessageMemo.maxLength, alignment: 16)
        seen = .allocate(capacity: MessageMemo.seenCount)
        seen.initialize(repeating: 0, count: MessageMemo.seenCount)
        masked = .allocate(byteCount: MessageMemo.maxLength, alignment: 16)
    }

    deinit {
        headers.deallocate()
        events.deallocate()
        bytes.deallocate()
        seen.deallocate()
        masked.deallocate()
    }

    /// Analyses the message of `event` (its ``Event/message`` range of `base`), or takes the
    /// remembered analysis of the same bytes but for its UUIDs' digits. The analysed fields of
    /// `event` must be unset.
    @inline(__always)
    func analyse(_ event: inout Event, tables: VocabularyTables, base: UnsafeRawPointer, firstQuote: Int) {
        let start = Int(event.message.start)
        let length = Int(event.message.count)
        guard length <= MessageMemo.maxLength else {
            MessageAnalyser.analyse(&event, tables: tables, base: base, firstQuote: firstQuote)
            return
        }
        var message = base + start
        let spans = UUIDSpans.find(in: message, count: length)
        if spans.overflowed {
            MessageAnalyser.analyse(&event, tables: tables, base: base, firstQuote: firstQuote)
            return
        }
        if spans.count > 0 {
            spans.mask(message, count: length, into: masked)
            message = UnsafeRawPointer(masked)
        }
        let signature = spans.signature
        let hash = MessageMemo.hash(message, count: length) ^ (signature &* 0x9E37_79B9_7F4A_7C15)
        let index = Int(truncatingIfNeeded: hash & UInt64(MessageMemo.slotCount - 1))
        let header = headers[index]
        let stored = bytes + index * MessageMemo.maxLength
        if header.hash == hash, Int(header.length) == length, header.spans == signature,
           memcmp(stored, message, length) == 0 {
            MessageMemo.copyAnalysis(of: events[index], shiftedBy: start - Int(header.start), into: &event)
            if header.idSpans != MessageMemo.noSpans {
                MessageMemo.takeKeys(of: spans, idSpans: header.idSpans, into: &event)
            }
            return
        }
        MessageAnalyser.analyse(&event, tables: tables, base: base, firstQuote: firstQuote)
        let seenIndex = Int(truncatingIfNeeded: hash >> 40) & (MessageMemo.seenCount - 1)
        guard seen[seenIndex] == hash else {
            seen[seenIndex] = hash
            return
        }
        guard let idSpans = MessageMemo.idSpans(of: event, spans, messageStart: start) else { return }
        event.template = templates.take()
        headers[index] = Header(hash: hash, length: Int32(length), start: Int32(truncatingIfNeeded: start),
                                spans: signature, idSpans: idSpans)
        (events + index).initialize(to: event)
        stored.copyMemory(from: message, byteCount: length)
    }

    /// ``idSpans(of:_:messageStart:)`` of an event whose ids hold no UUID of a span.
    private static let noSpans: UInt16 = 0xFFFF

    /// Which span (by index, 0xF for none) each id field of `event` holds, four bits per field in
    /// the order user, generation, request, unlabelled id; nil when the analysis gave a UUID of
    /// `spans` (offsets from `messageStart`) any other role: an id range covering part of one, a
    /// table named by one. Such an analysis is not remembered.
    private static func idSpans(of event: Event, _ spans: UUIDSpans, messageStart: Int) -> UInt16? {
        /// The span `reference` holds (0xF for none), or nil when it covers part of one.
        func spanIndex(_ reference: EntityRef?) -> UInt16? {
            guard let range = reference?.range else { return 0xF }
            let start = Int(range.start) - messageStart
            if Int(range.count) == UUIDSpans.length, let span = spans.index(startingAt: start) { return UInt16(span) }
            return spans.overlaps(start: start, end: start + Int(range.count)) ? nil : 0xF
        }
        guard let user = spanIndex(event.user), let generation = spanIndex(event.generation),
              let request = spanIndex(event.request), let unlabeled = spanIndex(event.unlabeledID) else { return nil }
        if let table = event.table,
           spans.overlaps(start: Int(table.range.start) - messageStart, end: table.range.end - messageStart) {
            return nil
        }
        return user | generation << 4 | request << 8 | unlabeled << 12
    }

    /// Gives the id fields of `event` that hold a span's UUID (`idSpans`) that span's key: the
    /// remembered analysis holds another message's keys.
    @inline(__always)
    private static func takeKeys(of spans: UUIDSpans, idSpans: UInt16, into event: inout Event) {
        func rekey(_ reference: inout EntityRef?, _ field: UInt16) {
            let index = Int(idSpans >> (4 * field) & 0xF)
            if index != 0xF { reference?.key = spans.key(index) }
        }
        rekey(&event.user, 0)
        rekey(&event.generation, 1)
        rekey(&event.request, 2)
        rekey(&event.unlabeledID, 3)
    }

    /// A hash of `count` bytes (at most ``maxLength``) in four independent multiply chains, so
    /// that its latency does not grow with the message; equal slots are confirmed by the bytes.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawPointer, count: Int) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (UInt64(truncatingIfNeeded: count), 0, 0, 0)
        var position = 0
        while position + 32 <= count {
            lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: position + 8, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: position + 16, as: UInt64.self)) &* 0x1656_67B1_9E37_79F9
            lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: position + 24, as: UInt64.self)) &* 0x27D4_EB2F_1656_67C5
            position += 32
        }
        var tail: UInt64 = 0
        while position + 8 <= count {
            tail = (tail ^ bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            position += 8
        }
        // The last (up to seven) bytes, first in the lowest: from the eight that end the message
        // when there are eight, without a loop.
        var last: UInt64 = 0
        let remaining = count - position
        if remaining > 0, count >= 8 {
            last = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) &>> (UInt64(8 - remaining) << 3)
        } else {
            for index in 0..<remaining {
                last |= UInt64(bytes.load(fromByteOffset: position + index, as: UInt8.self)) << (UInt64(index) << 3)
            }
        }
        var hash = lanes.0 ^ (lanes.1 >> 7) ^ (lanes.2 >> 15) ^ (lanes.3 >> 23) ^ tail ^ (last &* 0xC4CE_B9FE_1A85_EC53)
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 29
        return hash
    }

    /// Sets every field the message analysis writes from `cached`, its text offsets moved by `shift`.
    private static func copyAnalysis(of cached: Event, shiftedBy shift: Int, into event: inout Event) {
        let delta = Int32(truncatingIfNeeded: shift)
        func moved(_ reference: EntityRef?) -> EntityRef? {
            guard var reference else { return nil }
            reference.range.start &+= delta
            return reference
        }
        event.template = cached.template
        event.status = cached.status
        event.tags = cached.tags.movingStoredRanges(by: delta)
        event.kind = cached.kind
        event.httpMethod = cached.httpMethod
        event.httpStatus = cached.httpStatus
        // The analysis sets a path at a positive offset; an unset one stays `.empty`.
        event.httpPath = cached.httpPath == .empty ? .empty
            : TextRange(start: Int(cached.httpPath.start &+ delta), count: Int(cached.httpPath.count))
        event.operation = cached.operation
        event.client = cached.client
        event.table = moved(cached.table)
        event.unlabeledID = moved(cached.unlabeledID)
        event.user = moved(cached.user)
        event.generation = moved(cached.generation)
        event.request = moved(cached.request)
        event.durationMilliseconds = cached.durationMilliseconds
        event.amount = cached.amount
        event.balance = cached.balance
        event.rowCount = cached.rowCount
    }
}
