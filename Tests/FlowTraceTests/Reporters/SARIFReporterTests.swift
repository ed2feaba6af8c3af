import FlowTrace
import Foundation
import Testing

/// `scan --format sarif` through the built binary: decoded with the typed model and compared by
/// structure, and validated against the published SARIF 2.1.0 schema.
@Suite struct SARIFReporterTests {
    private func sarif(_ arguments: [String]) throws -> (BinaryRunner.Result, SARIFLog, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString).sarif").path
        let result = try BinaryRunner.run(["scan", "--format", "sarif", "--output", path, "--color", "never"] + arguments)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return (result, try JSONDecoder().decode(SARIFLog.self, from: data), path)
    }

    @Test func incidentHasRulesResultsLocationsAndFingerprints() throws {
        let (result, log, _) = try sarif([BinaryRunner.sample("incident-000/balance-works-generation-fails.log")])
        #expect(result.status == 1)
        // The human report still goes to the terminal.
        #expect(result.stdout.contains("3 findings"))
        #expect(log.version == "2.1.0")
        let run = try #require(log.runs.first)
        #expect(run.tool.driver.name == "flowtrace")
        let ruleIDs = run.tool.driver.rules.map(\.id)
        let builtin = try RuleSet.builtin().rules.map(\.id)
        #expect(ruleIDs == builtin)
        let descriptor = try #require(run.tool.driver.rules.first { $0.id == "anon-client-fallback" })
        #expect(descriptor.name == "AnonClientFallback")
        #expect(descriptor.help.text.contains("use_service_key=True"))
        #expect(descriptor.defaultConfiguration.level == "error")
        #expect(run.results.map(\.ruleId).sorted() == ["anon-client-fallback", "rls-denial", "user-not-found-despite-balance"])
        let anon = try #require(run.results.first { $0.ruleId == "anon-client-fallback" })
        #expect(ruleIDs[anon.ruleIndex] == "anon-client-fallback")
        let location = try #require(anon.locations.first?.physicalLocation)
        #expect(location.artifactLocation.uri.hasSuffix("incident-000/balance-works-generation-fails.log"))
        #expect(location.region?.startLine == 111)
        #expect(location.region?.snippet?.text.contains("Using ANON client for select on users") == true)
        #expect(anon.relatedLocations?.compactMap { $0.physicalLocation.region?.startLine } == [115, 119])
        for result in run.results {
            #expect(result.partialFingerprints?[SARIFReporter.fingerprintKey]?.hasPrefix("v1:") == true)
        }
        #expect(Set(run.results.compactMap { $0.partialFingerprints?[SARIFReporter.fingerprintKey] }).count == 3)
    }

    @Test(.enabled(if: SARIFSchemaValidator.isAvailable, "needs python3 with jsonschema and ../shared/schemas"),
          arguments: ["incident-000/balance-works-generation-fails.log", "healthy/retry-after-503.log", "gzip/truncated.log.gz"])
    func validatesAgainstTheSchema(_ sample: String) throws {
        let (_, _, path) = try sarif([BinaryRunner.sample(sample)])
        #expect(try SARIFSchemaValidator.violations(ofFileAt: path) == [])
    }

    @Test(.enabled(if: SARIFSchemaValidator.isAvailable, "needs python3 with jsonschema and ../shared/schemas"))
    func hostileEvidenceStaysValidSARIF() throws {
        let (_, log, path) = try sarif([try HostileLog.write()])
        #expect(try SARIFSchemaValidator.violations(ofFileAt: path) == [])
        let result = try #require(log.runs.first?.results.first { $0.ruleId == "rls-denial" })
        let snippet = try #require(result.locations.first?.physicalLocation.region?.snippet?.text)
        #expect(snippet.contains(HostileLog.markup))
        #expect(!snippet.contains(HostileLog.jwt))
        #expect(snippet.contains("[REDACTED:jwt]"))
        #expect(!snippet.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    /// The validator is not vacuous: a log that breaks the schema is reported.
    @Test(.enabled(if: SARIFSchemaValidator.isAvailable, "needs python3 with jsonschema and ../shared/schemas"))
    func validatorRejectsAnInvalidLevel() throws {
        let (_, log, path) = try sarif([BinaryRunner.sample("failures/rls-insert-denied.log")])
        var broken = log
        broken.runs[0].results[0].level = "fatal"
        try JSONEncoder().encode(broken).write(to: URL(fileURLWithPath: path))
        let violations = try SARIFSchemaValidator.violations(ofFileAt: path)
        #expect(violations.contains { $0.contains("fatal") })
    }
}
