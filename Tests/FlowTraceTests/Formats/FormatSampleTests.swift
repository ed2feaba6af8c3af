import Testing
@testable import FlowTrace

/// Runs every sample of `Rules/formats.yaml` as written and in variants that must not change its
/// meaning: a CRLF ending, a container runtime prefix, and ANSI colour around the level.
@Suite struct FormatSampleTests {
    static let vocabulary: FormatVocabulary = {
        let text = BuiltinData.file("formats.yaml") ?? ""
        // Load without the built-in check so that each sample fails on its own below.
        return (try? FormatVocabulary(yaml: text, file: "formats.yaml", checkingSamples: false))!
    }()

    static let samples = vocabulary.samples

    static let containerPrefix = "2025-08-02T09:09:09.999999999Z stdout F "

    @Test func theBuiltinVocabularyLoadsAndProvesItself() throws {
        let vocabulary = try FormatVocabulary.builtin()
        #expect(vocabulary.samples.count >= 30)
    }

    @Test func everyLayoutHasASample() {
        let covered = Set(Self.samples.compactMap(\.expectedLayout))
        for layout in Layout.allCases { #expect(covered.contains(layout), "no sample for \(layout.name)") }
    }

    @Test(arguments: samples)
    func sampleParsesAsDeclared(_ sample: FormatSample) {
        var parser = LineParser(vocabulary: Self.vocabulary)
        let problems = sample.check(with: &parser)
        #expect(problems.isEmpty, "\(sample.location): \(problems.joined(separator: "; "))")
    }

    @Test(arguments: samples)
    func sampleWithCRLFEnding(_ sample: FormatSample) {
        var parser = LineParser(vocabulary: Self.vocabulary)
        let problems = sample.check(line: sample.line + "\r", with: &parser, ignoring: [])
        #expect(problems.isEmpty, "\(sample.location): \(problems.joined(separator: "; "))")
    }

    @Test(arguments: samples)
    func sampleBehindAContainerPrefix(_ sample: FormatSample) {
        guard !sample.line.hasPrefix("2025-08-02T07:07:57.123456789Z stdout") else { return }
        var parser = LineParser(vocabulary: Self.vocabulary)
        var ignoring: Set<FormatSample.Field> = [.flags]
        var sample = sample
        if let time = sample.expect[.time], !time.contains("T") {
            sample.expect[.time] = "2025-08-02T\(time)Z"  // the runtime's date dates a time-only line
        }
        if sample.expect[.time] == nil { ignoring.insert(.time) }
        let problems = sample.check(line: Self.containerPrefix + sample.line, with: &parser, ignoring: ignoring)
        #expect(problems.isEmpty, "\(sample.location): \(problems.joined(separator: "; "))")
        #expect(parser.lastFlags(of: Self.containerPrefix + sample.line).contains(.containerPrefix))
        if sample.expect[.time] == nil, let layout = sample.expectedLayout, layout != .json {
            #expect(parser.lastTime(of: Self.containerPrefix + sample.line) != nil, "the container time is used")
        }
    }

    @Test(arguments: samples)
    func sampleWithAColouredLevel(_ sample: FormatSample) {
        guard let layout = sample.expectedLayout, [.pythonBasic, .console, .pythonDefault, .isoLevel].contains(layout),
              !sample.line.hasPrefix("{"), !sample.line.contains("stdout F"),
              let coloured = Self.colouringLevel(of: sample.line)
        else { return }
        var parser = LineParser(vocabulary: Self.vocabulary)
        let problems = sample.check(line: coloured, with: &parser, ignoring: [.flags])
        #expect(problems.isEmpty, "\(sample.location): \(problems.joined(separator: "; "))")
        #expect(parser.lastFlags(of: coloured).contains(.ansiStripped))
    }

    /// Wraps the first level word of `line` in red (or replaces an existing colour).
    static func colouringLevel(of line: String) -> String? {
        for word in ["WARNING", "WARN", "ERROR", "INFO", "DEBUG", "CRITICAL"] {
            if let range = line.range(of: word) {
                return line.replacingCharacters(in: range, with: "\u{1b}[1;31m\(word)\u{1b}[0m")
            }
        }
        return nil
    }
}

extension FormatSample: CustomTestStringConvertible {
    public var testDescription: String { "\(location): \(line.prefix(60))" }
}

extension LineParser {
    /// Parses `line` and returns its flags (test helper).
    mutating func lastFlags(of line: String) -> EventFlags { parse(string: line).flags }

    /// Parses `line` and returns its time (test helper).
    mutating func lastTime(of line: String) -> LogTime? { parse(string: line).time }

    /// Parses a String as line 1 (test helper).
    mutating func parse(string line: String, number: Int = 1) -> Event {
        var copy = line
        return copy.withUTF8 { bytes in
            parse(RawLine(bytes: UnsafeRawBufferPointer(bytes), number: number, byteOffset: 0, fullLength: bytes.count))
        }
    }

    /// The text of a range of the last event (test helper).
    func string(_ range: TextRange) -> String { withText { range.string(in: $0) } }
}
