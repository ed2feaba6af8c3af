/// Chooses one trace of a file: by trace id (`t3`), user, request or generation id. Ids match
/// case-insensitively, in full or by a prefix of at least 4 characters.
public struct TraceSelector: Sendable, Equatable, CustomStringConvertible {
    /// What a selector matches on.
    public enum Field: String, Sendable, CaseIterable {
        case trace, user, request, generation
    }

    public var field: Field
    public var value: String

    public init(_ field: Field, _ value: String) {
        self.field = field
        self.value = value
    }

    /// Parses `field=value` (`user=22cb3917`).
    public init?(parsing text: some StringProtocol) {
        guard let equals = text.firstIndex(of: "="), let field = Field(rawValue: String(text[..<equals])) else {
            return nil
        }
        let value = String(text[text.index(after: equals)...])
        guard !value.isEmpty else { return nil }
        self.init(field, value)
    }

    /// Splits `FILE@field=value` into the file and the selector; a name without such a suffix is
    /// all file (a file name may contain `@`).
    public static func split(_ argument: String) -> (path: String, selector: TraceSelector?) {
        guard let at = argument.lastIndex(of: "@"),
              let selector = TraceSelector(parsing: argument[argument.index(after: at)...]) else {
            return (argument, nil)
        }
        return (String(argument[..<at]), selector)
    }

    public var description: String { "\(field.rawValue)=\(value)" }

    /// Whether the flow of a trace is the one chosen.
    public func matches(_ flow: DiffFlow) -> Bool {
        let candidate: String? = switch field {
        case .trace: flow.traceID
        case .user: flow.user
        case .request: flow.request
        case .generation: flow.generation
        }
        guard let candidate else { return false }
        if field == .trace { return candidate == value.lowercased() }
        let wanted = value.lowercased(), have = candidate.lowercased()
        return have == wanted || (wanted.count >= 4 && have.hasPrefix(wanted))
    }
}
