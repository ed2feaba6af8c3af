/// What a regression fixture must produce (`NAME.expect.yaml` beside `NAME.log`): its findings,
/// and the input error it must end with, if any. `flowtrace check` compares a fixture's findings
/// with it; `flowtrace check --update` writes it from the current findings.
///
/// ```yaml
/// findings:
///   - rule: anon-client-fallback
///     user: "22cb3917-57f6-49c6-ac96-ec266570081b"
///     lines: [111, 115]        # optional: the evidence lines
///   - rule: rls-denial
///     count: 2                 # optional: this many findings alike (default 1)
/// input_error: corrupt-compressed-input   # optional
/// ```
/// `findings: []` declares a clean fixture.
public struct Expectation: Sendable, Equatable {
    /// One expected finding (or `count` alike). An entity left out matches any value.
    public struct Entry: Sendable, Equatable {
        public var rule: String
        public var user: String?
        public var request: String?
        public var generation: String?
        public var count: Int
        /// The evidence lines, when the expectation pins them (only with `count` 1).
        public var lines: [Int]?
        /// A note for reviewers (the finding's message when written by `--update`); not compared.
        public var note: String?

        public init(rule: String, user: String? = nil, request: String? = nil, generation: String? = nil,
                    count: Int = 1, lines: [Int]? = nil, note: String? = nil) {
            self.rule = rule
            self.user = user
            self.request = request
            self.generation = generation
            self.count = count
            self.lines = lines
            self.note = note
        }

        /// Whether `finding` has this entry's rule and the entities it names. Entity values are
        /// stored redacted, so a finding's are compared redacted (an ordinary id is unchanged).
        public func matches(_ finding: Finding) -> Bool {
            func same(_ expected: String?, _ actual: String?) -> Bool {
                expected == nil || actual.map(SecretRedactor.redact) == expected
            }
            return finding.rule == rule && same(user, finding.user) && same(request, finding.request)
                && same(generation, finding.generation)
        }

        /// Whether `finding` meets this entry exactly: it matches and has the pinned lines, if any.
        func accepts(_ finding: Finding) -> Bool {
            matches(finding) && (lines == nil || finding.lines == lines)
        }

        /// `anon-client-fallback user 22cb3917-…`, for reports.
        public var subject: String {
            var parts = [rule]
            if let user { parts.append("user \(user)") }
            if let request { parts.append("request \(request)") }
            if let generation { parts.append("generation \(generation)") }
            return parts.joined(separator: " ")
        }
    }

    public var findings: [Entry]
    /// The code of the input error the fixture must end with (`corrupt-compressed-input`), if any.
    public var inputError: String?

    public init(findings: [Entry], inputError: String? = nil) {
        self.findings = findings
        self.inputError = inputError
    }

    /// The expectation that `findings` and `inputError` meet exactly: one entry per finding, with
    /// its entities (redacted) and evidence lines (snapshot style).
    public init(snapshotOf findings: [Finding], inputError: FlowTraceError.Code?) {
        self.findings = findings.map { finding in
            Entry(rule: finding.rule, user: finding.user.map(SecretRedactor.redact),
                  request: finding.request.map(SecretRedactor.redact),
                  generation: finding.generation.map(SecretRedactor.redact),
                  lines: finding.lines, note: ReportText.clean(finding.message))
        }.sorted { $0.rule != $1.rule ? $0.rule < $1.rule : ($0.lines ?? []).lexicographicallyPrecedes($1.lines ?? []) }
        self.inputError = inputError?.rawValue
    }
}
