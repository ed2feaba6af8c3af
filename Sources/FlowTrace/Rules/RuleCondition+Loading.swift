/// Reading conditions from their YAML form: `{exists: step}`, `{absent: step}`,
/// `{count: step, at_least: 2}`, `{followed_by: [a, b], same: [table]}`,
/// `{not_followed_by: [a, b], same: [table]}`, `{all: [...]}`, `{any: [...]}`, `{not: {...}}`.
extension RuleCondition {
    init(_ node: ConfigNode) throws {
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
        case "count": self = .count(try value.string(), atLeast: try fields["at_least"]?.int() ?? 1)
        case "followed_by", "not_followed_by":
            let pair = try value.strings()
            guard pair.count == 2 else { throw value.error("\(form) takes two steps: [earlier, later]") }
            self = form == "followed_by" ? .followedBy(pair[0], pair[1], same: same) : .notFollowedBy(pair[0], pair[1], same: same)
        case "all": self = .all(try value.items().map(RuleCondition.init))
        case "any": self = .any(try value.items().map(RuleCondition.init))
        default: self = .not(try RuleCondition(value))
        }
    }
}

extension CrossTraceCondition {
    init(_ node: ConfigNode) throws {
        let fields = try node.mapping(allowedKeys: ["entity", "window", "earlier", "later"])
        guard let entityNode = fields["entity"], let earlier = fields["earlier"], let later = fields["later"] else {
            throw node.error("'across' needs entity, earlier and later (and optionally window)")
        }
        guard let entity = EntityKind(rawValue: try entityNode.string()) else {
            throw entityNode.error("entity is one of user, generation, request")
        }
        self.entity = entity
        windowMilliseconds = try fields["window"]?.durationMilliseconds() ?? 600_000
        self.earlier = try RuleCondition(earlier)
        self.later = try RuleCondition(later)
    }
}
