import Foundation

/// The findings a team has accepted (`flowtrace scan --write-baseline FILE`), so that a later scan
/// with `--baseline FILE` fails only on new ones. Findings are matched by fingerprint
/// (``FindingFingerprint``), not by line number; a fingerprint recorded twice accepts two findings.
/// Stored as pretty-printed JSON with sorted entries, so that its diffs are reviewable.
public struct Baseline: Codable, Sendable, Equatable {
    /// One accepted finding. Only `fingerprint` is used for matching; the rest, redacted, is for
    /// readers.
    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var user: String?
        public var request: String?
        public var generation: String?
        /// The finding's message, redacted.
        public var message: String
    }

    /// The format's version (1).
    public var version: Int
    public var findings: [Entry]

    public init(findings: [Entry]) {
        version = 1
        self.findings = findings.sorted {
            ($0.file, $0.rule, $0.fingerprint, $0.message) < ($1.file, $1.rule, $1.fingerprint, $1.message)
        }
    }

    /// Reads a baseline file.
    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FlowTraceError(.unreadableInput, "cannot read the baseline file", at: .init(file: path),
                                 hint: "write one with flowtrace scan --write-baseline \(path)")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw FlowTraceError(.invalidConfiguration, "unsupported baseline version \(baseline.version)",
                                     at: .init(file: path))
            }
            return baseline
        } catch let error as FlowTraceError {
            throw error
        } catch {
            throw FlowTraceError(.invalidConfiguration, "not a flowtrace baseline: \(error)", at: .init(file: path))
        }
    }

    /// The baseline as file content: pretty JSON, keys sorted, a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Writes the baseline to `path`.
    public func write(to path: String) throws {
        do {
            try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FlowTraceError(.output, "cannot write the baseline: \(error.localizedDescription)", at: .init(file: path))
        }
    }
}

extension Baseline.Entry {
    /// The entry that accepts `finding` (which must have a fingerprint) found in `file`. Entity
    /// values are redacted: a log may put a token where an id belongs.
    public init(_ finding: Finding, file: String) {
        fingerprint = finding.fingerprint ?? ""
        rule = finding.rule
        self.file = file
        user = finding.user.map(SecretRedactor.redact)
        request = finding.request.map(SecretRedactor.redact)
        generation = finding.generation.map(SecretRedactor.redact)
        message = SecretRedactor.redact(finding.message)
    }
}
