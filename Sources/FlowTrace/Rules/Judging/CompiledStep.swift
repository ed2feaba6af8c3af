/// A ``RuleStep`` prepared for the per-event loop: plain values only (bit masks, bounds, ranges
/// into the ``StepLiterals``), so that trying a step on an event copies or retains nothing. Its
/// regex, if any, is kept apart (see ``StepRegex``).
struct CompiledStep {
    /// Bit `rawValue` set for each status / kind the step accepts; all bits when it names none.
    let statuses: UInt64
    let kinds: UInt64
    let minimumLevel: Level
    let httpStatus: ClosedRange<UInt16>
    let client: ClientKind?
    let outcome: TraceStatus?
    /// The logger prefix and the prefilter's literals in the ``StepLiterals``.
    let loggerPrefix: Range<Int>
    let prefilter: StepLiterals.Prefilter

    /// `step`, its literals added to `literals`.
    init(_ step: RuleStep, literals: inout StepLiterals) {
        statuses = CompiledStep.mask(step.statuses.map(\.rawValue))
        kinds = CompiledStep.mask(step.kinds.map(\.rawValue))
        minimumLevel = step.minimumLevel ?? .none
        httpStatus = step.httpStatus ?? 0...UInt16.max
        client = step.client
        outcome = step.outcome
        loggerPrefix = literals.add(Array((step.loggerPrefix ?? "").utf8))
        prefilter = step.contains.isEmpty ? .none : literals.add(LiteralPrefilter(literals: step.contains, caseInsensitive: step.containsIgnoresCase))
    }

    private static func mask(_ values: [UInt8]) -> UInt64 {
        values.isEmpty ? ~0 : values.reduce(0) { $0 | 1 << UInt64($1) }
    }

    /// Whether `event` passes every check but the regex: the scanned literals first (most events
    /// have none, which one AND tells), then the fields, the literals searched one by one, and the
    /// outcome. `event`'s text is `text`; `facts` are its own. The event is read in place: copying
    /// it for every step it is tried on would cost more than the screens.
    @inline(__always)
    func screens(_ event: UnsafePointer<Event>, _ facts: inout EventFacts, text: UnsafeRawBufferPointer,
                 literals: StepLiterals.View) -> Bool {
        let literalsPass = prefilter.passes(found: facts.foundLiterals)
        if !literalsPass, prefilter.searched.isEmpty { return false }
        guard statuses & 1 << UInt64(event.pointee.status.rawValue) != 0, kinds & 1 << UInt64(event.pointee.kind.rawValue) != 0,
              event.pointee.level >= minimumLevel, httpStatus.contains(event.pointee.httpStatus),
              client == nil || event.pointee.client == client
        else { return false }
        if !loggerPrefix.isEmpty, !literals.hasPrefix(event.pointee.logger.slice(text), loggerPrefix) { return false }
        if !literalsPass, !literals.containsOne(event.pointee.message.slice(text), of: prefilter.searched) { return false }
        guard let outcome else { return true }
        return facts.outcome(of: event) == outcome
    }
}
