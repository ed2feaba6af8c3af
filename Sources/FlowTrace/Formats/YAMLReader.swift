import Yams

/// Reads typed values out of Yams nodes, reporting every problem as a
/// ``FlowTraceError`` (`.invalidConfiguration`) at the node's `file:line:column`.
struct YAMLReader {
    let file: String

    /// Composes the YAML text into a node tree, turning YAML errors into located errors.
    func compose(_ yaml: String) throws -> Node {
        try ConfigYAML.compose(yaml, file: file)
    }

    func location(_ node: Node) -> FlowTraceError.Location {
        .init(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func fail(_ node: Node, _ message: String, hint: String? = nil) -> FlowTraceError {
        FlowTraceError(.invalidConfiguration, message, at: location(node), hint: hint)
    }

    /// The pairs of a mapping, in order; every key must be one of `allowed` (when given).
    func mapping(_ node: Node, _ what: String, allowed: [String]? = nil) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping") }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail(keyNode, "keys of \(what) must be strings") }
            if let allowed, !allowed.contains(key) {
                throw fail(keyNode, "unknown key '\(key)' in \(what)", hint: "expected one of: \(allowed.joined(separator: ", "))")
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    /// A scalar as a string (numbers and booleans included, as written).
    func string(_ node: Node, _ what: String) throws -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) must be a string") }
        return scalar.string
    }

    /// A non-empty string, or a list of them.
    func strings(_ node: Node, _ what: String) throws -> [String] {
        if let scalar = node.scalar {
            guard !scalar.string.isEmpty else { throw fail(node, "\(what) must not be empty") }
            return [scalar.string]
        }
        guard let sequence = node.sequence else { throw fail(node, "\(what) must be a string or a list of strings") }
        return try sequence.map { item in
            let value = try string(item, "each item of \(what)")
            guard !value.isEmpty else { throw fail(item, "\(what) must not contain empty strings") }
            return value
        }
    }
}
