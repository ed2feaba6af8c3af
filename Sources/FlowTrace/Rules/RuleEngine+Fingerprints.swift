extension RuleEngine {
    /// ``judge(_:)``, with each finding's ``Finding/fingerprint`` computed from the trace's
    /// evidence lines (the only place their text is still at hand).
    public func judgeWithFingerprints(_ trace: Trace) -> [Finding] {
        judge(trace).map { finding in
            // A cross-trace finding about a trace closed earlier came with its own.
            guard finding.fingerprint == nil else { return finding }
            var finding = finding
            finding.fingerprint = FindingFingerprint.compute(finding, evidence: trace.evidence(lines: finding.lines))
            return finding
        }
    }
}
