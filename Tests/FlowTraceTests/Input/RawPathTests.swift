import Foundation
import Testing
@testable import FlowTrace

/// Audit: a file name that is not UTF-8 (`log-\xff.txt`) could not be opened, because Swift
/// repairs such an argument to U+FFFD. ``RawPath`` carries its bytes; reports show them as `\xNN`.
@Suite struct RawPathTests {
    private func string(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { RawPath.string($0) } }

    @Test func invalidBytesRoundTrip() {
        let name: [UInt8] = Array("log-".utf8) + [0xFF] + Array(".txt".utf8)
        let text = string(name)
        #expect(RawPath.bytes(text) == name)
        #expect(RawPath.display(text) == "log-\\xff.txt")
        #expect(!text.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test func validNamesAreUnchanged() {
        for name in ["app.log", "журнал-🔍.log", "a b/c.log.gz"] {
            #expect(string(Array(name.utf8)) == name)
            #expect(RawPath.bytes(name) == Array(name.utf8))
            #expect(RawPath.display(name) == name)
        }
    }

    /// A valid name holding one of the scalars that carry bytes is carried byte by byte, so that
    /// no name can be mistaken for another.
    @Test func theCarryingScalarsThemselvesRoundTrip() {
        let name = Array("x-\u{10FFFF}-\u{10FF80}".utf8)
        #expect(RawPath.bytes(string(name)) == name)
        #expect(RawPath.display(string(name)) == "x-\\xf4\\x8f\\xbf\\xbf-\\xf4\\x8f\\xbe\\x80")
    }

    @Test func randomBytesRoundTrip() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let bytes = (0..<Int(generator.next() % 24)).map { _ in UInt8(truncatingIfNeeded: generator.next()) | (generator.next() % 3 == 0 ? 0x80 : 0) }
            let nonZero = bytes.map { $0 == 0 ? 1 : $0 }
            #expect(RawPath.bytes(string(nonZero)) == nonZero, "\(nonZero)")
        }
    }

    @Test func aFileWithSuchANameIsReadAndNamedEscaped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.sample("failures/service-key-rejected.log")))
        let path = string(Array(directory.path("bad-").utf8) + [0xFF] + Array(".log".utf8))
        let fd = RawPath.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        #expect(fd >= 0)
        _ = log.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let shown = directory.path("bad-") + "\\xff.log"

        let bad = #"$0 "$@" "$(printf '%s/bad-\377.log' "$DIR")""#
        let scan = try BinaryRunner.run(shell: "DIR=\"$1\"; shift; " + bad, [directory.url.path, "scan", "--format", "jsonl"])
        #expect(scan.status == 1, "\(scan.stderr)")
        let summary = try #require(scan.records(ofType: "summary").first)
        #expect(summary["file"] as? String == shown)
        #expect(summary["lines_read"] as? Int == 48 && summary["error"] is NSNull)
        #expect(scan.records(ofType: "finding").count == 2)

        let parse = try BinaryRunner.run(shell: "DIR=\"$1\"; shift; " + bad, [directory.url.path, "parse"])
        #expect(parse.status == 0, "\(parse.stderr)")
        #expect(parse.records.count == 48 && parse.records.first?["file"] as? String == shown)

        let diff = try BinaryRunner.run(shell: "DIR=\"$1\"; shift; F=\"$(printf '%s/bad-\\377.log' \"$DIR\")\"; $0 diff \"$F\" \"$F\"",
                                        [directory.url.path])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stderr.contains(shown + " holds 2 requests"), "\(diff.stderr)")

        let missing = try BinaryRunner.run(shell: #"$0 scan "$(printf '%s/nope-\376.log' "$1")""#, [directory.url.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(directory.path("nope-") + "\\xfe.log: cannot open the file: No such file"), "\(missing.stderr)")
        for output in [scan.stdout, parse.stdout, diff.stdout, diff.stderr, missing.stdout, missing.stderr] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{FFFD}" || $0.value >= 0x10FF80 })
        }
    }
}
