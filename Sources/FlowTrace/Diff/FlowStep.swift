/// One event of a flow reduced to what a diff compares: its step (tag and message template, the
/// variable parts masked), the values that matter (numbers, quoted strings), its status and time,
/// and the message as logged for display.
public struct FlowStep: Sendable {
    /// 1-based line number in its file.
    public var line: Int
    public var time: LogTime?
    /// The status its symbol stands for (✅ ❌ 🔑 🔓 …).
    public var status: Status
    /// What the line says about its request's outcome (from status, level and HTTP status).
    public var outcome: TraceStatus
    /// The message as logged, symbol included (untrusted: sanitise and redact to show it).
    public var message: String
    /// Its first tag (`DATABASE`), or empty.
    public var tag: String
    /// The message without its symbol, every variable part replaced by a placeholder.
    public var template: String
    /// A hash of ``template``: equal keys are the same step.
    public var key: UInt64
    /// The values that are not noise (numbers, quoted strings), in order.
    public var values: [String]

    public init(line: Int, time: LogTime?, status: Status, outcome: TraceStatus, message: String, tag: String) {
        self.line = line
        self.time = time
        self.status = status
        self.outcome = outcome
        self.message = message
        self.tag = tag
        var copy = message
        (template, key, values) = copy.withUTF8 { FlowStep.reduce(UnsafeRawBufferPointer($0)) }
    }

    /// The step of an event whose ranges refer to `text`.
    public init(_ event: Event, text: UnsafeRawBufferPointer) {
        let tag = event.tags.isEmpty ? "" : event.tags.range(at: 0).string(in: text)
        self.init(line: event.lineNumber, time: event.time, status: event.status, outcome: TraceStatus(of: event),
                  message: event.message.string(in: text), tag: tag)
    }

    /// The template, its key and the significant values of a message's bytes.
    static func reduce(_ bytes: UnsafeRawBufferPointer) -> (String, UInt64, [String]) {
        let body = UnsafeRawBufferPointer(rebasing: bytes[StepMasker.symbolLength(bytes)...])
        var spans: [MaskedSpan] = []
        StepMasker.spans(in: body, into: &spans)
        var template: [UInt8] = []
        template.reserveCapacity(body.count)
        var values: [String] = []
        var position = 0
        for span in spans {
            template.append(contentsOf: body[position..<span.start])
            template.append(contentsOf: span.kind.placeholder.utf8)
            if !span.kind.isNoise {
                values.append(String(decoding: body[span.start..<span.end], as: UTF8.self))
            }
            position = span.end
        }
        template.append(contentsOf: body[position...])
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in template { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (String(decoding: template, as: UTF8.self), hash, values)
    }

    /// The ``key`` of a message's bytes without building its template: the same FNV-1a hash over
    /// the body between the spans and the placeholders. `spans` is scratch space, reused.
    static func key(of bytes: UnsafeRawBufferPointer, spans: inout [MaskedSpan]) -> UInt64 {
        let body = UnsafeRawBufferPointer(rebasing: bytes[StepMasker.symbolLength(bytes)...])
        spans.removeAll(keepingCapacity: true)
        StepMasker.spans(in: body, into: &spans)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        var position = 0
        for span in spans {
            add(body[position..<span.start])
            add(span.kind.placeholder.utf8)
            position = span.end
        }
        add(body[position...])
        return hash
    }

    /// Whether two steps of the same template logged the same values with the same status.
    func hasSameValues(as other: FlowStep) -> Bool {
        values == other.values && comparedStatus == other.comparedStatus
    }

    /// The status as a diff compares it: symbols that say how a step went (✅ ❌ ⚠️) or which
    /// database client it used (🔑 🔓) count; the decorative ones (🔍 💳 👤, and 🔐, which
    /// mojibake turns into 🔍) do not.
    public var comparedStatus: Status {
        switch status {
        case .ok, .error, .warning, .serviceClient, .anonClient: status
        case .none, .step, .credit, .user: .none
        }
    }
}
