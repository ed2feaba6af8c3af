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

    /// The fixtures in `paths` (folders searched recursively, or fixture files), sorted by path,
    /// each once however often it is named. A path that does not exist, two fixtures sharing one
    /// expectation file, or no fixture at all are usage errors.
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
        // `check fx ./fx` names each fixture twice: it runs once, under the path named first.
        var seen = Set<String>()
        fixtures = fixtures.filter { seen.insert($0.identity).inserted }
        fixtures.sort { $0.logPath < $1.logPath }
        var owners: [String: String] = [:]
        for fixture in fixtures {
            let expectation = FileIdentity.resolvedPath(fixture.expectationPath)
            if let other = owners[expectation] {
                throw FlowTraceError(.usage, "\(other) and \(fixture.logPath) would share the expectation file "
                                     + fixture.expectationPath, hint: "rename one of them")
            }
            owners[expectation] = fixture.logPath
        }
        guard !fixtures.isEmpty else {
            throw FlowTraceError(.usage, "no fixtures (files ending in \(suffixes.joined(separator: ", "))) in "
                                 + paths.joined(separator: ", "))
        }
        return fixtures
    }

    /// The log and the expectation file, resolved: the same for every spelling of the fixture.
    var identity: String {
        FileIdentity.resolvedPath(logPath) + "\u{0}" + FileIdentity.resolvedPath(expectationPath)
    }

    /// Throws, naming the log, when it cannot be opened (a folder, a broken link): `--update` must
    /// not record that as the fixture's expected input error.
    public func requireOpenableLog() throws {
        do {
            try FileByteSource.open(path: logPath).close()
        } catch {
            var failure = error
            failure.hint = "flowtrace check --update records only what a readable log produces; fix or remove it"
            throw failure
        }
    }
}
