import Foundation
import Testing

/// Correlation on the samples, scored against their truth files, and stable across layouts and
/// encodings of the same requests.
@Suite struct CorrelationEndToEndTests {
    /// The share of tagged lines whose trace's majority request is their own request (lines of
    /// no request, `-` in the truth file, are neither scored nor counted in majorities), as
    /// `Benchmarks/score.py` counts it.
    private func taggedAccuracy(log: String, truth: String) throws -> Double {
        var request: [Int: String] = [:]
        var tagged = Set<Int>()
        for row in try String(contentsOfFile: BinaryRunner.sample(truth), encoding: .utf8).split(separator: "\n") {
            let fields = row.split(separator: " ")
            guard fields.count == 3, let line = Int(fields[0]) else { continue }
            guard fields[1] != "-" else { continue }
            request[line] = String(fields[1])
            if fields[2] == "1" { tagged.insert(line) }
        }
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", BinaryRunner.sample(log)])
        var right = 0
        for trace in result.records(ofType: "trace") {
            let lines = trace["lines"] as? [Int] ?? []
            let counts = Dictionary(grouping: lines.compactMap { request[$0] }, by: { $0 }).mapValues(\.count)
            guard let majority = counts.max(by: { $0.value < $1.value })?.key else { continue }
            right += lines.filter { tagged.contains($0) && request[$0] == majority }.count
        }
        return Double(right) / Double(tagged.count)
    }

    @Test func incidentLinesAllLandInTheirRequestsTrace() throws {
        let accuracy = try taggedAccuracy(log: "incident-000/balance-works-generation-fails.log",
                                          truth: "incident-000/balance-works-generation-fails.truth")
        #expect(accuracy == 1.0)
    }

    /// 17 requests of 8 users, 10 in flight, same users overlapping: a few guesses are unavoidable
    /// (two new requests of the same kind awaiting the same authentication call).
    @Test func interleavedRequestsAreSeparated() throws {
        let accuracy = try taggedAccuracy(log: "interleaved/multi-user.log", truth: "interleaved/multi-user.truth")
        #expect(accuracy >= 0.95)
    }

    /// The traces of a file and their findings, reduced to what must not depend on layout or encoding.
    private func shape(of sample: String) throws -> [String] {
        let result = try BinaryRunner.run(["scan", "--format", "jsonl", "--traces", BinaryRunner.sample(sample)])
        #expect(result.status != 2)
        let findings = Dictionary(grouping: result.records(ofType: "finding"), by: { $0["trace"] as? String ?? "" })
        return result.records(ofType: "trace").map { trace in
            let entities = trace["entities"] as? [String: Any] ?? [:]
            let rules = (findings[trace["id"] as? String ?? ""] ?? []).compactMap { $0["rule"] as? String }.sorted()
            return "\(trace["flow"] as? String ?? "-") \(entities["user"] as? String ?? "-") "
                + "\(trace["status"] as? String ?? "-") [\(rules.joined(separator: ","))] \((trace["lines"] as? [Int] ?? []).count)"
        }.sorted()
    }

    @Test(arguments: ["mojibake/cp1252.log", "mojibake/cp1254.log", "mojibake/macroman.log"])
    func mojibakeGivesTheSameTracesAsCleanText(_ sample: String) throws {
        let clean = try shape(of: "mojibake/clean.log")
        #expect(clean.count == 2)
        #expect(try shape(of: sample) == clean)
    }

    @Test(arguments: [
        "formats/console-ansi.log", "formats/python-default.log", "formats/json-lines.jsonl",
        "formats/request-tracking.log", "formats/crlf.log", "gzip/actually-gzip.log",
    ])
    func everyLayoutGivesTheSameTraces(_ sample: String) throws {
        let reference = try shape(of: "formats/basic-config.log")
        #expect(reference.count == 3)
        #expect(try shape(of: sample) == reference)
    }

    /// Bare ticket text has no access lines, the CRI file splits one line in two: same requests,
    /// same outcomes.
    @Test(arguments: ["formats/bare-ticket.txt", "formats/cri-container.log"])
    func layoutsWithOtherLineCountsGiveTheSameRequests(_ sample: String) throws {
        let strip = { (shape: [String]) in shape.map { $0.split(separator: " ").dropLast().joined(separator: " ") } }
        #expect(strip(try shape(of: sample)) == strip(try shape(of: "formats/basic-config.log")))
    }

    @Test func workingAndFailingFlowsReadTheSameFromJSONAndText() throws {
        for flow in ["working-flow", "failing-flow"] {
            #expect(try shape(of: "incident-000/\(flow).jsonl") == shape(of: "incident-000/\(flow).log"))
        }
    }
}
