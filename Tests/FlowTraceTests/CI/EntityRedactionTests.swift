@testable import FlowTrace
import Testing

/// Audit: an entity value that is really a token (a JWT logged as `request_id`) was printed by the
/// `check` text report and written raw into baselines and expectation files.
@Suite struct EntityRedactionTests {
    private let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.abcDEFghiJKLmnoPQRstuVWxyz012345"
    private let user = "22cb3917-57f6-49c6-ac96-ec266570081b"

    private var finding: Finding {
        Finding(rule: "rls-denial", severity: .error, message: "denied", trace: "t1", user: user, request: jwt,
                generation: "password=hunter22", lines: [27, 28], fingerprint: "v1:abc")
    }

    @Test func baselineEntriesAreRedacted() throws {
        let entry = Baseline.Entry(finding, file: "app.log")
        #expect(entry.user == user)
        #expect(entry.request == "[REDACTED:jwt]")
        #expect(entry.generation == "password=[REDACTED]")
        let text = String(decoding: try Baseline(findings: [entry]).encoded(), as: UTF8.self)
        #expect(!text.contains("eyJhbGci") && !text.contains("hunter22"))
    }

    @Test func expectationFilesAreRedactedAndStillMatch() throws {
        let expectation = Expectation(snapshotOf: [finding], inputError: nil)
        let yaml = expectation.yaml(fixture: "x.log")
        #expect(!yaml.contains("eyJhbGci") && !yaml.contains("hunter22"))
        let read = try Expectation(yaml: yaml, file: "x.expect.yaml")
        #expect(FixtureOutcome.compare([finding], with: read.findings).isEmpty)
    }

    @Test func checkTextReportIsRedacted() {
        let fixture = Fixture(logPath: "x.log")!
        let outcome = FixtureOutcome(fixture: fixture, findings: [finding], inputError: nil,
                                     expectation: Expectation(findings: []))
        #expect(!outcome.passed)
        let text = outcome.text(palette: Palette(enabled: false))
        #expect(text.contains("request [REDACTED:jwt]"))
        #expect(!text.contains("eyJhbGci") && !text.contains("hunter22"))
        let details = outcome.junitCase.failure?.details ?? ""
        #expect(!details.contains("eyJhbGci"))
        // An older expectation file holding the raw token: the unmet entry is shown redacted too.
        let old = FixtureOutcome(fixture: fixture, findings: [], inputError: nil,
                                 expectation: Expectation(findings: [Expectation.Entry(rule: "rls-denial", request: jwt)]))
        #expect(!old.text(palette: Palette(enabled: false)).contains("eyJhbGci"))
    }
}
