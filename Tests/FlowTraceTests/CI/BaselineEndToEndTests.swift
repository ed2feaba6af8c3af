import FlowTrace
import Foundation
import Testing

/// `scan --write-baseline` then `scan --baseline` through the built binary: accepted findings stay
/// accepted when the log changes around them, and only new ones fail.
@Suite struct BaselineEndToEndTests {
    private let directory: TemporaryDirectory
    private let log: String
    private let baseline: String

    init() throws {
        directory = try TemporaryDirectory()
        log = directory.path("app.log")
        baseline = directory.path("baseline.json")
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("failures/service-key-rejected.log"), toPath: log)
    }

    private func scan(_ extra: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["scan", "--format", "jsonl"] + extra + [log])
    }

    private func findings(_ result: BinaryRunner.Result) -> [String] {
        result.records(ofType: "finding").map { record in
            let user = (record["entities"] as? [String: Any])?["user"] as? String ?? "-"
            return "\(record["rule"] as? String ?? "?") \(user.prefix(8))"
        }.sorted()
    }

    private func recordBaseline() throws {
        let written = try scan(["--write-baseline", baseline])
        #expect(written.status == 0)
        #expect(findings(written) == ["service-key-rejected 22cb3917", "service-key-rejected c41a9e07"])
        let recorded = try Baseline.load(path: baseline)
        #expect(recorded.findings.map(\.rule) == ["service-key-rejected", "service-key-rejected"])
        #expect(recorded.findings.allSatisfy { $0.fingerprint.hasPrefix("v1:") })
        // The JSON lines findings carry the same fingerprints.
        let fingerprints = written.records(ofType: "finding").compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.sorted() == recorded.findings.map(\.fingerprint).sorted())
    }

    @Test func acceptedFindingsPass() throws {
        defer { directory.remove() }
        try recordBaseline()
        let again = try scan(["--baseline", baseline])
        #expect(again.status == 0)
        #expect(findings(again) == [])
        #expect(again.stderr.contains("2 finding(s) accepted by the baseline, 0 new"))
        // Without the baseline the same log still fails: the baseline is what made it pass.
        #expect(try scan([]).status == 1)
    }

    @Test func onlyANewFailingRequestFails() throws {
        defer { directory.remove() }
        try recordBaseline()
        var text = try String(contentsOfFile: log, encoding: .utf8)
        text += try String(contentsOfFile: BinaryRunner.sample("failures/rls-insert-denied.log"), encoding: .utf8)
        try text.write(toFile: log, atomically: true, encoding: .utf8)
        let result = try scan(["--baseline", baseline])
        #expect(result.status == 1)
        #expect(findings(result) == ["anon-client-fallback e8b2c6d4", "rls-denial e8b2c6d4"])
    }

    @Test func survivesShiftedLineNumbers() throws {
        defer { directory.remove() }
        try recordBaseline()
        let before = try scan([]).records(ofType: "finding").compactMap { $0["lines"] as? [Int] }
        let unrelated = (0..<40).map { "2025-08-02 06:00:\(String(format: "%02d", $0)),000 - uvicorn.error - INFO - Started server process [\(1000 + $0)]\n" }
        let text = unrelated.joined() + (try String(contentsOfFile: log, encoding: .utf8))
        try text.write(toFile: log, atomically: true, encoding: .utf8)
        let shifted = try scan([])
        #expect(shifted.records(ofType: "finding").compactMap { $0["lines"] as? [Int] } == before.map { $0.map { $0 + 40 } })
        let result = try scan(["--baseline", baseline])
        #expect(result.status == 0)
        #expect(findings(result) == [])
    }

    @Test func missingBaselineIsAnInputError() throws {
        defer { directory.remove() }
        let result = try scan(["--baseline", directory.path("nope.json")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read the baseline file"))
    }

    /// Audit: a JWT logged as the request id must not be written raw into the baseline, and the
    /// redacted baseline must still accept the same findings.
    @Test func aTokenAsRequestIdIsWrittenRedactedAndStillAccepted() throws {
        defer { directory.remove() }
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.abcDEFghiJKLmnoPQRstuVWxyz012345"
        let source = try String(contentsOfFile: BinaryRunner.sample("regressions/formats/json-lines.jsonl"), encoding: .utf8)
        let text = source.replacingOccurrences(of: "3e1c26d3-23ef-423e-a848-f808f54d35bf", with: jwt)
        #expect(text.contains(jwt))
        let tokens = directory.path("tokens.jsonl")
        try text.write(toFile: tokens, atomically: true, encoding: .utf8)
        let written = try BinaryRunner.run(["scan", "--format", "jsonl", "--write-baseline", baseline, tokens])
        #expect(written.status == 0, "\(written.stderr)")
        let requests = written.records(ofType: "finding").compactMap { ($0["entities"] as? [String: Any])?["request"] as? String }
        #expect(requests.count == 3 && requests.allSatisfy { $0 == "[REDACTED:jwt]" })
        let file = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(!file.contains("eyJ"), "\(file)")
        #expect(try Baseline.load(path: baseline).findings.map(\.request) == Array(repeating: "[REDACTED:jwt]", count: 3))
        let again = try BinaryRunner.run(["scan", "--format", "jsonl", "--baseline", baseline, tokens])
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.records(ofType: "finding").isEmpty)
        #expect(again.stderr.contains("3 finding(s) accepted by the baseline, 0 new"))
        #expect(try BinaryRunner.run(["scan", tokens]).status == 1)
    }
}
