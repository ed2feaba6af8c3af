import Yams

/// The contents of a formats file as read from YAML and validated, before compilation into tries.
struct VocabularyDefinition {
    static let topLevelKeys = [
        "statuses", "symbols", "code_pages", "levels", "json_fields", "entities", "id_columns", "clients",
        "id_keywords", "operations", "operation_labels", "table_markers", "amount", "balance", "rows", "http_call_markers",
        "request_started", "postgrest", "samples",
    ]

    var statuses: [(Status, [String])] = []
    var symbols: [String] = []
    var codePages: [MojibakeCodePage] = MojibakeCodePage.allCases
    var levels: [(Level, [String])] = []
    var jsonFields: [(JSONFieldRole, [String])] = []
    var entities: [(EntityRole, [String])] = []
    var idColumns: [(String, EntityRole)] = []
    var idKeywords: [String] = []
    var clients: [(ClientKind, [String])] = []
    var operations: [(Operation, [String])] = []
    var operationLabels: [String] = []
    var tableMarkers: [String] = []
    var amount: [String] = []
    var balance: [String] = []
    var rows: [String] = []
    var httpCallMarkers: [String] = []
    var requestStarted: [String] = []
    var postgrestPrefix = "/rest/v1/"
    var postgrestRPCPrefix = "/rest/v1/rpc/"
    var samples: [FormatSample] = []

    init(yaml: String, file: String) throws {
        let reader = YAMLReader(file: file)
        let root = try reader.compose(yaml)
        for (key, _, value) in try reader.mapping(root, "the formats file", allowed: VocabularyDefinition.topLevelKeys) {
            switch key {
            case "statuses":
                statuses = try VocabularyDefinition.named(value, key, reader) { Status(name: $0).flatMap { $0 == .none ? nil : $0 } }
            case "symbols": symbols = try reader.strings(value, key)
            case "code_pages":
                codePages = try reader.strings(value, key).map { name in
                    guard let page = MojibakeCodePage(rawValue: name) else {
                        throw reader.fail(value, "unknown code page '\(name)'",
                                          hint: "expected one of: \(MojibakeCodePage.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return page
                }
            case "levels":
                levels = try VocabularyDefinition.named(value, key, reader) { name in Level.allCases.first { $0.name == name } }
            case "json_fields":
                jsonFields = try VocabularyDefinition.named(value, key, reader) { name in JSONFieldRole.allCases.first { $0.name == name } }
            case "entities": entities = try VocabularyDefinition.named(value, key, reader) { EntityRole(name: $0) }
            case "id_columns":
                idColumns = try reader.mapping(value, key).map { table, _, entityNode in
                    let name = try reader.string(entityNode, "the entity of table \(table)")
                    guard let entity = EntityRole(name: name) else { throw reader.fail(entityNode, "unknown entity '\(name)'") }
                    return (table, entity)
                }
            case "clients":
                clients = try VocabularyDefinition.named(value, key, reader) { name in ClientKind.allCases.first { $0.name == name } }
            case "operations":
                operations = try VocabularyDefinition.named(value, key, reader) { name in Operation.allCases.first { $0.name == name } }
            case "id_keywords": idKeywords = try reader.strings(value, key)
            case "operation_labels": operationLabels = try reader.strings(value, key)
            case "table_markers": tableMarkers = try reader.strings(value, key)
            case "amount": amount = try reader.strings(value, key)
            case "balance": balance = try reader.strings(value, key)
            case "rows": rows = try reader.strings(value, key)
            case "http_call_markers": httpCallMarkers = try reader.strings(value, key)
            case "request_started": requestStarted = try reader.strings(value, key)
            case "postgrest":
                for (name, _, prefix) in try reader.mapping(value, key, allowed: ["prefix", "rpc_prefix"]) {
                    let text = try reader.string(prefix, "postgrest.\(name)")
                    if name == "prefix" { postgrestPrefix = text } else { postgrestRPCPrefix = text }
                }
            case "samples":
                guard let sequence = value.sequence else { throw reader.fail(value, "samples must be a list") }
                samples = try sequence.map { try FormatSample(node: $0, reader: reader) }
            default:
                break
            }
        }
    }

    /// Reads a mapping from names (checked by `resolve`) to a string or list of strings.
    private static func named<T>(_ node: Node, _ what: String, _ reader: YAMLReader,
                                 _ resolve: (String) -> T?) throws -> [(T, [String])] {
        try reader.mapping(node, what).map { name, keyNode, value in
            guard let resolved = resolve(name) else { throw reader.fail(keyNode, "unknown name '\(name)' in \(what)") }
            return (resolved, try reader.strings(value, "\(what).\(name)"))
        }
    }
}
