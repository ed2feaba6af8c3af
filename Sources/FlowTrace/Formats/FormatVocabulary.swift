/// The vocabulary that turns text into meaning: status symbols (and their mojibake forms), level
/// words, JSON field names, entity keywords, client phrases, amount/balance keywords. Data, from
/// `Rules/formats.yaml`.
///
/// Loading compiles every list into byte tries, so the parser never compares Strings; it also
/// parses every sample of the file and fails when one does not parse as it declares, or when a
/// layout has no sample (lnav's habit: a format proves itself on every load).
public struct FormatVocabulary: Sendable {
    /// The file's own examples, each a raw line and what it must parse to.
    public private(set) var samples: [FormatSample]
    /// The file name errors are reported against.
    public let file: String

    /// The compiled tries, shared by every copy of the vocabulary and every parser.
    let tables: VocabularyTables

    /// The vocabulary embedded from `Rules/formats.yaml`.
    public static func builtin() throws -> FormatVocabulary {
        guard let text = BuiltinData.file("formats.yaml") else {
            throw FlowTraceError(.invalidConfiguration, "the built-in formats.yaml is missing",
                                 at: .init(file: "formats.yaml"))
        }
        return try FormatVocabulary(yaml: text, file: "formats.yaml")
    }

    /// Loads a vocabulary from YAML text, then checks its samples.
    /// - Throws: ``FlowTraceError`` with code `.invalidConfiguration` and the `file:line:column`
    ///   of the offending node on bad YAML, an unknown key, a wrong type, or a failing sample.
    public init(yaml: String, file: String) throws {
        try self.init(yaml: yaml, file: file, checkingSamples: true)
    }

    /// Loads a vocabulary; `checkingSamples: false` skips the sample check (for tools that
    /// report every failing sample themselves).
    public init(yaml: String, file: String, checkingSamples: Bool) throws {
        let definition = try VocabularyDefinition(yaml: yaml, file: file)
        self.file = file
        samples = definition.samples
        tables = VocabularyTables(definition)
        if checkingSamples { try checkSamples() }
    }

    /// Parses every sample and throws at the first one whose event differs from its expectations,
    /// or when some layout is not exercised by any sample.
    public func checkSamples() throws {
        var covered = Set<Layout>()
        for sample in samples {
            var parser = LineParser(vocabulary: self)
            let problems = sample.check(with: &parser)
            if let problem = problems.first {
                throw FlowTraceError(.invalidConfiguration, "sample does not parse as expected: \(problem)",
                                     at: sample.location, hint: "fix the sample or the vocabulary")
            }
            if let layout = sample.expectedLayout { covered.insert(layout) }
        }
        let missing = Layout.allCases.filter { !covered.contains($0) }
        if !samples.isEmpty, !missing.isEmpty {
            throw FlowTraceError(.invalidConfiguration,
                                 "no sample exercises layout(s) \(missing.map(\.name).joined(separator: ", "))",
                                 at: .init(file: file), hint: "add a sample with `layout:` set")
        }
    }
}
