/// A trace with its step matches, while its rules are judged: reads the values a match has for
/// its rule's fields, as strings, only when a condition compares them or they become evidence.
struct MatchedTrace {
    let matches: TraceMatches
    let events: [Event]
    /// The text the events' ranges point into.
    let text: UnsafeRawBufferPointer

    /// The value `reference` has for the field numbered `field` of its rule's `fields`: the last
    /// regex group of that name that took part in the match, else the event's own field of that
    /// name (if not empty).
    func value(_ reference: TraceMatches.Reference, field: Int, of fields: RuleFields) -> String? {
        let hit = matches.hit(reference)
        let event = events[Int(hit.event)]
        var captured: TextRange?
        let first = Int(hit.firstCapture)
        for capture in matches.captures[first..<first + Int(hit.captureCount)] where capture.field == field {
            captured = capture.range
        }
        if let captured { return captured.string(in: event.message.slice(text)) }
        return fields.eventFields[field]?.value(of: event, text: text)
    }

    /// Calls `body` with the UTF-8 of what ``value(_:field:of:)`` returns (nil when it returns nil),
    /// without making a String: made into one with `String(decoding:as:)`, it makes the same.
    func withValue(_ reference: TraceMatches.Reference, field: Int, of fields: RuleFields,
                   _ body: (UnsafeRawBufferPointer?) -> Void) {
        let hit = matches.hit(reference)
        var captured: TextRange?
        let first = Int(hit.firstCapture)
        for capture in matches.captures[first..<first + Int(hit.captureCount)] where capture.field == field {
            captured = capture.range
        }
        events.withUnsafeBufferPointer { events in
            let event = events.baseAddress! + Int(hit.event)
            if let captured { return body(captured.slice(event.pointee.message.slice(text))) }
            guard let eventField = fields.eventFields[field] else { return body(nil) }
            if eventField.isText {
                let range = eventField.range(in: event.pointee)
                return body(range.isEmpty ? nil : range.slice(text))
            }
            guard var value = eventField.value(of: event.pointee, text: text) else { return body(nil) }
            value.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Whether `later` comes after `earlier` and has the same value for each of `same` (a field
    /// one side has no value for disagrees); values are compared regardless of case.
    func follows(_ later: TraceMatches.Reference, _ earlier: TraceMatches.Reference, agreeingOn same: [Int],
                 of fields: RuleFields) -> Bool {
        guard matches.hit(later).lineNumber > matches.hit(earlier).lineNumber else { return false }
        for field in same {
            // A value missing on either side is no agreement.
            guard let mine = value(later, field: field, of: fields), let theirs = value(earlier, field: field, of: fields)
            else { return false }
            if mine.lowercased() != theirs.lowercased() { return false }
        }
        return true
    }

    /// The range in its event's message of the group `reference` captured for the field numbered
    /// `field`, as ``value(_:field:of:)`` reads it; nil when it captured none for it.
    func capturedRange(_ reference: TraceMatches.Reference, field: Int) -> TextRange? {
        let hit = matches.hit(reference)
        let first = Int(hit.firstCapture)
        return matches.captures[first..<first + Int(hit.captureCount)].last(where: { $0.field == field })?.range
    }

    /// Calls `body` with each field number of `fields` and the UTF-8 of the value `reference` has
    /// for it as evidence: ``value(_:field:of:)``, except that a captured value overlapping a
    /// secret of its event's message (see ``SecretRedactor``) is shown as the redactor shows that
    /// part, so that a regex group cannot carry a secret past the key that names it.
    func withEvidenceValues(_ reference: TraceMatches.Reference, fields: RuleFields,
                            _ body: (Int, UnsafeRawBufferPointer?) -> Void) {
        let hit = matches.hit(reference)
        let first = Int(hit.firstCapture)
        let captures = matches.captures[first..<first + Int(hit.captureCount)]
        // Only a match that captured text needs its message scanned for secrets: once.
        var message: [UInt8] = []
        var secrets: [SecretSpan] = []
        if !captures.isEmpty {
            message = Array(events[Int(hit.event)].message.slice(text))
            secrets = SecretRedactor.spans(in: message)
        }
        for field in fields.names.indices {
            if !secrets.isEmpty, let captured = captures.last(where: { $0.field == field })?.range,
               var redacted = SecretRedactor.redactedPart(of: message, spans: secrets,
                                                          range: Int(captured.start)..<captured.end) {
                redacted.withUTF8 { body(field, UnsafeRawBufferPointer($0)) }
                continue
            }
            withValue(reference, field: field, of: fields) { body(field, $0) }
        }
    }

    /// The match as evidence: its line, its time and the values it has for its rule's `fields`
    /// (see ``withEvidenceValues(_:fields:_:)``).
    func stepMatch(_ reference: TraceMatches.Reference, fields: RuleFields) -> StepMatch {
        let event = events[Int(matches.hit(reference).event)]
        var captures: [String: String] = [:]
        withEvidenceValues(reference, fields: fields) { field, value in
            if let value { captures[fields.names[field]] = String(decoding: value, as: UTF8.self) }
        }
        return StepMatch(lineNumber: event.lineNumber, time: event.time, captures: captures)
    }
}
