import FlowTrace
import Foundation
import Testing

/// Audit: `--output` truncated a file the run still needed. Every spelling of one file clashes; a
/// device output or another file does not.
@Suite struct OutputClashTests {
    @Test func everySpellingOfOneFileClashes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try directory.write(Array("line\n".utf8), to: "app.log")
        try FileManager.default.createSymbolicLink(atPath: directory.path("link.log"), withDestinationPath: log)
        try FileManager.default.linkItem(atPath: log, toPath: directory.path("hard.log"))
        let folder = directory.url.lastPathComponent
        for spelling in [log, directory.path("link.log"), directory.path("hard.log"),
                         directory.url.path + "/./app.log", directory.url.path + "/../\(folder)/app.log"] {
            let error = try #require(throws: FlowTraceError.self) {
                try OutputClash.check(.init("--output", spelling), against: [.init("the input log", log)])
            }
            #expect(error.code == .usage)
            #expect(error.message.contains(spelling) && error.message.contains(log))
        }
    }

    @Test func filesNotYetWrittenClashByPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.url.lastPathComponent
        #expect(throws: FlowTraceError.self) {
            try OutputClash.check(.init("--output", directory.path("x.json")),
                                  against: [.init("--write-baseline", directory.url.path + "/../\(folder)/x.json")])
        }
    }

    @Test func otherFilesAndDevicesDoNotClash() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try directory.write(Array("line\n".utf8), to: "app.log")
        try OutputClash.check(.init("--output", directory.path("report.xml")), against: [.init("the input log", log)])
        try OutputClash.check(.init("--output", "/dev/null"), against: [.init("the input log", "/dev/null")])
        try OutputClash.check(.init("--output", directory.path("report.xml")), against: [.init("the input log", "-")])
    }
}
