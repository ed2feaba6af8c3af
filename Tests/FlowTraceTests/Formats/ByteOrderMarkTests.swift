import Foundation
import Testing
@testable import FlowTrace

/// M4: a UTF-8 byte order mark before a line (a file's first line, or every file's after `cat`)
/// is not part of it.
@Suite struct ByteOrderMarkTests {
    static let bom = "\u{FEFF}"

    @Test(arguments: [
        "{\"message\": \"❌ [DB] bom line\", \"level\": \"error\"}",
        "2025-08-02 07:07:57,123 - x - ERROR - ❌ [DB] bom",
        "07:07:57 | ERROR | x | ❌ [DB] bom",
        "ERROR:x:❌ [DB] bom",
        "❌ [DB] bom",
        "2025-08-02T07:07:57.123456789Z stdout F ERROR:x:❌ [DB] bom",
    ])
    func m4ALineReadsAsWithoutTheMark(_ line: String) {
        var plain = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let expected = MessageMemoTests.parse(line, with: &plain)
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        // Offsets into the event text are the same: the mark is not copied.
        #expect(MessageMemoTests.parse(Self.bom + line, with: &parser) == expected)
        let event = parser.parse(string: Self.bom + line)
        #expect(event.status == .error)
        #expect(event.level == .error || event.layout == .bare)
        #expect(!parser.string(event.message).unicodeScalars.contains("\u{FEFF}"))
    }

    @Test func aMarkAfterAContainerPrefixIsSkippedToo() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "2025-08-02T07:07:57Z stdout F \(Self.bom){\"message\": \"x\", \"level\": \"warning\"}")
        #expect(event.layout == .json)
        #expect(event.level == .warning)
    }

    @Test(arguments: ["\u{FEFF}", "\u{FEFF}\r", "\u{FEFF}   "])
    func aLineOfOnlyAMarkIsEmpty(_ line: String) {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: line)
        #expect(event.layout == .unparsed)
        #expect(parser.string(event.message).trimmingCharacters(in: .whitespaces).isEmpty)
    }

    /// Only at the start: a mark inside a line is text.
    @Test func aMarkInsideALineIsKept() {
        var parser = LineParser(vocabulary: FormatSampleTests.vocabulary)
        let event = parser.parse(string: "INFO:x:a\u{FEFF}b")
        #expect(parser.string(event.message) == "a\u{FEFF}b")
    }
}
