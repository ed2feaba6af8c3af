import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `flowtrace check` through the built binary: the project's own regression fixtures, and the
/// pass, fail, missing-expectation and `--update` paths on fixtures made for the test.
@Suite struct CheckEndToEndTests {
    private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func everyRegressionFixturePasses() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("Samples/regressions").path
        let expectations = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".expect.yaml") }
        #expect(expectations.count >= 20)
        let result = try BinaryRunner.run(["check", "--color", "never", folder])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let output = lines(result.stdout)
        #expect(output.last == "\(expectations.count) passed, 0 failed")
        #expect(output.dropLast().allSatisfy { $0.hasPrefix("PASS  ") })
    }

    private func fixtures() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("failures/rls-insert-denied.log"),
                                         toPath: directory.path("denied.log"))
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("healthy/retry-after-503.log"),
                                         toPath: directory.path("healthy.log"))
        return directory
    }

    @Test func missingExpectationFailsTheFixture() throws {
        let directory = try fixtures()
        defer { directory.remove() }
        let result = try BinaryRunner.run(["check", "--color", "never", directory.url.path])
        #expect(result.status == 1)
        #expect(lines(result.stdout).last == "0 passed, 2 failed")
        #expect(result.stdout.contains("FAIL  \(directory.path("denied.log"))"))
        #expect(result.stdout.contains("missing — run `flowtrace check --update`"))
    }

    @Test func updateThenCheckPassesAndAChangedExpectationFails() throws {
        let directory = try fixtures()
        defer { directory.remove() }
        let update = try BinaryRunner.run(["check", "--update", directory.url.path])
        #expect(update.status == 0)
        #expect(lines(update.stdout).last == "2 written, 0 unchanged")
        let healthy = try String(contentsOfFile: directory.path("healthy.expect.yaml"), encoding: .utf8)
        #expect(healthy.contains("findings: []"))
        let passed = try BinaryRunner.run(["check", "--color", "never", directory.url.path])
        #expect(passed.status == 0)
        #expect(lines(passed.stdout).last == "2 passed, 0 failed")
        #expect(lines(try BinaryRunner.run(["check", "--update", directory.url.path]).stdout).last == "0 written, 2 unchanged")

        // Pin other evidence lines and drop the rls-denial entry: two differences, both shown.
        var denied = try String(contentsOfFile: directory.path("denied.expect.yaml"), encoding: .utf8)
        denied = denied.replacingOccurrences(of: "lines: [18, 22]", with: "lines: [18, 21]")
        let cut = try #require(denied.range(of: "  # insert on users"))
        denied = String(denied[..<cut.lowerBound])
        try denied.write(toFile: directory.path("denied.expect.yaml"), atomically: true, encoding: .utf8)
        let failed = try BinaryRunner.run(["check", "--color", "never", directory.url.path])
        #expect(failed.status == 1)
        #expect(lines(failed.stdout).last == "1 passed, 1 failed")
        #expect(failed.stdout.contains("expected: 1 finding, lines 18, 21"))
        #expect(failed.stdout.contains("actual:   1 finding, lines 18, 22: profile of user"))
        #expect(failed.stdout.contains("✗ rls-denial user e8b2c6d4-91a7-4f3e-b052-3c7d9e1a4f68"))
        #expect(failed.stdout.contains("expected: none"))

        let report = directory.path("check.xml")
        let junit = try BinaryRunner.run(["check", "--format", "junit", "--output", report, directory.url.path])
        #expect(junit.status == 1)
        let xml = try XMLDocument(contentsOf: URL(fileURLWithPath: report), options: [])
        let cases = try xml.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue } == ["denied.log", "healthy.log"])
        #expect(try xml.nodes(forXPath: "//testcase[@name='denied.log']/failure").count == 1)
        #expect(try xml.nodes(forXPath: "//testcase[@name='healthy.log']/failure").isEmpty)
    }

    @Test func junitOnStandardOutputMovesTheHumanReportToStandardError() throws {
        let directory = try fixtures()
        defer { directory.remove() }
        _ = try BinaryRunner.run(["check", "--update", directory.url.path])
        let result = try BinaryRunner.run(["check", "--format", "junit", directory.url.path])
        #expect(result.status == 0)
        let xml = try XMLDocument(xmlString: result.stdout, options: [])
        #expect(try xml.nodes(forXPath: "//testcase").count == 2)
        #expect(try xml.nodes(forXPath: "//failure").isEmpty)
        #expect(lines(result.stderr).last == "2 passed, 0 failed")
    }

    @Test func invalidExpectationFailsWithItsLocation() throws {
        let directory = try fixtures()
        defer { directory.remove() }
        _ = try BinaryRunner.run(["check", "--update", directory.url.path])
        try "findings: []\ncout: 2\n".write(toFile: directory.path("healthy.expect.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["check", "--color", "never", directory.url.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("healthy.expect.yaml:2:1: unknown key 'cout'"))
    }

    @Test func noFixturesOrNoFolderIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = try BinaryRunner.run(["check", directory.url.path])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no fixtures"))
        #expect(try BinaryRunner.run(["check", directory.path("missing")]).status == 2)
        #expect(try BinaryRunner.run(["check"]).status == 2)
    }
}
