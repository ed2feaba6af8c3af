import ArgumentParser
import Foundation
import FlowTrace

/// The options that choose rules, shared by the commands that apply them.
struct RuleSelection: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule file or folder to add to the built-in rules, or to use alone with --no-builtin (repeatable).")
    var paths: [String] = []

    @Flag(name: .customLong("no-builtin"),
          help: "Load only the --rules files, not the built-in rules (e.g. to run the rule folder Rules/rules read from disk).")
    var noBuiltin = false

    @Option(name: .customLong("only"), help: "Apply only these rule ids (repeatable, or comma-separated).")
    var only: [String] = []

    @Option(name: .customLong("disable"), help: "Do not apply these rule ids (repeatable, or comma-separated).")
    var disabled: [String] = []

    /// `--only ''` or `--only ,` names no rule: it would otherwise apply them all.
    mutating func validate() throws {
        for (option, values) in [("--only", only), ("--disable", disabled)] where !values.isEmpty && split(values).isEmpty {
            throw ValidationError("\(option) was given no rule id (flowtrace rules list shows them)")
        }
        if noBuiltin && paths.isEmpty {
            throw ValidationError("--no-builtin loads only the --rules files: name at least one with --rules PATH")
        }
    }

    /// The built-in rules (unless `--no-builtin`) plus the given files, selected.
    func ruleSet() throws -> RuleSet {
        try RuleSet.available(adding: try RuleSet.load(paths: paths), includingBuiltin: !noBuiltin)
            .selecting(only: split(only), disabled: split(disabled))
    }

    private func split(_ ids: [String]) -> [String] {
        ids.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}
