extension SARIFLog {
    /// A rule's metadata (`reportingDescriptor`).
    public struct ReportingDescriptor: Codable, Sendable {
        public var id: String
        /// The id in PascalCase (`AnonClientFallback`), as SARIF recommends for `name`.
        public var name: String
        public var shortDescription: Message
        public var fullDescription: Message
        /// How to fix it: the rule's remediation.
        public var help: Message
        public var defaultConfiguration: Configuration
        public var properties: Properties?
    }

    public struct Configuration: Codable, Sendable {
        /// `error`, `warning` or `note`.
        public var level: String
    }

    /// The rule's tags (code scanning groups by them).
    public struct Properties: Codable, Sendable {
        public var tags: [String]
    }

    /// SARIF's level for a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}

extension SARIFLog.ReportingDescriptor {
    /// The descriptor of `rule`.
    public init(_ rule: Rule) {
        id = rule.id
        name = rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        shortDescription = .init(text: rule.title)
        fullDescription = .init(text: rule.description.trimmingSpaces)
        help = .init(text: rule.remediation.trimmingSpaces)
        defaultConfiguration = .init(level: SARIFLog.level(rule.severity))
        properties = .init(tags: ["flowtrace", "logs"])
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
