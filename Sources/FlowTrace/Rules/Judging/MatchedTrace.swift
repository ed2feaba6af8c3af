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
    /// one side has no value for does not constrain); values are compared regardless of case.
    func follows(_ later: TraceMatches.Reference, _ earlier: TraceMatches.Reference, agreeingOn same: [Int],
                 of fields: RuleFields) -> Bool {
        guard matches.hit(later).lineNumber > matches.hit(earlier).lineNumber else { return false }
        for field in same {
            guard let mine = value(later, field: field, of: fields), let theirs = value(earlier, field: field, of: fields)
            else { continue }
            if mine.lowercased() != theirs.lowercased() { return false }
        }
        return true
    }

    /// The match as evidence: its line, its time and the values it has for its rule's `fields`.
    func stepMatch(_ reference: TraceMatches.Reference, fields: RuleFields) -> StepMatch {
        let event = events[Int(matches.hit(reference).event)]
        var captures: [String: String] = [:]
        for (field, name) in fields.names.enumerated() {
            if let value = value(reference, field: field, of: fields) { captures[name] = value }
        }
        return StepMatch(lineNumber: event.lineNumber, time: event.time, captures: captures)
    }
}
