/// Reading conditions from their YAML form: `{exists: step}`, `{absent: step}`,
/// `{count: step, at_least: 2}`, `{followed_by: [a, b], same: [table]}`,
/// `{not_followed_by: [a, b], same: [table]}`, `{all: [...]}`, `{any: [...]}`, `{not: {...}}`.
extension RuleCondition {
    /// Reads a condition; `captures` maps each declared step to the names of its regex's groups,
    /// which (with the event fields) are what `same:` may compare.
    init(_ node: ConfigNode, captures: [String: [String]]) throws {
        let fields = try node.mapping(allowedKeys: [
            "exists", "absent", "count", "at_least", "followed_by", "not_followed_by", "same", "all", "any", "not",
        ])
        let forms = ["exists", "absent", "count", "followed_by", "not_followed_by", "all", "any", "not"]
        let present = forms.filter { fields[$0] != nil }
        guard present.count == 1, let form = present.first, let value = fields[form] else {
            throw node.error("a condition is exactly one of \(forms.joined(separator: ", "))")
        }
        let same = try fields["same"]?.strings() ?? []
        if !same.isEmpty, form != "followed_by", form != "not_followed_by" {
            throw fields["same"]!.error("'same' goes with followed_by or not_followed_by")
        }
        if fields["at_least"] != nil, form != "count" { throw fields["at_least"]!.error("'at_least' goes with count") }
        switch form {
        case "exists": self = .exists(try value.string())
        case "absent": self = .absent(try value.string())
        case "count":
            let atLeast = try fields["at_least"]?.int() ?? 1
            if atLeast < 1 {
                throw fields["at_least"]!.error("at_least must be 1 or more, got \(atLeast)", hint: "use 'absent:' for a step that must not match")
            }
            self = .count(try value.string(), atLeast: atLeast)
        case "followed_by", "not_followed_by":
            let pair = try value.strings()
            guard pair.count == 2 else { throw value.error("\(form) takes two steps: [earlier, later]") }
            if let sameNode = fields["same"] { try RuleCondition.checkSame(sameNode, of: pair, captures: captures) }
            self = form == "followed_by" ? .followedBy(pair[0], pair[1], same: same) : .notFollowedBy(pair[0], pair[1], same: same)
        case "all", "any":
            let items = try value.items()
            if items.isEmpty {
                // `all: []` would hold on every trace and `any: []` on none: neither tests anything.
                throw value.error("an empty '\(form)' tests nothing", hint: "list at least one condition, or leave '\(form)' out")
            }
            let conditions = try items.map { try RuleCondition($0, captures: captures) }
            self = form == "all" ? .all(conditions) : .any(conditions)
        default: self = .not(try RuleCondition(value, captures: captures))
        }
    }

    /// Every `same:` field must be one the two steps can have a value for: an event field, or a
    /// group of either step's regex. Any other is never set, so it would compare nothing.
    private static func checkSame(_ node: ConfigNode, of pair: [String], captures: [String: [String]]) throws {
        // A step that is not declared is reported once the whole rule is read.
        guard let first = captures[pair[0]], let second = captures[pair[1]] else { return }
        for item in try node.items() {
            let field = try item.string()
            guard EventField(name: field) == nil, !first.contains(field), !second.contains(field) else { continue }
            let eventFields = EventField.allCases.map(\.name).joined(separator: ", ")
            throw item.error("'same' names '\(field)', which neither step '\(pair[0])' nor '\(pair[1])' captures",
                             hint: "capture it with a named group (?<\(field)>…) or use one of \(eventFields)")
        }
    }
}

extension CrossTraceCondition {
    /// Reads an `across:` condition; `captures` as for ``RuleCondition``.
    init(_ node: ConfigNode, captures: [String: [String]]) throws {
        let fields = try node.mapping(allowedKeys: ["entity", "window", "earlier", "later"])
        guard let entityNode = fields["entity"], let earlier = fields["earlier"], let later = fields["later"] else {
            throw node.error("'across' needs entity, earlier and later (and optionally window)")
        }
        guard let entity = EntityKind(rawValue: try entityNode.string()) else {
            throw entityNode.error("entity is one of user, generation, request")
        }
        self.entity = entity
        windowMilliseconds = try fields["window"]?.durationMilliseconds() ?? 600_000
        self.earlier = try RuleCondition(earlier, captures: captures)
        self.later = try RuleCondition(later, captures: captures)
    }
}
