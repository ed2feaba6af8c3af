@testable import FlowTrace

/// Reads log text as a scan does (``LineParser`` with the built-in formats, line by line), correlates
/// it with the built-in configuration and judges each trace with the built-in rules as it closes:
/// for tests whose input is best written as the log an engineer would paste.
final class LogTextCorrelation {
    private(set) var traces: [Trace] = []
    private(set) var findings: [Finding] = []

    /// Correlates `log` (one line per line, numbered from 1) to its end.
    init(_ log: String) {
        let engine = RuleEngine(ruleSet: try! RuleSet.builtin())
        let correlator = Correlator(config: try! CorrelationConfig.builtin()) { [unowned self] trace in
            traces.append(trace)
            findings.append(contentsOf: engine.judge(trace))
        }
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        var offset: Int64 = 0
        for (index, line) in log.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBytes { raw in
                let event = parser.parse(RawLine(bytes: raw, number: index + 1, byteOffset: offset, fullLength: raw.count))
                parser.withText { correlator.ingest(event, text: $0) }
            }
            offset += Int64(bytes.count + 1)
        }
        correlator.finish()
    }

    /// The trace that names `request`.
    func trace(ofRequest request: String) -> Trace? {
        traces.first { $0.requestText == request }
    }

    /// The trace that holds line `line`.
    func trace(withLine line: Int) -> Trace? {
        traces.first { $0.lineNumbers.contains(line) }
    }

    /// Each trace's line numbers, ordered by their first line.
    var lineGroups: [[Int]] {
        traces.map(\.lineNumbers).sorted { ($0.first ?? 0) < ($1.first ?? 0) }
    }
}
