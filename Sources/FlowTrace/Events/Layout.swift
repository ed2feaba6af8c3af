/// The line layout a parser recognised. Detected per line: one file may mix several.
public enum Layout: UInt8, Sendable, CaseIterable {
    /// Nothing recognisable: an empty line or text with no prefix, tag, symbol or id.
    case unparsed = 0
    /// A message with no prefix, as pasted into tickets, that still carries a tag, symbol or id.
    case bare
    /// `2025-08-02 07:07:57,123 - logger - LEVEL - message` (Python `logging.basicConfig`).
    case pythonBasic
    /// `07:07:57 | LEVEL | logger | message` (a colour console handler; ANSI codes removed).
    case console
    /// `LEVEL:logger:message` (Python's default layout), including uvicorn's `INFO:     …` lines.
    case pythonDefault
    /// One JSON object per line.
    case json
    /// `[<request-id>] METHOD /path - Started` or `… - STATUS - 812ms`.
    case requestTracking
    /// An ISO-8601 timestamp followed by a level and the message (`2025-08-02T07:07:57Z ERROR …`).
    case isoLevel

    public var name: String {
        switch self {
        case .unparsed: "unparsed"
        case .bare: "bare"
        case .pythonBasic: "python-basic"
        case .console: "console"
        case .pythonDefault: "python-default"
        case .json: "json"
        case .requestTracking: "request-tracking"
        case .isoLevel: "iso-level"
        }
    }

    public init?(name: String) {
        guard let layout = Layout.allCases.first(where: { $0.name == name }) else { return nil }
        self = layout
    }
}
