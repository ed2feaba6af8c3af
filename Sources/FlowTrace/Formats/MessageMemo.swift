#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The messages a parser analysed lately and what the analysis wrote into their events: a line
/// whose message repeats one of them (a service repeats a few hundred messages) takes those
/// findings, moved to its own offsets, instead of walking the message again. Messages that differ
/// only in the digits of their stand-alone UUIDs (``UUIDSpans``) count as repeats: most lines of
/// a request name its user or generation. The ids' keys are then taken from the line's own bytes.
/// Each such analysis remembered gets a new template id (``TemplateIDSource``), which every event
/// that takes it carries (``Event/template``).
///
/// A line that repeats no message so is looked up again with its stand-alone numbers masked too
/// (``NumberSpans``): access lines differ in their client's port, credit lines in amounts and
/// balances. Its number fields are then read from the line's own digits. These analyses are
/// remembered apart, when a message comes again with other numbers, with a template id marked
/// ``TemplateIDSource/numbersMasked``; a line that takes one and whose exact message was seen
/// before is remembered as it is too.
///
/// This holds because ``MessageAnalyser`` reads nothing but the message's bytes (the offset of
/// its first `"` follows from them), treats a stand-alone UUID alike whatever its digits, and a
/// stand-alone number too when no vocabulary word holds one (``VocabularyTables/numbersAreOpaque``),
/// and is only memoised for events whose analysed fields are still unset (text lines, not JSON).
/// An analysis that gave a UUID's or number's bytes any other role (an id range that is not the
/// whole UUID, an id or table that holds a number, a number field read from part of a number) is
/// not remembered. Vocabulary keywords are assumed not to contain UUIDs.
///
/// Two-way set-associative by a hash of the masked bytes: direct-mapped, two messages that every
/// request logs could share a slot and evict each other all along (on 30 MB of the benchmark's
/// log, one was analysed again about 2,600 times). Raw storage owned by one parser, like
/// ``TextBuffer``.
final class MessageMemo {
    /// Slots (a power of two) and the longest message remembered. With 2,048 slots (about 1 MiB
    /// with their bytes and events), direct-mapped and masking UUIDs only, 14.8% of the benchmark
    /// log's lines were analysed (19.6% with 512); two-way with numbers masked too, 0.2%. 8,192
    /// slots overflow the second-level cache (simulated: 10 more misses per line). `maxLength` is
    /// a multiple of sixteen: the number search reads whole blocks of sixteen bytes.
    static let slotCount = 2048
    static let setCount = slotCount / 2
    static let maxLength = 192
    /// Hashes of messages seen once (a power of two): a message is remembered when it comes
    /// again, so that messages that never repeat (most carry a fresh id) cost no copying.
    static let seenCount = 4096

    /// What a probe reads: small, so that the slots' headers stay in the nearest cache.
    private struct Header {
        var hash: UInt64
        /// Its UUIDs' ``UUIDSpans/signature``.
        var spans: UInt64
        /// The message's length; -1 for an empty slot.
        var length: Int32
        /// Where the message started in its event text (the offsets of the event count from there).
        var start: Int32
        /// Which number span each number field holds (``numberSpans(of:_:_:messageStart:)``).
        var numberSpans: UInt32
        /// Which UUID each id field of the event holds (``idSpans(of:_:_:messageStart:)``).
        var idSpans: UInt16
        /// Whether the message is remembered with its numbers masked.
        var masksNumbers: Bool
    }

    private let headers: UnsafeMutablePointer<Header>
    private let events: UnsafeMutablePointer<Event>
    /// The messages' bytes, `maxLength` per slot.
    private let bytes: UnsafeMutableRawPointer
    /// Per set, the way that was hit or filled last: the other is replaced first.
    private let recent: UnsafeMutablePointer<UInt8>
    private let seen: UnsafeMutablePointer<UInt64>
    /// The message being looked up, its UUIDs and numbers masked.
    private let masked: UnsafeMutableRawPointer
    /// Ids for the analyses remembered.
    private var templates = TemplateIDSource()
    /// How many messages short enough to be remembered were analysed, and how many took an
    /// analysis remembered with other numbers.
    private(set) var analysedCount = 0
    private(set) var numberMaskedHitCount = 0

