import Yams

/// Composes the YAML text of a configuration file (rules, formats, correlation, expectations) into
/// a node tree, turning every YAML problem into a ``FlowTraceError`` at its file, line and column.
enum ConfigYAML {
    /// The single document of `yaml`, read from `file`.
    static func compose(_ yaml: String, file: String) throws -> Node {
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw located(error, yaml: yaml, file: file)
        } catch {
            throw FlowTraceError(.invalidConfiguration, "invalid YAML: \(error)", at: .init(file: file))
        }
        guard let node = composed else {
            throw FlowTraceError(.invalidConfiguration, "the file is empty", at: .init(file: file, line: 1, column: 1))
        }
        return node
    }

    private static func located(_ error: YamlError, yaml: String, file: String) -> FlowTraceError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return FlowTraceError(.invalidConfiguration, "invalid YAML: \(problem)",
                                  at: .init(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let keys, let context):
            return duplicate(keys: keys, yaml: yaml, file: file, firstMark: context.mark)
        case .reader(let problem, _, _, _):
            return FlowTraceError(.invalidConfiguration, "invalid YAML: \(problem)", at: .init(file: file))
        default:
            return FlowTraceError(.invalidConfiguration, "invalid YAML: \(error)", at: .init(file: file))
        }
    }

    /// A key one mapping holds twice, located at its second occurrence (Yams names the first).
    private static func duplicate(keys: [String], yaml: String, file: String, firstMark: Mark) -> FlowTraceError {
        let hint = "a mapping holds each key once: remove one of them or merge their values"
        if let found = DuplicateKeyFinder.first(in: yaml, among: Set(keys)) {
            return FlowTraceError(
                .invalidConfiguration,
                "duplicate key '\(found.key)': this mapping already has it at line \(found.first.line), column \(found.first.column)",
                at: .init(file: file, line: found.repeated.line, column: found.repeated.column), hint: hint)
        }
        let names = keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return FlowTraceError(.invalidConfiguration, "duplicate key \(names): a mapping has it more than once (first here)",
                              at: .init(file: file, line: firstMark.line, column: firstMark.column), hint: hint)
    }
}
