import FlowTrace
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `scan --format junit` through the built binary, parsed with Foundation's XMLDocument: a test
/// case per rule, failing with the findings, and markup in log lines kept as text.
@Suite struct JUnitReporterTests {
    private func document(_ arguments: [String]) throws -> (Int32, XMLDocument) {
        let result = try BinaryRunner.run(["scan", "--format", "junit"] + arguments)
        return (result.status, try XMLDocument(xmlString: result.stdout, options: []))
    }

    @Test func aTestCasePerRuleAndAFailurePerRuleThatFound() throws {
        let (status, xml) = try document([BinaryRunner.sample("failures/rls-insert-denied.log")])
        #expect(status == 1)
        let cases = try xml.nodes(forXPath: "/testsuites/testsuite/testcase").compactMap { $0 as? XMLElement }
        let ruleIDs = try RuleSet.builtin().rules.map(\.id)
        #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue } == ruleIDs)
        let failing = cases.filter { !$0.elements(forName: "failure").isEmpty }
        #expect(failing.compactMap { $0.attribute(forName: "name")?.stringValue } == ["anon-client-fallback", "rls-denial"])
        let text = failing.first?.elements(forName: "failure").first?.stringValue ?? ""
        #expect(text.contains("Using ANON client for insert on users"))
        let suite = try #require(xml.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "failures")?.stringValue == "2")
        #expect(suite.attribute(forName: "tests")?.stringValue == "6")
    }

    @Test func healthyInputPassesEveryCase() throws {
        let (status, xml) = try document([BinaryRunner.sample("healthy/retry-after-503.log")])
        #expect(status == 0)
        #expect(try xml.nodes(forXPath: "//failure").isEmpty)
        #expect(try xml.nodes(forXPath: "//testcase").count == 6)
    }

    @Test func hostileEvidenceIsEscapedAndRedacted() throws {
        let (_, xml) = try document([try HostileLog.write()])
        let failure = try #require(try xml.nodes(forXPath: "//testcase[@name='rls-denial']/failure").first)
        let text = failure.stringValue ?? ""
        #expect(text.contains(HostileLog.markup))
        #expect(!text.contains(HostileLog.jwt))
        #expect(!text.contains(HostileLog.bearer))
        #expect(text.contains("[REDACTED:jwt]"))
        #expect(try xml.nodes(forXPath: "//testcase").count == 6)
    }

    @Test func inputErrorIsAnErrorCase() throws {
        let (status, xml) = try document([BinaryRunner.sample("gzip/truncated.log.gz")])
        #expect(status == 2)
        let errors = try xml.nodes(forXPath: "//testcase[@name='read input']/error")
        #expect(errors.count == 1)
    }
}