    init() {
        headers = .allocate(capacity: MessageMemo.slotCount)
        headers.initialize(repeating: Header(hash: 0, spans: 0, length: -1, start: 0, numberSpans: MessageMemo.noNumbers,
                                             idSpans: MessageMemo.noSpans, masksNumbers: false),
                           count: MessageMemo.slotCount)
        // Events hold no references: a slot's event is written before its header marks it used,
        // and the slots are never deinitialised, so they need no initialising (a parser per
        // format sample is made at start-up).
        precondition(_isPOD(Event.self), "memo slots are left uninitialised")
        events = .allocate(capacity: MessageMemo.slotCount)
        bytes = .allocate(byteCount: MessageMemo.slotCount * MessageMemo.maxLength, alignment: 16)
        recent = .allocate(capacity: MessageMemo.setCount)
        recent.initialize(repeating: 0, count: MessageMemo.setCount)
        seen = .allocate(capacity: MessageMemo.seenCount)
        seen.initialize(repeating: 0, count: MessageMemo.seenCount)
        masked = .allocate(byteCount: MessageMemo.maxLength, alignment: 16)
    }

    deinit {
        headers.deallocate()
        events.deallocate()
        bytes.deallocate()
        recent.deallocate()
        seen.deallocate()
        masked.deallocate()
    }

    /// Analyses the message of `event` (its ``Event/message`` range of `base`), or takes the
    /// remembered analysis of the same bytes but for its UUIDs' digits, or failing that, but for
    /// its UUIDs' and numbers' digits. The analysed fields of `event` must be unset.
    @inline(__always)
    func analyse(_ event: inout Event, tables: VocabularyTables, base: UnsafeRawPointer, firstQuote: Int) {
        let start = Int(event.message.start)
        let length = Int(event.message.count)
        guard length <= MessageMemo.maxLength else {
            MessageAnalyser.analyse(&event, tables: tables, base: base, firstQuote: firstQuote)
            return
        }
        let message = base + start
        let spans = UUIDSpans.find(in: message, count: length, masking: masked)
        if spans.overflowed {
            MessageAnalyser.analyse(&event, tables: tables, base: base, firstQuote: firstQuote)
            return
        }
        let key = spans.count > 0 ? UnsafeRawPointer(masked) : message
        let signature = spans.signature
        let exactHash = MessageMemo.hash(key, count: length) ^ (signature &* 0x9E37_79B9_7F4A_7C15)
        if let slot = probe(exactHash, key, length: length, signature: signature, masksNumbers: false) {
            take(slot, spans, NumberSpans.none, message: message, messageStart: start, into: &event)
            if event.level == .none { event.level = events[slot].level }
            return
        }
        // Most lines that miss differ from a remembered one in numbers only (ports, amounts).
        var numbers = NumberSpans.none
        var maskedHash: UInt64 = 0
        if tables.numbersAreOpaque {
            if spans.count == 0 { masked.copyMemory(from: message, byteCount: length) }
            if let found = NumberSpans.find(in: masked, count: length), found.count > 0 {
                numbers = found
                numbers.mask(masked)
                maskedHash = MessageMemo.hash(masked, count: length) ^ (signature &* 0xC2B2_AE3D_27D4_EB4F)
                if let slot = probe(maskedHash, masked, length: length, signature: signature, masksNumbers: true) {
                    take(slot, spans, numbers, message: message, messageStart: start, into: &event)
                    if event.level == .none { event.level = events[slot].level }
                    numberMaskedHitCount += 1
                    // Numbers that come back as they were (`: 1 rows`) are remembered with them.
                    if hasBeenSeen(exactHash) {
                        rememberExactly(&event, hash: exactHash, message: message, length: length, spans: spans,
                                        messageStart: start, tagLevel: events[slot].level)
                    }
                    return
                }
            }
        }
        let findings = MessageAnalyser.analyse(&event, tables: tables, base: base, firstQuote: firstQuote)
        analysedCount += 1
        // Remembered when it comes again: as it is, or else with other numbers.
        if hasBeenSeen(exactHash) {
            rememberExactly(&event, hash: exactHash, message: message, length: length, spans: spans, messageStart: start,
                            tagLevel: findings.tagLevel)
        } else if numbers.count > 0, hasBeenSeen(maskedHash),
                  let idSpans = MessageMemo.idSpans(of: event, spans, numbers, messageStart: start),
                  let numberSpans = MessageMemo.numberSpans(of: event, findings.origins, numbers, messageStart: start) {
            event.template = newTemplate(uuidsMasked: spans.count > 0, numbersMasked: true)
            store(event, hash: maskedHash, masked, length: length, signature: signature, messageStart: start,
                  idSpans: idSpans, numberSpans: numberSpans, masksNumbers: true, tagLevel: findings.tagLevel)
        }
    }

