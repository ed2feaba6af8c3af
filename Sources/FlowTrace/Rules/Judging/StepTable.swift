/// Every step of every rule, numbered by slot and indexed by the tags they require, so that one
/// pass over a trace's events tries each event only against the steps that require one of its
/// tags, or no tag.
struct StepTable {
    /// By slot.
    private let steps: ContiguousArray<CompiledStep>
    private let regexes: [StepRegex?]
    private let literals: StepLiterals
    /// The tag keys steps require, and for each, where its steps' slots are in `taggedSlots`.
    private let tagKeys: [UInt64]
    private let tagGroups: [Range<Int>]
    private let taggedSlots: [Int]
    private let untaggedSlots: [Int]
    private let candidates: CandidateSlots
    /// For each rule, the slot of each of its steps, by name.
    let slotsByRule: [[String: Int]]

    var slotCount: Int { steps.count }

    init(_ rules: [Rule], fields: [RuleFields]) {
        var steps = ContiguousArray<CompiledStep>()
        var regexes: [StepRegex?] = []
        var literals = StepLiterals()
        var tagKeys: [UInt64] = []
        var slotsByTag: [[Int]] = []
        var untaggedSlots: [Int] = []
        var slotsByRule: [[String: Int]] = []
        for (rule, ruleFields) in zip(rules, fields) {
            var slots: [String: Int] = [:]
            for step in rule.steps {
                let slot = steps.count
                steps.append(CompiledStep(step, literals: &literals))
                regexes.append(step.regex.map { StepRegex($0, step: step.name, fields: ruleFields) })
                slots[step.name] = slot
                if step.tags.isEmpty { untaggedSlots.append(slot) }
                for key in Set(step.tags).map(TagList.key(of:)) {
                    if let group = tagKeys.firstIndex(of: key) {
                        slotsByTag[group].append(slot)
                    } else {
                        tagKeys.append(key)
                        slotsByTag.append([slot])
                    }
                }
            }
            slotsByRule.append(slots)
        }
        self.steps = steps
        self.regexes = regexes
        self.literals = literals
        self.tagKeys = tagKeys
        tagGroups = slotsByTag.reduce(into: []) { groups, slots in
            let start = groups.last?.upperBound ?? 0
            groups.append(start..<start + slots.count)
        }
        taggedSlots = slotsByTag.flatMap { $0 }
        self.untaggedSlots = untaggedSlots
        self.slotsByRule = slotsByRule
        candidates = CandidateSlots(steps)
    }

    /// Tries every event of a trace (whose text is `text`) against its steps and records what
    /// matched in `matches`; `caches` remember the literals and regex outcomes of messages by template.
    func match(_ events: [Event], text: UnsafeRawBufferPointer, into matches: inout TraceMatches,
               scratch: inout MatchScratch, caches: TemplateCaches, limits: inout RegexLimitReport) {
        let literalCache = caches.literals
        literals.withView { literals in
            steps.withUnsafeBufferPointer { steps in
                taggedSlots.withUnsafeBufferPointer { taggedSlots in
                    untaggedSlots.withUnsafeBufferPointer { untaggedSlots in
                        // Events are read in place: a copy of each would cost more than its screens.
                        events.withUnsafeBufferPointer { events in
                            for index in events.indices {
                                let event = events.baseAddress! + index
                                EventPrefetch.ahead(of: index, in: events, text: text)
                                let found = literalCache.found(in: event.pointee.message.slice(text),
                                                               template: event.pointee.template, literals: literals)
                                let candidates = candidates.candidates(found: found)
                                // Most events: no step can pass, and none is tried.
                                if candidates == 0 { continue }
                                var facts = EventFacts(foundLiterals: found)
                                for tag in 0..<event.pointee.tags.storedCount {
                                    guard let group = tagKeys.firstIndex(of: event.pointee.tags.key(at: tag, in: text)) else { continue }
                                    // A line with a step's tag twice, or two of its tags, is one
                                    // match of the step: from its second tag on, a slot whose last
                                    // hit is this line is not tried again.
                                    for slot in taggedSlots[tagGroups[group]]
                                    where self.candidates.contains(slot, in: candidates)
                                        && (tag == 0 || !matches.hasHit(slot: slot, event: index))
                                        && steps[slot].screens(event, &facts, text: text, literals: literals) {
                                        record(slot, event, at: index, text: text, matches: &matches, scratch: &scratch,
                                               regexCache: caches.regexOutcomes, limits: &limits)
                                    }
                                }
                                for slot in untaggedSlots
                                where self.candidates.contains(slot, in: candidates)
                                    && steps[slot].screens(event, &facts, text: text, literals: literals) {
                                    record(slot, event, at: index, text: text, matches: &matches, scratch: &scratch,
                                           regexCache: caches.regexOutcomes, limits: &limits)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Records a match of the step in `slot` on `event` (the trace's event at `index`), which passed
    /// the step's screen, if its regex (if any) matches too: as it did on the same text before,
    /// when `regexCache` kept that.
    private func record(_ slot: Int, _ event: UnsafePointer<Event>, at index: Int, text: UnsafeRawBufferPointer,
                        matches: inout TraceMatches, scratch: inout MatchScratch, regexCache: RegexOutcomeCache,
                        limits: inout RegexLimitReport) {
        let firstCapture = matches.captures.count
        if let regex = regexes[slot] {
            let template = event.pointee.template
            let cacheable = TemplateIDSource.namesOneText(template)
            if cacheable, let outcome = regexCache.outcome(template: template, slot: slot) {
                guard outcome.matched else { return }
                outcome.replay(into: &matches)
            } else {
                let outcome = regex.matches(event.pointee.message.slice(text), line: event.pointee.lineNumber,
                                            capturingInto: &matches, scratch: &scratch, limits: &limits)
                if cacheable, outcome != .limitExceeded {
                    regexCache.keep(template: template, slot: slot, matched: outcome == .matched,
                                    captures: matches.captures[firstCapture...])
                }
                guard outcome == .matched else { return }
            }
        }
        matches.record(slot: slot, event: index, lineNumber: event.pointee.lineNumber, capturesFrom: firstCapture)
    }
}
