/// The fields one rule reads from its matches (in `same:` or its message), numbered so that
/// matching keeps them by number. Step matches capture these fields only: no other is ever read.
struct RuleFields {
    /// The fields' names, each once, in order of first use.
    let names: [String]
    /// For each field, the event field that fills it when no regex group captured it.
    let eventFields: [EventField?]

    init(_ rule: Rule) {
        var names: [String] = []
        for name in rule.message.fields + rule.sameFields where !names.contains(name) { names.append(name) }
        self.names = names
        eventFields = names.map(EventField.init(name:))
    }

    /// The number of the field called `name`, or nil when the rule does not use it.
    func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }
}
