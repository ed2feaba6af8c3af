/// The human form of a diff: the first divergence (both lines, what differs word by word), the
/// aligned flows side by side fitted to the width (or in one column), then the counts and each
/// side's rule findings. Log text is redacted and stripped of control sequences.
public struct DiffTextRenderer {
    /// Total columns of the output (see ``TerminalWidth``).
    public var width: Int
    /// One column (`-`/`+`/`~` rows) instead of two.
    public var unified: Bool
    /// Matching rows kept around each divergence; nil keeps every row.
    public var context: Int?
    public var palette: Palette

    public init(width: Int = TerminalWidth.fallback, unified: Bool = false, context: Int? = nil,
                palette: Palette = Palette(enabled: false)) {
        self.width = width
        self.unified = unified
        self.context = context
        self.palette = palette
    }

    /// The whole report of one diff, ending with a newline.
    public func render(_ diff: FlowDiff) -> String {
        var text = palette.bold("── left  ") + describe(diff.left) + "\n"
        text += palette.bold("   right ") + describe(diff.right) + "\n\n"
        if diff.isApproximate { text += DiffTextRenderer.approximateNote + "\n\n" }
        text += firstDivergence(diff) + "\n"
        text += (unified ? unifiedRows(diff) : sideBySideRows(diff)) + "\n"
        text += summary(diff)
        return text
    }

    /// Said when the flows were too far apart for the shortest alignment.
    static let approximateNote = "Note: the flows differ by more than \(SequenceAligner.maxDistance) steps, the most "
        + "flowtrace aligns exactly; past that, steps were matched greedily by name, so some missing and extra "
        + "steps may be one step in another place."

    /// The report of a failing trace whose flow had no healthy trace to compare with.
    public func unmatched(_ flow: DiffFlow) -> String {
        palette.bold("── failing ") + describe(flow) + "\n   no healthy trace of its flow to compare with\n"
    }

    /// The last line of `--failing`: how many failing traces there were and what became of them.
    public func failingSummary(file: String, compared: Int, unmatched: Int, dropped: Int) -> String {
        let total = compared + unmatched + dropped
        guard total > 0 else { return safe(file) + ": no failing trace.\n" }
        var text = palette.bold(safe(file)) + ": \(total) failing trace\(total == 1 ? "" : "s")"
        text += " · \(compared) compared with a healthy trace of their flow"
        if unmatched > 0 { text += " · \(unmatched) without one" }
        if dropped > 0 { text += " · \(dropped) not compared (beyond \(BaselineFinder.maxFailing))" }
        return text + "\n"
    }

    func describe(_ flow: DiffFlow) -> String {
        var parts = [safe(flow.label)]
        if let name = flow.flowName { parts.append(name) }
        if let user = flow.user { parts.append("user " + safe(user)) }
        if let request = flow.request { parts.append("request " + safe(request)) }
        if let generation = flow.generation { parts.append("generation " + safe(generation)) }
        if let span = flow.lineSpan { parts.append("lines \(span.lowerBound)–\(span.upperBound)") }
        parts.append("\(flow.steps.count) steps")
        parts.append(flow.status.name)
        return parts.joined(separator: " · ")
    }