    /// The slot that remembers the message `key` (masked as `masksNumbers` says) hashed to `hash`, if one does.
    @inline(__always)
    private func probe(_ hash: UInt64, _ key: UnsafeRawPointer, length: Int, signature: UInt64,
                       masksNumbers: Bool) -> Int? {
        let set = Int(truncatingIfNeeded: hash & UInt64(MessageMemo.setCount - 1))
        for way in 0..<2 {
            let slot = 2 * set + way
            let header = headers[slot]
            if header.hash == hash, Int(header.length) == length, header.spans == signature,
               header.masksNumbers == masksNumbers, memcmp(bytes + slot * MessageMemo.maxLength, key, length) == 0 {
                recent[set] = UInt8(way)
                return slot
            }
        }
        return nil
    }

    /// Gives `event` the analysis remembered in `slot`, with the keys of its UUIDs (`spans`) and
    /// the values of its `numbers` when the slot masks them.
    @inline(__always)
    private func take(_ slot: Int, _ spans: UUIDSpans, _ numbers: NumberSpans, message: UnsafeRawPointer,
                      messageStart: Int, into event: inout Event) {
        let header = headers[slot]
        event.takeAnalysis(of: events + slot, shiftedBy: Int32(truncatingIfNeeded: messageStart - Int(header.start)))
        if header.idSpans != MessageMemo.noSpans {
            MessageMemo.takeKeys(of: spans, idSpans: header.idSpans, into: &event)
        }
        if header.numberSpans != MessageMemo.noNumbers {
            MessageMemo.takeNumbers(of: numbers, numberSpans: header.numberSpans, message: message, into: &event)
        }
    }

    /// Whether `hash` was looked up before (recently); records it if not.
    private func hasBeenSeen(_ hash: UInt64) -> Bool {
        let index = Int(truncatingIfNeeded: hash >> 40) & (MessageMemo.seenCount - 1)
        if seen[index] == hash { return true }
        seen[index] = hash
        return false
    }

    /// Remembers the analysis in `event` of `message`, unless it gave the bytes of a UUID
    /// another role, and gives `event` the new template id.
    private func rememberExactly(_ event: inout Event, hash: UInt64, message: UnsafeRawPointer, length: Int,
                                 spans: UUIDSpans, messageStart: Int, tagLevel: Level) {
        guard let idSpans = MessageMemo.idSpans(of: event, spans, .none, messageStart: messageStart) else { return }
        var key = message
        if spans.count > 0 {
            // `masked` may have the numbers masked too.
            _ = UUIDSpans.find(in: message, count: length, masking: masked)
            key = UnsafeRawPointer(masked)
        }
        event.template = newTemplate(uuidsMasked: spans.count > 0, numbersMasked: false)
        store(event, hash: hash, key, length: length, signature: spans.signature, messageStart: messageStart,
              idSpans: idSpans, numberSpans: MessageMemo.noNumbers, masksNumbers: false, tagLevel: tagLevel)
    }

    /// A new template id (0 when there are none left), marked as its analysis was remembered.
    private func newTemplate(uuidsMasked: Bool, numbersMasked: Bool) -> UInt32 {
        let id = templates.take()
        guard id != 0 else { return 0 }
        return id | (uuidsMasked ? TemplateIDSource.uuidsMasked : 0) | (numbersMasked ? TemplateIDSource.numbersMasked : 0)
    }

    /// Stores `event` as the analysis of the message `key` in the less recently used way of its
    /// set. The slot's event holds as its level `tagLevel`, the level the message's tags named
    /// (``MessageAnalyser/Findings``), not the line's: a line that takes the slot and whose
    /// layout gave none takes it. ``analyse(_:tables:base:firstQuote:)`` gives it after `take`:
    /// with that branch in it, `take` was no longer inlined (30 instructions a line more).
    private func store(_ event: Event, hash: UInt64, _ key: UnsafeRawPointer, length: Int, signature: UInt64,
                       messageStart: Int, idSpans: UInt16, numberSpans: UInt32, masksNumbers: Bool, tagLevel: Level) {
        let set = Int(truncatingIfNeeded: hash & UInt64(MessageMemo.setCount - 1))
        let way = recent[set] ^ 1
        recent[set] = way
        let index = 2 * set + Int(way)
        headers[index] = Header(hash: hash, spans: signature, length: Int32(length),
                                start: Int32(truncatingIfNeeded: messageStart), numberSpans: numberSpans,
                                idSpans: idSpans, masksNumbers: masksNumbers)
        (events + index).initialize(to: event)
        events[index].level = tagLevel
        (bytes + index * MessageMemo.maxLength).copyMemory(from: key, byteCount: length)
    }

