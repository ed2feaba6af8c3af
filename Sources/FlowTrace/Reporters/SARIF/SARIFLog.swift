/// A SARIF 2.1.0 log (the OASIS Static Analysis Results Interchange Format), typed: the subset
/// flowtrace writes, encoded with `JSONEncoder`. Code scanning (GitHub), GitLab and most CI
/// dashboards read it. The nested types mirror the schema's objects of the same names.
public struct SARIFLog: Codable, Sendable {
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public init(runs: [Run]) {
        self.runs = runs
    }

    /// One run of one tool.
    public struct Run: Codable, Sendable {
        public var tool: Tool
        public var results: [Result]
        public var invocations: [Invocation]
    }

    public struct Tool: Codable, Sendable {
        public var driver: ToolComponent
    }

    /// The tool and the rules it applies.
    public struct ToolComponent: Codable, Sendable {
        public var name: String
        public var version: String
        public var rules: [ReportingDescriptor]
    }

    /// Plain-text (and optionally Markdown) message.
    public struct Message: Codable, Sendable, Equatable {
        public var text: String
        public var markdown: String?

        public init(text: String, markdown: String? = nil) {
            self.text = text
            self.markdown = markdown
        }
    }

    /// Whether the run completed, and what stopped it reading an input.
    public struct Invocation: Codable, Sendable {
        public var executionSuccessful: Bool
        public var toolExecutionNotifications: [Notification]?
    }

    public struct Notification: Codable, Sendable {
        public var level: String
        public var message: Message
        public var locations: [Location]?
    }
}