    func firstDivergence(_ diff: FlowDiff) -> String {
        guard let index = diff.firstDivergence else {
            return palette.green("The flows match step for step") + " (\(diff.pairs.count) steps).\n"
        }
        let pair = diff.pairs[index]
        var text = palette.bold("First divergence: ") + kindName(pair) + "\n"
        if let step = diff.leftStep(pair) { text += "  left  line \(step.line): " + safe(step.message) + "\n" }
        else { text += "  left  —  (no such step" + place(diff, before: index, \.left, diff.left) + ")\n" }
        if let step = diff.rightStep(pair) { text += "  right line \(step.line): " + safe(step.message) + "\n" }
        else { text += "  right —  (no such step" + place(diff, before: index, \.right, diff.right) + ")\n" }
        if !pair.words.isEmpty {
            // Each word redacted in its message: `hunter2` alone is no secret, after `password:` it is.
            let (left, right) = (diff.leftStep(pair)?.message ?? "", diff.rightStep(pair)?.message ?? "")
            text += "  differs: " + pair.words.map {
                TerminalText.sanitize($0.redacted(leftMessage: left, rightMessage: right).description)
            }.joined(separator: " · ") + "\n"
        }
        if pair.statusChanged, let left = diff.leftStep(pair), let right = diff.rightStep(pair) {
            text += "  status: \(left.status.name) → \(right.status.name)\n"
        }
        if let timing = pair.timing {
            text += "  time since the previous step: " + DiffTextRenderer.duration(timing.leftGap) + " → "
                + DiffTextRenderer.duration(timing.rightGap) + "\n"
        }
        return text
    }

    /// Where a step missing on one side would be: `, after line N` of that side.
    private func place(_ diff: FlowDiff, before index: Int, _ side: KeyPath<AlignedPair, Int?>,
                       _ flow: DiffFlow) -> String {
        guard let previous = diff.pairs[..<index].last(where: { $0[keyPath: side] != nil })?[keyPath: side] else {
            return ", before the first line"
        }
        return ", after line \(flow.steps[previous].line)"
    }

    func summary(_ diff: FlowDiff) -> String {
        let counts = diff.summary
        func lines(_ kind: AlignedPair.Kind, _ side: (AlignedPair) -> Int?, _ flow: DiffFlow) -> String {
            let numbers = diff.pairs.filter { $0.kind == kind }.compactMap(side).map { flow.steps[$0].line }
            return numbers.isEmpty ? "" : " (lines \(LineList.describe(numbers)))"
        }
        var text = palette.bold("Summary: ")
        text += "\(counts.missing) steps missing on the right" + lines(.missing, \.left, diff.left)
        text += " · \(counts.extra) extra steps on the right" + lines(.extra, \.right, diff.right)
        text += " · \(counts.changed) changed (\(counts.changedValues) values, \(counts.statusChanges) status)"
        text += " · \(counts.timing) timing · \(counts.reordered) reordered · \(counts.same) same"
        text += counts.minor > 0 ? " (\(counts.minor) with other quantities or parameters)\n" : "\n"
        text += findings("left", diff.left.findings) + findings("right", diff.right.findings)
        return text
    }

    private func findings(_ side: String, _ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "Findings \(side): none\n" }
        var text = "Findings \(side):\n"
        for finding in findings {
            let severity = finding.severity == .error ? palette.red(finding.severity.rawValue)
                : finding.severity == .warning ? palette.yellow(finding.severity.rawValue) : finding.severity.rawValue
            text += "  \(severity) \(palette.bold(finding.rule)): \(safe(finding.message))"
                + (ReportText.lineNote(finding).map { palette.dim(" (\($0))") } ?? "") + "\n"
        }
        return text
    }

    func kindName(_ pair: AlignedPair) -> String {
        switch pair.kind {
        case .same: palette.yellow("timing")
        case .changed: palette.yellow("changed step")
        case .missing: palette.red("step missing on the right") + (pair.moved ? " (it comes elsewhere)" : "")
        case .extra: palette.green("extra step on the right") + (pair.moved ? " (it comes elsewhere)" : "")
        }
    }

    /// `30 ms`, `1.5 s`, `2 min 3 s`.
    static func duration(_ milliseconds: Int64) -> String {
        if milliseconds < 1_000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 {
            let tenths = milliseconds / 100
            return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
        }
        return "\(milliseconds / 60_000) min \(milliseconds % 60_000 / 1_000) s"
    }

    /// Log text as it may be printed: secrets redacted, control sequences removed.
    func safe(_ text: String) -> String {
        TerminalText.sanitize(SecretRedactor.redact(text))
    }
}
