import ArgumentParser
import Foundation
import FlowTrace

/// The options that choose rules, shared by the commands that apply them.
struct RuleSelection: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule file or folder to add to the built-in rules (repeatable).")
    var paths: [String] = []

    @Option(name: .customLong("only"), help: "Apply only these rule ids (repeatable, or comma-separated).")
    var only: [String] = []

    @Option(name: .customLong("disable"), help: "Do not apply these rule ids (repeatable, or comma-separated).")
    var disabled: [String] = []

    /// `--only ''` or `--only ,` names no rule: it would otherwise apply them all.
    mutating func validate() throws {
        for (option, values) in [("--only", only), ("--disable", disabled)] where !values.isEmpty && split(values).isEmpty {
            throw ValidationError("\(option) was given no rule id (flowtrace rules list shows them)")
        }
    }

    /// The built-in rules plus the given files, selected.
    func ruleSet() throws -> RuleSet {
        try RuleSelection.available(adding: try RuleSet.load(paths: paths)).selecting(only: split(only), disabled: split(disabled))
    }

    /// The rules a scan can apply with `added` given by `--rules`: the built-in pack and those
    /// (an id defined twice is an error).
    static func available(adding added: [Rule]) throws -> RuleSet {
        try RuleSet.builtin().adding(added)
    }

    private func split(_ ids: [String]) -> [String] {
        ids.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}
