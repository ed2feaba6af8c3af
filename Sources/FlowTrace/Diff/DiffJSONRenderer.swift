/// The machine form of a diff (`--format jsonl`): a `diff` record naming both flows, the
/// `divergence` record when they part, one `pair` record per aligned row, then a `summary`.
/// Log text is redacted; every string is JSON-escaped.
public enum DiffJSONRenderer {
    /// The records of one diff, one JSON object per element.
    public static func records(_ diff: FlowDiff) -> [String] {
        var records = [header(diff)]
        if let index = diff.firstDivergence {
            records.append(row(diff, diff.pairs[index], type: "divergence"))
        }
        records += diff.pairs.map { row(diff, $0, type: "pair") }
        records.append(summary(diff))
        return records
    }

    /// A failing trace of `--failing` that had no healthy trace of its flow to compare with.
    public static func unmatched(_ flow: DiffFlow) -> String {
        var record = JSONObject()
        record.add("type", "unmatched")
        record.addRaw("flow", describe(flow))
        return record.closed
    }

    static func header(_ diff: FlowDiff) -> String {
        var record = JSONObject()
        record.add("type", "diff")
        record.addRaw("left", describe(diff.left))
        record.addRaw("right", describe(diff.right))
        return record.closed
    }

    static func describe(_ flow: DiffFlow) -> String {
        var object = JSONObject()
        object.add("file", flow.file)
        object.add("trace", flow.traceID)
        object.add("flow", flow.flowName)
        object.add("user", flow.user.map(SecretRedactor.redact))
        object.add("request", flow.request.map(SecretRedactor.redact))
        object.add("generation", flow.generation.map(SecretRedactor.redact))
        object.add("status", flow.status.name)
        object.add("steps", flow.steps.count)
        object.addRaw("lines", flow.lineSpan.map { "[\($0.lowerBound),\($0.upperBound)]" } ?? "null")
        return object.closed
    }

    static func row(_ diff: FlowDiff, _ pair: AlignedPair, type: String) -> String {
        let left = diff.leftStep(pair), right = diff.rightStep(pair)
        var record = JSONObject()
        record.add("type", type)
        record.add("kind", type == "divergence" && pair.kind == .same ? "timing" : pair.kind.rawValue)
        record.add("left_line", left?.line)
        record.add("right_line", right?.line)
        record.add("left", left.map { SecretRedactor.redact($0.message) })
        record.add("right", right.map { SecretRedactor.redact($0.message) })
        record.add("step", SecretRedactor.redact((left ?? right)?.template ?? ""))
        if pair.kind == .changed {
            record.addRaw("words", words(pair.words, left, right))
            record.add("left_status", left?.status.name)
            record.add("right_status", right?.status.name)
        }
        if !pair.minor.isEmpty { record.addRaw("minor", words(pair.minor, left, right)) }
        if pair.moved { record.addRaw("moved", "true") }
        if let timing = pair.timing {
            record.addRaw("timing", "{\"left_gap_ms\":\(timing.leftGap),\"right_gap_ms\":\(timing.rightGap)}")
        }
        return record.closed
    }

    /// The changed words, each redacted in its step's message (see ``WordChange/redacted(leftMessage:rightMessage:)``).
    static func words(_ changes: [WordChange], _ left: FlowStep?, _ right: FlowStep?) -> String {
        "[" + changes.map { change in
            let shown = change.redacted(leftMessage: left?.message ?? "", rightMessage: right?.message ?? "")
            var word = JSONObject()
            word.add("left", shown.left)
            word.add("right", shown.right)
            return word.closed
        }.joined(separator: ",") + "]"
    }

    static func summary(_ diff: FlowDiff) -> String {
        let counts = diff.summary
        var record = JSONObject()
        record.add("type", "summary")
        record.addRaw("match", counts.matches ? "true" : "false")
        record.add("alignment", diff.isApproximate ? "approximate" : "exact")
        record.add("left_steps", diff.left.steps.count)
        record.add("right_steps", diff.right.steps.count)
        record.add("same", counts.same)
        record.add("missing", counts.missing)
        record.add("extra", counts.extra)
        record.add("changed", counts.changed)
        record.add("changed_values", counts.changedValues)
        record.add("status_changes", counts.statusChanges)
        record.add("timing", counts.timing)
        record.add("reordered", counts.reordered)
        record.add("minor", counts.minor)
        record.addRaw("left_findings", findings(diff.left.findings))
        record.addRaw("right_findings", findings(diff.right.findings))
        return record.closed
    }

    static func findings(_ findings: [Finding]) -> String {
        "[" + findings.map { finding in
            var object = JSONObject()
            object.add("rule", finding.rule)
            object.add("severity", finding.severity.rawValue)
            object.add("trace", finding.trace)
            object.add("message", SecretRedactor.redact(finding.message))
            object.addRaw("lines", "[" + finding.lines.map(String.init).joined(separator: ",") + "]")
            return object.closed
        }.joined(separator: ",") + "]"
    }
}
