import Foundation

/// A regression fixture: a log file (`*.log`, `*.log.gz`, `*.jsonl`, `*.jsonl.gz`; gzip is
/// detected by content) and, beside it, `NAME.expect.yaml` with the findings it must produce.
public struct Fixture: Sendable, Equatable {
    /// The suffixes that make a file a fixture, longest first.
    public static let suffixes = [".log.gz", ".jsonl.gz", ".log", ".jsonl"]
    public static let expectationSuffix = ".expect.yaml"

    public var logPath: String
    public var expectationPath: String

    /// The fixture of the log at `path`, or nil when its name is not a fixture's.
    public init?(logPath path: String) {
        guard let suffix = Fixture.suffixes.first(where: { path.hasSuffix($0) }) else { return nil }
        logPath = path
        expectationPath = String(path.dropLast(suffix.count)) + Fixture.expectationSuffix
    }

    /// The fixtures in `paths` (folders searched recursively, or fixture files), sorted by path.
    /// A path that does not exist, two fixtures sharing one expectation file, or no fixture at
    /// all are usage errors.
    public static func discover(in paths: [String]) throws -> [Fixture] {
        var fixtures: [Fixture] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw FlowTraceError(.usage, "no such fixture folder or file", at: .init(file: path))
            }
            if !isDirectory.boolValue {
                guard let fixture = Fixture(logPath: path) else {
                    throw FlowTraceError(.usage, "not a fixture: a fixture's name ends in \(suffixes.joined(separator: ", "))",
                                         at: .init(file: path))
                }
                fixtures.append(fixture)
                continue
            }
            let walker = FileManager.default.enumerator(atPath: path)
            while let relative = walker?.nextObject() as? String {
                let full = (path.hasSuffix("/") ? path : path + "/") + relative
                if let fixture = Fixture(logPath: full) { fixtures.append(fixture) }
            }
        }
        fixtures.sort { $0.logPath < $1.logPath }
        var owners: [String: String] = [:]
        for fixture in fixtures {
            if let other = owners[fixture.expectationPath], other != fixture.logPath {
                throw FlowTraceError(.usage, "\(other) and \(fixture.logPath) would share the expectation file "
                                     + fixture.expectationPath, hint: "rename one of them")
            }
            owners[fixture.expectationPath] = fixture.logPath
        }
        guard !fixtures.isEmpty else {
            throw FlowTraceError(.usage, "no fixtures (files ending in \(suffixes.joined(separator: ", "))) in "
                                 + paths.joined(separator: ", "))
        }
        var seen = Set<String>()
        return fixtures.filter { seen.insert($0.logPath).inserted }
    }
}
