/// Applies a ``Baseline`` during a scan: each accepted fingerprint accepts as many findings as it
/// was recorded for; what is left over is new. When asked to, also records every finding it sees,
/// for `--write-baseline`.
public final class BaselineFilter {
    private var remaining: [String: Int] = [:]
    private let recording: Bool
    /// Every finding seen (accepted or not) when recording, for writing a new baseline.
    public private(set) var recorded: [Baseline.Entry] = []
    /// How many findings the baseline accepted so far.
    public private(set) var acceptedCount = 0
    /// How many findings were new (not accepted) so far.
    public private(set) var newCount = 0

    /// A filter accepting the findings of `baseline` (none when nil), recording what it sees when
    /// `recording`.
    public init(baseline: Baseline?, recording: Bool) {
        self.recording = recording
        for entry in baseline?.findings ?? [] { remaining[entry.fingerprint, default: 0] += 1 }
    }

    /// The findings of `file` that the baseline does not accept.
    public func newFindings(_ findings: [Finding], file: String) -> [Finding] {
        findings.filter { finding in
            if recording { recorded.append(Baseline.Entry(finding, file: file)) }
            guard let fingerprint = finding.fingerprint, let count = remaining[fingerprint], count > 0 else {
                newCount += 1
                return true
            }
            remaining[fingerprint] = count - 1
            acceptedCount += 1
            return false
        }
    }

    /// A baseline of every finding recorded.
    public var baseline: Baseline { Baseline(findings: recorded) }
}
