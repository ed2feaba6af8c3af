/// Step patterns of all flows, indexed by the tag they require so that most events are tested
/// against no pattern at all.
struct StepIndex {
    private var byTag: [UInt64: [(flow: Int, pattern: StepPattern)]] = [:]
    private var untagged: [(flow: Int, pattern: StepPattern)] = []

    init(_ patterns: [(Int, StepPattern)]) {
        for (flow, pattern) in patterns {
            if let key = pattern.requiredTagKey {
                byTag[key, default: []].append((flow, pattern))
            } else {
                untagged.append((flow, pattern))
            }
        }
    }

    /// The flow of the first pattern `event` matches, if any (optionally only patterns of `flow`).
    func firstMatch(_ event: Event, text: UnsafeRawBufferPointer, in flow: Int? = nil) -> Int? {
        for index in 0..<event.tags.storedCount {
            guard let entries = byTag[event.tags.key(at: index)] else { continue }
            for entry in entries where flow == nil || entry.flow == flow {
                if entry.pattern.matches(event, text: text) { return entry.flow }
            }
        }
        for entry in untagged where flow == nil || entry.flow == flow {
            if entry.pattern.matches(event, text: text) { return entry.flow }
        }
        return nil
    }
}
