/// Judges closed traces with the rules: runs each rule's steps over the trace's events, checks its
/// condition, and turns what holds into findings. Cross-trace rules remember, per entity, the
/// recent traces where their earlier condition held. One engine judges on one thread at a time
/// (a scan's judging thread); the rules it holds can be shared by several engines.
public final class RuleEngine {
    public let ruleSet: RuleSet
    private let flowNames: [String]
    private var memories: [String: CrossTraceMemory] = [:]
    /// Regex limits hit so far (reported in the summary).
    public private(set) var limits = RegexLimitReport()

    private let stepIndex: StepIndex
    /// PCRE2 match data for every rule's regex: the engine judges on one thread at a time.
    private var scratch: MatchScratch

    public init(ruleSet: RuleSet, flowNames: [String] = []) {
        self.ruleSet = ruleSet
        self.flowNames = flowNames
        self.stepIndex = StepIndex(ruleSet.rules)
        self.scratch = MatchScratch(for: ruleSet.rules.flatMap { $0.steps.compactMap { $0.regex?.pattern } })
    }

    /// The rules' steps indexed by the tags they require, and the event fields each rule uses.
    private struct StepIndex {
        /// One step of one rule; a class, so that the per-event loop copies nothing.
        final class Entry {
            let rule: Int
            let step: RuleStep
            /// The event fields the rule uses (in `same:` or its message).
            let fields: Set<String>

            init(rule: Int, step: RuleStep, fields: Set<String>) {
                self.rule = rule
                self.step = step
                self.fields = fields
            }
        }

        var byTag: [UInt64: [Entry]] = [:]
        var untagged: [Entry] = []

        init(_ rules: [Rule]) {
            for (ruleIndex, rule) in rules.enumerated() {
                let fields = Set(rule.message.fields + rule.sameFields)
                for step in rule.steps {
                    let entry = Entry(rule: ruleIndex, step: step, fields: fields)
                    if step.tags.isEmpty {
                        untagged.append(entry)
                    } else {
                        for tag in Set(step.tags) { byTag[TagList.key(of: tag), default: []].append(entry) }
                    }
                }
            }
        }
    }

    /// Forgets what cross-trace rules remembered: the next traces come from another stream, whose
    /// lines and times have nothing to do with the last one's.
    public func beginStream() {
        memories.removeAll()
    }

    /// The findings of every rule on `trace`, in rule order.
    public func judge(_ trace: Trace) -> [Finding] {
        var findings: [Finding] = []
        let allMatches = stepMatches(in: trace)
        for (index, rule) in ruleSet.rules.enumerated() {
            let matches = allMatches[index]
            // A trace cut off while it awaited a call (end of input, eviction) proves no absence.
            let complete = !(trace.pendingOperation != nil && trace.closeReason != .ended && trace.closeReason != .idle)
            if let condition = rule.condition, complete || !condition.usesAbsence,
               let evidence = condition.evaluate(matches) {
                findings.append(finding(rule, trace: trace, evidence: evidence))
            } else if let across = rule.across {
                findings += judgeAcross(rule, across, trace: trace, matches: matches)
            }
        }
        return findings
    }

    /// Every rule's step matches over the trace, in one pass over its events: each event is tried
    /// only against the steps that require one of its tags, or no tag.
    private func stepMatches(in trace: Trace) -> [[String: [StepMatch]]] {
        var matches = Array(repeating: [String: [StepMatch]](), count: ruleSet.rules.count)
        trace.withText { text in
            for event in trace.events {
                for index in 0..<event.tags.storedCount {
                    if let steps = stepIndex.byTag[event.tags.key(at: index)] {
                        tryMatch(steps, event, text, &matches)
                    }
                }
                tryMatch(stepIndex.untagged, event, text, &matches)
            }
        }
        return matches
    }

    private func tryMatch(_ steps: [StepIndex.Entry], _ event: Event, _ text: UnsafeRawBufferPointer,
                          _ matches: inout [[String: [StepMatch]]]) {
        for entry in steps {
            if let match = entry.step.match(event, text: text, fields: entry.fields, scratch: &scratch, limits: &limits) {
                matches[entry.rule][entry.step.name, default: []].append(match)
            }
        }
    }

    private func judgeAcross(_ rule: Rule, _ across: CrossTraceCondition, trace: Trace,
                             matches: [String: [StepMatch]]) -> [Finding] {
        guard let entity = trace.key(of: across.entity) else { return [] }
        let memory: CrossTraceMemory
        if let existing = memories[rule.id] {
            memory = existing
        } else {
            memory = CrossTraceMemory()
            memories[rule.id] = memory
        }
        var findings: [Finding] = []
        if let later = across.later.evaluate(matches),
           let earlier = memory.earlier(for: entity, before: trace, within: across.windowMilliseconds) {
            findings.append(finding(rule, trace: trace, evidence: earlier.evidence + later))
        }
        if let earlier = across.earlier.evaluate(matches) {
            memory.remember(entity: entity, trace: trace, evidence: earlier)
        }
        return findings
    }

    private func finding(_ rule: Rule, trace: Trace, evidence: [StepMatch]) -> Finding {
        var values: [String: String] = [:]
        for match in evidence {
            for (field, value) in match.captures where values[field] == nil { values[field] = value }
        }
        let lines = Array(Set(evidence.map(\.lineNumber))).sorted()
        let flow = trace.flowIndex.flatMap { $0 < flowNames.count ? flowNames[$0] : nil }
        values["user"] = trace.userText ?? values["user"]
        values["request"] = trace.requestText ?? values["request"]
        values["generation"] = trace.generationText ?? values["generation"]
        values["flow"] = flow ?? "request"
        values["trace"] = trace.id
        values["lines"] = LineList.describe(lines)
        let times = evidence.compactMap(\.time)
        return Finding(
            rule: rule.id, severity: rule.severity, message: rule.message.render(values), trace: trace.id,
            user: trace.userText, request: trace.requestText, generation: trace.generationText, lines: lines,
            firstTime: times.min(), lastTime: times.max()
        )
    }
}

extension Trace {
    /// The key of the trace's entity of `kind`, if it has one.
    func key(of kind: EntityKind) -> EntityKey? {
        switch kind {
        case .user: user
        case .request: request
        case .generation: generations.first
        }
    }
}
