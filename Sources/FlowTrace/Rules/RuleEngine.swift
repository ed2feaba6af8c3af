/// Judges closed traces with the rules: runs each rule's steps over the trace's events, checks its
/// condition, and turns what holds into findings. Cross-trace rules remember, per entity, the
/// recent traces where their earlier condition held. One engine judges on one thread at a time
/// (a scan's judging thread); the rules it holds can be shared by several engines.
public final class RuleEngine {
    public let ruleSet: RuleSet
    private let flowNames: [String]
    /// By rule index: what each cross-trace rule remembers.
    private var memories: [CrossTraceMemory?]
    /// Regex limits hit so far (reported in the summary).
    public private(set) var limits = RegexLimitReport()

    private let steps: StepTable
    /// By rule index.
    private let rules: [CompiledRule]
    /// The matches of the trace being judged; the engine judges on one thread at a time.
    private var matches: TraceMatches
    /// PCRE2 match data for every rule's regex: the engine judges on one thread at a time.
    private var scratch: MatchScratch
    /// The literals and regex outcomes of the messages of recent templates.
    let caches = TemplateCaches()

    public init(ruleSet: RuleSet, flowNames: [String] = []) {
        self.ruleSet = ruleSet
        self.flowNames = flowNames
        let fields = ruleSet.rules.map(RuleFields.init)
        steps = StepTable(ruleSet.rules, fields: fields)
        rules = zip(ruleSet.rules, zip(fields, steps.slotsByRule)).map { CompiledRule($0, fields: $1.0, slots: $1.1) }
        memories = Array(repeating: nil, count: ruleSet.rules.count)
        matches = TraceMatches(slots: steps.slotCount)
        scratch = MatchScratch(for: ruleSet.rules.flatMap { $0.steps.compactMap { $0.regex?.pattern } })
    }

    /// Forgets what cross-trace rules remembered: the next traces come from another stream, whose
    /// lines and times have nothing to do with the last one's.
    public func beginStream() {
        memories = Array(repeating: nil, count: rules.count)
    }

    /// The findings of every rule on `trace`, in rule order.
    public func judge(_ trace: Trace) -> [Finding] {
        let events = trace.events
        // A trace cut off while it awaited a call (end of input, eviction) proves no absence, nor
        // does the first part of an overlong trace.
        let complete = trace.closeReason != .split
            && !(trace.pendingOperation != nil && trace.closeReason != .ended && trace.closeReason != .idle)
        return trace.withText { text in
            matches.removeAll()
            steps.match(events, text: text, into: &matches, scratch: &scratch, caches: caches,
                        limits: &limits)
            var findings: [Finding] = []
            let matched = MatchedTrace(matches: matches, events: events, text: text)
            for (index, rule) in rules.enumerated() {
                // Most traces: none of the rule's steps matched, and it can find nothing.
                if rule.needsMatch, !rule.mayHaveMatched(matches) { continue }
                if let condition = rule.condition, complete || !rule.usesAbsence,
                   let evidence = rule.evaluate(condition, over: matched) {
                    let evidence = evidence.map { matched.stepMatch($0, fields: rule.fields) }
                    findings.append(finding(ruleSet.rules[index], trace: trace, evidence: evidence))
                } else if let across = rule.across {
                    findings += judgeAcross(index, rule, across, trace: trace, matched: matched, complete: complete)
                }
            }
            return findings
        }
    }

    private func judgeAcross(_ index: Int, _ rule: CompiledRule, _ across: CompiledRule.Across, trace: Trace,
                             matched: MatchedTrace, complete: Bool) -> [Finding] {
        let fields = rule.fields
        guard let entity = trace.key(of: across.entity) else { return [] }
        let memory: CrossTraceMemory
        if let existing = memories[index] {
            memory = existing
        } else {
            memory = CrossTraceMemory()
            memories[index] = memory
        }
        var findings: [Finding] = []
        // As for `when:`, a cut-off trace proves no absence, on either side.
        if complete || !across.laterUsesAbsence, let later = rule.evaluate(across.later, over: matched) {
            let laterEvidence = later.map { matched.stepMatch($0, fields: fields) }
            let subject = FindingSubject(trace, flowNames: flowNames)
            if let earlier = memory.earlier(for: entity, before: trace, within: across.windowMilliseconds) {
                let evidence = earlier.evidence.stepMatches(fields: fields) + laterEvidence
                findings.append(finding(ruleSet.rules[index], about: subject, evidence: evidence))
            } else if let firstLine = trace.events.first?.lineNumber {
                // The earlier trace may still be open: it is paired when it closes.
                memory.rememberUnmatched(.init(
                    traceNumber: trace.number, firstLine: firstLine, firstTime: trace.firstTime, subject: subject,
                    evidence: laterEvidence, evidenceLines: trace.evidence(lines: laterEvidence.map(\.lineNumber))
                ), entity: entity)
            }
        }
        if complete || !across.earlierUsesAbsence, let earlier = rule.evaluate(across.earlier, over: matched) {
            let remembered = RememberedEvidence(earlier, in: matched, fields: fields)
            if let evidenceLine = remembered.firstLine {
                let laters = memory.takeLaters(for: entity, after: trace, evidenceLine: evidenceLine,
                                               within: across.windowMilliseconds)
                if !laters.isEmpty {
                    let earlierEvidence = earlier.map { matched.stepMatch($0, fields: fields) }
                    for later in laters {
                        var finding = finding(ruleSet.rules[index], about: later.subject,
                                              evidence: earlierEvidence + later.evidence)
                        // Made here, from the later trace's lines, as for a finding judged with it.
                        finding.fingerprint = FindingFingerprint.compute(finding, evidence: later.evidenceLines)
                        findings.append(finding)
                    }
                }
            }
            memory.remember(entity: entity, trace: trace, evidence: remembered)
        }
        return findings
    }

    private func finding(_ rule: Rule, trace: Trace, evidence: [StepMatch]) -> Finding {
        finding(rule, about: FindingSubject(trace, flowNames: flowNames), evidence: evidence)
    }

    private func finding(_ rule: Rule, about subject: FindingSubject, evidence: [StepMatch]) -> Finding {
        var values: [String: String] = [:]
        for match in evidence {
            for (field, value) in match.captures where values[field] == nil { values[field] = value }
        }
        let lines = Array(Set(evidence.map(\.lineNumber))).sorted()
        values["user"] = subject.user ?? values["user"]
        values["request"] = subject.request ?? values["request"]
        values["generation"] = subject.generation ?? values["generation"]
        values["flow"] = subject.flow ?? "request"
        values["trace"] = subject.traceID
        // A finding no line shows (absences only) is about its whole trace.
        values["lines"] = lines.isEmpty ? subject.lines.map(LineList.describe) ?? "" : LineList.describe(lines)
        let times = evidence.compactMap(\.time)
        return Finding(
            rule: rule.id, severity: rule.severity, message: rule.message.render(values), trace: subject.traceID,
            user: subject.user, request: subject.request, generation: subject.generation, lines: lines,
            traceLines: subject.lines, firstTime: times.min(), lastTime: times.max()
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
