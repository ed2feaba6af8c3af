import FlowTrace
import Foundation
import Testing

/// Finding fixtures: which files are fixtures, where their expectation files are, and the usage
/// errors (two fixtures sharing an expectation file, nothing to check).
@Suite struct FixtureDiscoveryTests {
    @Test(arguments: [
        ("a/app.log", "a/app.expect.yaml"), ("a/app.log.gz", "a/app.expect.yaml"),
        ("b.jsonl", "b.expect.yaml"), ("c.jsonl.gz", "c.expect.yaml"),
    ])
    func expectationSitsBesideTheLog(_ log: String, _ expectation: String) {
        #expect(Fixture(logPath: log)?.expectationPath == expectation)
    }

    @Test func otherFilesAreNotFixtures() {
        #expect(Fixture(logPath: "notes.txt") == nil)
        #expect(Fixture(logPath: "app.expect.yaml") == nil)
    }

    @Test func discoversRecursivelyAndSorted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path("sub"), withIntermediateDirectories: true)
        for name in ["sub/b.log.gz", "a.jsonl", "README.md", "a2.expect.yaml"] { _ = try directory.write([], to: name) }
        let found = try Fixture.discover(in: [directory.url.path]).map { String($0.logPath.dropFirst(directory.url.path.count)) }
        #expect(found == ["/a.jsonl", "/sub/b.log.gz"])
    }

    @Test func sharedExpectationAndNoFixtureAreUsageErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: FlowTraceError.self) { try Fixture.discover(in: [directory.url.path]) }
        _ = try directory.write([], to: "app.log")
        _ = try directory.write([], to: "app.jsonl")
        let error = try #require(throws: FlowTraceError.self) { try Fixture.discover(in: [directory.url.path]) }
        #expect(error.code == .usage)
        #expect(error.message.contains("would share the expectation file"))
    }
}
