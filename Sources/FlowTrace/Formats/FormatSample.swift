import Yams

/// An example line of a formats file with what it must parse to. Samples are data: they live next
/// to the vocabulary in `Rules/formats.yaml`, are checked on every load, and drive the tests.
public struct FormatSample: Sendable {
    /// The fields a sample can state an expectation for (the keys of its `expect:` map).
    public enum Field: String, CaseIterable, Sendable {
        case layout, kind, level, logger, time, status, tags, user, generation, request, unlabeled
        case table, operation, client, method, httpStatus = "http_status", path, duration
        case amount, balance, rows, message, flags
    }

    /// The raw line, exactly as it appears in a log (escapes already decoded by YAML).
    public var line: String
    /// The expected value of each stated field, as rendered by ``FormatSample/render(_:of:text:)``.
    public var expect: [Field: String]
    /// Where the sample is in its file.
    public var location: FlowTraceError.Location

    public init(line: String, expect: [Field: String], location: FlowTraceError.Location) {
        self.line = line
        self.expect = expect
        self.location = location
    }

    init(node: Node, reader: YAMLReader) throws {
        var line: String?
        var expect: [Field: String] = [:]
        for (key, _, value) in try reader.mapping(node, "a sample", allowed: ["line", "expect"]) {
            if key == "line" {
                line = try reader.string(value, "sample line")
            } else {
                for (name, keyNode, expected) in try reader.mapping(value, "expect") {
                    guard let field = Field(rawValue: name) else {
                        throw reader.fail(keyNode, "unknown field '\(name)' in expect",
                                          hint: "expected one of: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    if let sequence = expected.sequence {
                        expect[field] = try sequence.map { try reader.string($0, name) }.joined(separator: ",")
                    } else {
                        expect[field] = try reader.string(expected, name)
                    }
                    if field == .layout, Layout(name: expect[field]!) == nil {
                        throw reader.fail(expected, "unknown layout '\(expect[field]!)'")
                    }
                }
            }
        }
        guard let line else { throw reader.fail(node, "a sample needs a `line`") }
        self.init(line: line, expect: expect, location: reader.location(node))
    }

    /// The layout the sample declares, if any.
    public var expectedLayout: Layout? { expect[.layout].flatMap(Layout.init(name:)) }

    /// Parses the sample's line (as line 1) and lists every field that differs from the expectation.
    public func check(with parser: inout LineParser) -> [String] {
        check(line: line, with: &parser, ignoring: [])
    }

    /// Parses `line` (a variant of the sample's line) and lists every expectation it misses,
    /// except for the fields in `ignoring`.
    public func check(line: String, with parser: inout LineParser, ignoring: Set<Field>) -> [String] {
        var copy = line
        return copy.withUTF8 { bytes in
            let raw = RawLine(bytes: UnsafeRawBufferPointer(bytes), number: 1, byteOffset: 0, fullLength: bytes.count)
            let event = parser.parse(raw)
            return parser.withText { text in
                expect.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { field, expected in
                    guard !ignoring.contains(field) else { return nil }
                    let actual = FormatSample.render(field, of: event, text: text)
                    return actual == expected ? nil : "\(field.rawValue): expected '\(expected)', got '\(actual)'"
                }
            }
        }
    }
}
