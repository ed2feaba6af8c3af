/// For one cross-trace rule, per entity: the recent traces where the rule's earlier condition
/// held, and the recent traces where its later condition held while no earlier trace was known
/// (the earlier one may still be open: a balance request that ends after a failing generation).
/// Bounded: at most a few traces per entity and a fixed number of entities.
final class CrossTraceMemory {
    /// A trace where the earlier condition held.
    struct Entry {
        /// The trace's number (its id is `t` and the number).
        var traceNumber: Int
        var lastTime: LogTime?
        var evidence: RememberedEvidence
    }

    /// A trace where the later condition held with no earlier trace to pair it with: what its
    /// finding needs, should an earlier trace close after it.
    struct UnmatchedLater {
        var traceNumber: Int
        var firstLine: Int
        var firstTime: LogTime?
        var subject: FindingSubject
        var evidence: [StepMatch]
        /// Its evidence lines' messages, for the finding's fingerprint (``FindingFingerprint``).
        var evidenceLines: [Trace.EvidenceLine]
    }

    private var earlierTraces = BoundedEntityMemory<Entry>()
    private var unmatchedLaters = BoundedEntityMemory<UnmatchedLater>()

    func remember(entity: EntityKey, trace: Trace, evidence: RememberedEvidence) {
        earlierTraces.remember(Entry(traceNumber: trace.number, lastTime: trace.lastTime, evidence: evidence), for: entity)
    }

    func rememberUnmatched(_ later: UnmatchedLater, entity: EntityKey) {
        unmatchedLaters.remember(later, for: entity)
    }

    /// The most recent remembered trace of `entity` that started before `trace` and ended
    /// within `window` of log time before `trace`'s first line.
    func earlier(for entity: EntityKey, before trace: Trace, within window: Int64) -> Entry? {
        guard let firstLine = trace.events.first?.lineNumber else { return nil }
        return earlierTraces.entries(for: entity).last { entry in
            guard entry.traceNumber != trace.number, entry.evidence.firstLine.map({ $0 < firstLine }) ?? false else { return false }
            return Self.isWithin(window, from: entry.lastTime, to: trace.firstTime)
        }
    }

    /// Takes the unmatched later traces of `entity` that `trace`, whose earlier evidence begins
    /// at `evidenceLine`, pairs with as ``earlier(for:before:within:)`` would have: traces that
    /// began after that line, within `window` of `trace`'s end.
    func takeLaters(for entity: EntityKey, after trace: Trace, evidenceLine: Int, within window: Int64) -> [UnmatchedLater] {
        unmatchedLaters.take(for: entity) { later in
            later.traceNumber != trace.number && evidenceLine < later.firstLine
                && Self.isWithin(window, from: trace.lastTime, to: later.firstTime)
        }
    }

    /// Whether `now` is no more than `window` milliseconds after `then` (true when the two cannot
    /// be compared).
    private static func isWithin(_ window: Int64, from then: LogTime?, to now: LogTime?) -> Bool {
        guard let then, let now, then.hasDate == now.hasDate else { return true }
        return now.milliseconds - then.milliseconds <= window
    }
}
