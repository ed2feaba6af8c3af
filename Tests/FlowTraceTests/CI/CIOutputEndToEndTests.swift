import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Reports written with `--output`, through the built binary: never over a file the run reads
/// (audit: the log was truncated and the scan exited 0), the text report of `check` in FILE, and
/// JUnit cases that agree with the exit code under `--min-severity`.
@Suite struct CIOutputEndToEndTests {
    private let directory: TemporaryDirectory
    private let log: String
    private let original: Data

    init() throws {
        directory = try TemporaryDirectory()
        log = directory.path("app.log")
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("failures/rls-insert-denied.log"), toPath: log)
        original = try Data(contentsOf: URL(fileURLWithPath: log))
    }

    private func logIsIntact() throws -> Bool { try Data(contentsOf: URL(fileURLWithPath: log)) == original }

    @Test func scanRefusesToWriteOverWhatItReads() throws {
        defer { directory.remove() }
        let baseline = directory.path("baseline.json")
        #expect(try BinaryRunner.run(["scan", "--write-baseline", baseline, log]).status == 0)
        let baselineText = try Data(contentsOf: URL(fileURLWithPath: baseline))
        try FileManager.default.createSymbolicLink(atPath: directory.path("link.log"), withDestinationPath: log)
        let clashes: [[String]] = [
            ["--format", "sarif", "--output", log, log],
            ["--format", "sarif", "--output", directory.url.path + "/./app.log", log],
            ["--format", "junit", "--output", directory.path("link.log"), log],
            ["--baseline", baseline, "--output", baseline, log],
            ["--write-baseline", directory.path("x.json"), "--output", directory.path("x.json"), log],
            ["--write-baseline", log, log],
        ]
        for arguments in clashes {
            let result = try BinaryRunner.run(["scan"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("is the same file as"), "\(arguments)")
            #expect(try logIsIntact())
            #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == baselineText)
            #expect(!FileManager.default.fileExists(atPath: directory.path("x.json")))
        }
        // Reading a baseline and rewriting it in place stays allowed.
        let rewrite = try BinaryRunner.run(["scan", "--baseline", baseline, "--write-baseline", baseline, log])
        #expect(rewrite.status == 0)
        #expect(rewrite.stderr.contains("2 finding(s) accepted by the baseline"))
    }

    @Test func checkRefusesToWriteOverAFixture() throws {
        defer { directory.remove() }
        #expect(try BinaryRunner.run(["check", "--update", directory.url.path]).status == 0)
        let expectation = directory.path("app.expect.yaml")
        let expected = try Data(contentsOf: URL(fileURLWithPath: expectation))
        for target in [log, expectation] {
            let result = try BinaryRunner.run(["check", "--format", "junit", "--output", target, directory.url.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("is the same file as"))
        }
        #expect(try logIsIntact())
        #expect(try Data(contentsOf: URL(fileURLWithPath: expectation)) == expected)
    }

    /// Audit: `check --output FILE` with the text format wrote nothing.
    @Test func checkWritesTheTextReportToItsOutput() throws {
        defer { directory.remove() }
        #expect(try BinaryRunner.run(["check", "--update", directory.url.path]).status == 0)
        let report = directory.path("check.txt")
        let result = try BinaryRunner.run(["check", "--color", "always", "--output", report, directory.url.path])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text == "PASS  \(log)\n1 passed, 0 failed\n")
        #expect(result.stdout.contains("1 passed, 0 failed"))
    }

    /// Audit: findings below `--min-severity` failed their JUnit case though the scan exited 0.
    @Test func junitFailsOnlyAtTheThreshold() throws {
        defer { directory.remove() }
        var rule = try String(contentsOfFile: BinaryRunner.packageRoot.appendingPathComponent("Rules/rules/rls-denial.yaml").path,
                              encoding: .utf8)
        rule = rule.replacingOccurrences(of: "id: rls-denial", with: "id: rls-denial-warning")
            .replacingOccurrences(of: "severity: error", with: "severity: warning")
        let ruleFile = directory.path("rls-denial-warning.yaml")
        try rule.write(toFile: ruleFile, atomically: true, encoding: .utf8)
        let arguments = ["scan", "--format", "junit", "--rules", ruleFile, "--only", "rls-denial-warning", log]
        let below = try BinaryRunner.run(arguments + ["--min-severity", "error"])
        #expect(below.status == 0)
        let xml = try XMLDocument(xmlString: below.stdout, options: [])
        #expect(try xml.nodes(forXPath: "//failure").isEmpty)
        #expect(xml.rootElement()?.attribute(forName: "failures")?.stringValue == "0")
        let output = try xml.nodes(forXPath: "//testcase[@name='rls-denial-warning']/system-out").first?.stringValue ?? ""
        #expect(output.contains("1 finding(s) below the failing severity (error)"))
        #expect(output.contains("rls-denial-warning (warning)"))
        // At the default threshold the same finding fails its case, as it fails the scan.
        let at = try BinaryRunner.run(arguments)
        #expect(at.status == 1)
        #expect(try XMLDocument(xmlString: at.stdout, options: []).nodes(forXPath: "//testcase[@name='rls-denial-warning']/failure").count == 1)
    }
}
