import Foundation

/// Reads configuration files named on the command line.
public enum ConfigFile {
    /// The text of a configuration file, or a located error.
    public static func text(at path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FlowTraceError(.unreadableInput, "cannot read the file", at: .init(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FlowTraceError(.invalidConfiguration, "the file is not valid UTF-8", at: .init(file: path))
        }
        return text
    }

    public static func correlation(at path: String) throws -> CorrelationConfig {
        try CorrelationConfig(yaml: try text(at: path), file: path)
    }
}
