/// Judges closed traces with the rules: runs each rule's steps over the trace's events, checks its
/// condition, and turns what holds into findings. Cross-trace rules remember, per entity, the
/// recent traces where their earlier condition held.
public final class RuleEngine {
    public let ruleSet: RuleSet
    private let flowNames: [String]
    private var memories: [String: CrossTraceMemory] = [:]
    /// Regex limits hit so far (reported in the summary).
    public private(set) var limits = RegexLimitReport()

    public init(ruleSet: RuleSet, flowNames: [String] = []) {
        self.ruleSet = ruleSet
        self.flowNames = flowNames
    }

    /// The findings of every rule on `trace`, in rule order.
    public func judge(_ trace: Trace) -> [Finding] {
        var findings: [Finding] = []
        for rule in ruleSet.rules {
            let matches = stepMatches(of: rule, in: trace)
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

    private func stepMatches(of rule: Rule, in trace: Trace) -> [String: [StepMatch]] {
        var matches: [String: [StepMatch]] = [:]
        trace.withText { text in
            for event in trace.events {
                for step in rule.steps {
                    if let match = step.match(event, text: text, limits: &limits) {
                        matches[step.name, default: []].append(match)
                    }
                }
            }
        }
        return matches
    }

    private func judgeAcross(_ rule: Rule, _ across: CrossTraceCondition, trace: Trace,
                             matches: [String: [StepMatch]]) -> [Finding] {
        guard let entity = trace.key(of: across.entity) else { return [] }
        var memory = memories[rule.id] ?? CrossTraceMemory()
        defer { memories[rule.id] = memory }
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
