import Foundation
import Testing

/// `flowtrace check` on awkward fixtures, through the built binary: a token logged as an id
/// (audit: printed and recorded raw), fixtures that cannot be opened (audit: `--update` recorded
/// them as passing forever), and one fixture named twice (audit: run twice).
@Suite struct CheckFixturesEndToEndTests {
    private let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.abcDEFghiJKLmnoPQRstuVWxyz012345"

    /// Seed 000's failing flow with its request id replaced by a JWT.
    private func tokenFixture(in directory: TemporaryDirectory) throws -> String {
        let text = try String(contentsOfFile: BinaryRunner.sample("incident-000/failing-flow.jsonl"), encoding: .utf8)
        let path = directory.path("jwtreq.jsonl")
        try text.replacingOccurrences(of: "3e1c26d3-23ef-423e-a848-f808f54d35bf", with: jwt)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aTokenInAnEntityIsNeverPrintedOrRecorded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try tokenFixture(in: directory)
        try "findings: []\n".write(toFile: directory.path("jwtreq.expect.yaml"), atomically: true, encoding: .utf8)
        let failed = try BinaryRunner.run(["check", "--color", "never", directory.url.path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("request [REDACTED:jwt]"))
        #expect(!failed.stdout.contains("eyJhbGci"))

        #expect(try BinaryRunner.run(["check", "--update", directory.url.path]).status == 0)
        let expectation = try String(contentsOfFile: directory.path("jwtreq.expect.yaml"), encoding: .utf8)
        #expect(expectation.contains("request: \"[REDACTED:jwt]\""))
        #expect(!expectation.contains("eyJhbGci"))
        #expect(try BinaryRunner.run(["check", directory.url.path]).status == 0)

        let baseline = directory.path("baseline.json")
        #expect(try BinaryRunner.run(["scan", "--write-baseline", baseline, log]).status == 0)
        #expect(!(try String(contentsOfFile: baseline, encoding: .utf8)).contains("eyJhbGci"))
        #expect(try BinaryRunner.run(["scan", "--baseline", baseline, log]).status == 0)
    }

    @Test(arguments: ["folder", "broken link"])
    func updateRefusesAFixtureThatCannotBeOpened(_ kind: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("healthy/retry-after-503.log"), toPath: directory.path("ok.log"))
        let bad = directory.path("bad.log")
        if kind == "folder" {
            try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: false)
        } else {
            try FileManager.default.createSymbolicLink(atPath: bad, withDestinationPath: directory.path("gone.log"))
        }
        let result = try BinaryRunner.run(["check", "--update", directory.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(bad))
        #expect(!FileManager.default.fileExists(atPath: directory.path("bad.expect.yaml")))
    }

    @Test func aFixtureNamedTwiceRunsOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: BinaryRunner.sample("healthy/retry-after-503.log"), toPath: directory.path("ok.log"))
        #expect(try BinaryRunner.run(["check", "--update", directory.url.path]).status == 0)
        let folder = directory.url.lastPathComponent
        let result = try BinaryRunner.run(["check", "--color", "never", directory.url.path, directory.url.path + "/",
                                           directory.url.path + "/../\(folder)", directory.path("ok.log")])
        #expect(result.status == 0)
        #expect(result.stdout == "PASS  \(directory.path("ok.log"))\n1 passed, 0 failed\n")
    }
}
