import ArgumentParser
import FlowTrace

/// The options that choose rules, shared by the commands that apply them.
struct RuleSelection: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule file or folder to add to the built-in rules (repeatable).")
    var paths: [String] = []

    @Option(name: .customLong("only"), help: "Apply only these rule ids (repeatable, or comma-separated).")
    var only: [String] = []

    @Option(name: .customLong("disable"), help: "Do not apply these rule ids (repeatable, or comma-separated).")
    var disabled: [String] = []

    /// The built-in rules plus the given files, selected.
    func ruleSet() throws -> RuleSet {
        try RuleSet.builtin().adding(try RuleSet.load(paths: paths)).selecting(only: split(only), disabled: split(disabled))
    }

    private func split(_ ids: [String]) -> [String] {
        ids.flatMap { $0.split(separator: ",").map(String.init) }
    }
}
