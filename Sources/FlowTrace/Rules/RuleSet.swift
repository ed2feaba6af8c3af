import Foundation

/// The rules a scan applies: the built-in pack from `Rules/rules/`, plus a team's own files, minus
/// the ones switched off.
public struct RuleSet: Sendable {
    public private(set) var rules: [Rule]

    public init(rules: [Rule]) throws {
        var seen: [String: String] = [:]
        for rule in rules {
            if let other = seen[rule.id] {
                throw FlowTraceError(.invalidConfiguration, "rule id '\(rule.id)' is defined twice (also in \(other))",
                                     at: .init(file: rule.file))
            }
            seen[rule.id] = rule.file
        }
        self.rules = rules.sorted { $0.id < $1.id }
    }

    /// The rules built into flowtrace.
    public static func builtin() throws -> RuleSet {
        try RuleSet(rules: BuiltinData.files.filter { $0.path.hasPrefix("rules/") }.map { file in
            try Rule(yaml: file.text, file: "Rules/" + file.path)
        })
    }

    /// Reads rule files: each path is a YAML file or a folder searched for `*.yaml` / `*.yml`. A
    /// file reached twice (the same folder given twice, a folder and a file in it) is read once.
    public static func load(paths: [String]) throws -> [Rule] {
        var seen: Set<String> = []
        return try paths.flatMap { path in try files(at: path) }
            .filter { file in seen.insert(resolved(file)).inserted }
            .map { file in try Rule(yaml: try ConfigFile.text(at: file), file: file) }
    }

    /// The rules a run applies with `added` (read from `--rules` files): the built-in pack and
    /// those, or only those when `includingBuiltin` is false (`--no-builtin`). An id defined twice
    /// is an error.
    public static func available(adding added: [Rule], includingBuiltin: Bool = true) throws -> RuleSet {
        try (includingBuiltin ? builtin() : RuleSet(rules: [])).adding(added)
    }

    /// These rules and `more`.
    public func adding(_ more: [Rule]) throws -> RuleSet {
        try RuleSet(rules: rules + more)
    }

    /// Only the rules in `only` (all when empty), without those in `disabled`; unknown ids are an error.
    public func selecting(only: [String], disabled: [String]) throws -> RuleSet {
        let known = Set(rules.map(\.id))
        if let unknown = (only + disabled).first(where: { !known.contains($0) }) {
            throw FlowTraceError(.usage, "there is no rule '\(unknown)'", hint: "flowtrace rules list shows them")
        }
        return try RuleSet(rules: rules.filter { (only.isEmpty || only.contains($0.id)) && !disabled.contains($0.id) })
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The absolute path of an existing file, with symbolic links, `.` and `..` resolved.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FlowTraceError(.unreadableInput, "no such rule file or folder", at: .init(file: path))
        }
        guard isDirectory.boolValue else { return [path] }
        let walker = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
            }
        }
        return found.sorted()
    }
}
