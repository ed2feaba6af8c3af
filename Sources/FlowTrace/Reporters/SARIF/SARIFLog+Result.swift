import Foundation

extension SARIFLog {
    /// One finding.
    public struct Result: Codable, Sendable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: Message
        /// The first evidence line; for a finding no line shows, its trace's lines.
        public var locations: [Location]
        /// The other evidence lines.
        public var relatedLocations: [Location]?
        /// `flowtrace/v1` → the finding's fingerprint (``FindingFingerprint``).
        public var partialFingerprints: [String: String]?
    }

    public struct Location: Codable, Sendable {
        public var id: Int?
        public var physicalLocation: PhysicalLocation
        public var message: Message?
    }

    public struct PhysicalLocation: Codable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var region: Region?
    }

    public struct ArtifactLocation: Codable, Sendable {
        public var uri: String

        /// The location of a log file as given on the command line: a relative path stays relative
        /// (code scanning resolves it against the checkout), an absolute one becomes a `file://` URI.
        public init(file: String) {
            let path = file == "<stdin>" ? "stdin" : file
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "stdin"
            uri = path.hasPrefix("/") ? "file://" + encoded : encoded
        }
    }

    /// Lines of a log file (1-based) and the text of the first, redacted.
    public struct Region: Codable, Sendable {
        public var startLine: Int
        public var endLine: Int?
        public var snippet: Message?
    }
}

extension SARIFLog.Location {
    /// Line `line` of `file`, showing `text` (already redacted).
    init(file: String, line: Int, text: String?, id: Int? = nil, message: String? = nil) {
        self.id = id
        physicalLocation = .init(artifactLocation: .init(file: file),
                                 region: .init(startLine: line, endLine: line, snippet: text.map { .init(text: $0) }))
        self.message = message.map { .init(text: $0) }
    }

    /// Lines `span` of `file`, without a snippet; the whole file when `span` is nil.
    init(file: String, lines span: ClosedRange<Int>?) {
        id = nil
        physicalLocation = .init(artifactLocation: .init(file: file),
                                 region: span.map { .init(startLine: $0.lowerBound, endLine: $0.upperBound, snippet: nil) })
        message = nil
    }
}
