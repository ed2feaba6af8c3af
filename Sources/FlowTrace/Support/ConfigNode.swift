import Foundation
import Yams

/// A YAML node of a configuration file (rules, formats, correlation) with typed accessors whose
/// errors name the file, line and column of the offending node.
public struct ConfigNode {
    public let node: Node
    public let file: String
    /// The key path that led here (`flows[2].start`), for messages.
    public let path: String

    public init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses `yaml` (one document) from `file`, turning YAML errors (syntax, a repeated key) into
    /// located errors.
    public static func parse(_ yaml: String, file: String) throws -> ConfigNode {
        ConfigNode(node: try ConfigYAML.compose(yaml, file: file), file: file)
    }

    public var location: FlowTraceError.Location {
        FlowTraceError.Location(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// An error located at this node.
    public func error(_ message: String, hint: String? = nil) -> FlowTraceError {
        let subject = path.isEmpty ? "" : "\(path): "
        return FlowTraceError(.invalidConfiguration, subject + message, at: location, hint: hint)
    }

    // MARK: Mappings

    /// The mapping's entries, after checking that every key is one of `allowed` (any key when nil).
    public func mapping(allowedKeys allowed: Set<String>?) throws -> [String: ConfigNode] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
        var entries: [String: ConfigNode] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                throw ConfigNode(node: keyNode, file: file, path: path).error("keys must be strings")
            }
            let child = ConfigNode(node: valueNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")
            if let allowed, !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                throw ConfigNode(node: keyNode, file: file, path: path)
                    .error("unknown key '\(key)'", hint: "known keys: \(known)")
            }
            guard entries[key] == nil else {
                throw ConfigNode(node: keyNode, file: file, path: path).error("duplicate key '\(key)'")
            }
            entries[key] = child
        }
        return entries
    }

    // MARK: Scalars

    public func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a string") }
        return scalar.string
    }

    public func int() throws -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected a whole number") }
        return value
    }

    public func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false") }
        return value
    }

    /// A duration such as `90s`, `2m`, `1h`, `500ms`, or a number of seconds; in milliseconds.
    public func durationMilliseconds() throws -> Int64 {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard let value = DurationText.milliseconds(text) else {
            throw error("expected a duration such as 500ms, 90s, 2m or 1h, got '\(text)'")
        }
        return value
    }

    /// One of a fixed set of words (`what` names the kind in the error, e.g. "status").
    public func choice<Value>(_ what: String, from options: [(String, Value)]) throws -> Value {
        let word = try string()
        guard let match = options.first(where: { $0.0 == word }) else {
            throw error("unknown \(what) '\(word)'", hint: "one of \(options.map(\.0).joined(separator: ", "))")
        }
        return match.1
    }

    /// A sequence's items; a single scalar counts as a sequence of one.
    public func items() throws -> [ConfigNode] {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().map { index, item in
                ConfigNode(node: item, file: file, path: "\(path)[\(index)]")
            }
        case .scalar:
            return [self]
        default:
            throw error("expected a list")
        }
    }

    /// A list of strings (a single string counts as a list of one).
    public func strings() throws -> [String] {
        try items().map { try $0.string() }
    }
}
