import FlowTrace

/// What `flowtrace scan` does with baselines after the last input: writes `--write-baseline` and
/// says on standard error how many findings the baseline accepted.
enum BaselineNotes {
    static func finish(_ filter: BaselineFilter, accepting baseline: String?, writingTo path: String?) throws {
        if baseline != nil {
            FileHandleOutput.standardError("flowtrace: \(filter.acceptedCount) finding(s) accepted by the baseline, "
                + "\(filter.newCount) new\n")
        }
        if let path {
            try filter.baseline.write(to: path)
            FileHandleOutput.standardError("flowtrace: wrote \(filter.recorded.count) finding(s) to the baseline \(TerminalText.sanitize(RawPath.display(path)))\n")
        }
    }
}