    /// ``numberSpans(of:_:_:messageStart:)`` of an event whose number fields hold no span.
    private static let noNumbers: UInt32 = 0xF_FFFF

    /// Which number span (by index, 0xF for none) each number field of `event` holds, four bits
    /// per field in ``NumberOrigins/Field`` order; nil when a field was read from part of a span,
    /// or is set but the analysis did not say where from. A field read from digits that are not a
    /// span keeps the remembered value: those digits are compared byte for byte.
    private static func numberSpans(of event: Event, _ origins: NumberOrigins, _ numbers: NumberSpans,
                                    messageStart: Int) -> UInt32? {
        var packed: UInt32 = 0
        for raw in 0..<NumberOrigins.Field.count {
            let field = NumberOrigins.Field(rawValue: raw)!
            var span: UInt32 = 0xF
            if let origin = origins[field] {
                let start = origin.lowerBound - messageStart
                let end = origin.upperBound - messageStart
                if let index = numbers.index(start: start, end: end) {
                    span = UInt32(index)
                } else if numbers.overlaps(start: start, end: end) {
                    return nil
                }
            } else if NumberOrigins.isSet(field, in: event) {
                return nil
            }
            packed |= span << (4 * UInt32(field.rawValue))
        }
        return packed
    }

    /// Sets the number fields of `event` that hold a span (`numberSpans`) to that span's value in
    /// `message`: the remembered analysis holds another message's numbers.
    private static func takeNumbers(of numbers: NumberSpans, numberSpans: UInt32, message: UnsafeRawPointer,
                                    into event: inout Event) {
        for field in 0..<NumberOrigins.Field.count {
            let index = Int(numberSpans >> (4 * UInt32(field)) & 0xF)
            if index != 0xF {
                NumberOrigins.set(NumberOrigins.Field(rawValue: field)!, of: &event, to: numbers.value(index, in: message))
            }
        }
    }

    /// ``idSpans(of:_:_:messageStart:)`` of an event whose ids hold no UUID of a span.
    private static let noSpans: UInt16 = 0xFFFF

    /// Which span (by index, 0xF for none) each id field of `event` holds, four bits per field in
    /// the order user, generation, request, unlabelled id; nil when the analysis gave a UUID of
    /// `spans` (offsets from `messageStart`) any other role: an id range covering part of one, a
    /// table or tag holding one, or when an id, table or tag holds digits of `numbers` (its key
    /// would be another message's). Such an analysis is not remembered.
    private static func idSpans(of event: Event, _ spans: UUIDSpans, _ numbers: NumberSpans,
                                messageStart: Int) -> UInt16? {
        /// The span `reference` holds (0xF for none), or nil when it covers part of one.
        func spanIndex(_ reference: EntityRef?) -> UInt16? {
            guard let range = reference?.range else { return 0xF }
            let start = Int(range.start) - messageStart
            let end = start + Int(range.count)
            if numbers.overlaps(start: start, end: end) { return nil }
            if Int(range.count) == UUIDSpans.length, let span = spans.index(startingAt: start) { return UInt16(span) }
            return spans.overlaps(start: start, end: end) ? nil : 0xF
        }
        guard let user = spanIndex(event.user), let generation = spanIndex(event.generation),
              let request = spanIndex(event.request), let unlabeled = spanIndex(event.unlabeledID) else { return nil }
        if let table = event.table {
            let start = Int(table.range.start) - messageStart
            let end = table.range.end - messageStart
            if spans.overlaps(start: start, end: end) || numbers.overlaps(start: start, end: end) { return nil }
        }
        // Events of one template must have the same tags (``TagKeyCache``).
        for index in 0..<event.tags.storedCount {
            let range = event.tags.range(at: index)
            let start = Int(range.start) - messageStart
            let end = range.end - messageStart
            if spans.overlaps(start: start, end: end) || numbers.overlaps(start: start, end: end) { return nil }
        }
        return user | generation << 4 | request << 8 | unlabeled << 12
    }

    /// Gives the id fields of `event` that hold a span's UUID (`idSpans`) that span's key: the
    /// remembered analysis holds another message's keys.
    @inline(__always)
    private static func takeKeys(of spans: UUIDSpans, idSpans: UInt16, into event: inout Event) {
        event.rekeyIDs(idSpans) { spans.key($0) }
    }

    /// A hash of `count` bytes (at most ``maxLength``) in four independent multiply chains, so
    /// that its latency does not grow with the message; equal slots are confirmed by the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawPointer, count: Int) -> UInt64 {
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
}
