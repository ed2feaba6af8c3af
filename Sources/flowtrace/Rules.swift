import ArgumentParser
import FlowTrace

/// `flowtrace rules`: list, validate and explain rules.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, validate and explain the rules that judge traces.",
        subcommands: [List.self, Validate.self, Explain.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules: id, severity and title.")
        @OptionGroup var selection: RuleSelection

        func run() throws {
            let output = OutputSink(descriptor: 1)
            for rule in try selection.ruleSet().rules {
                output.write("\(rule.id.padding(toLength: 32))\(rule.severity.rawValue.padding(toLength: 9))\(TerminalText.sanitize(rule.title))\n")
            }
            try output.flush()
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule files without scanning logs: their YAML, fields, regexes and examples.",
            discussion: """
                With no PATH, checks the built-in rules. The ids of the files must not be those of \
                built-in rules (a scan loads both), unless --no-builtin is given: then only the files \
                are loaded, as `scan --no-builtin --rules PATH` would (e.g. to check the rule folder \
                Rules/rules read from disk). Problems are printed as file:line:column.
                """
        )
        @Argument(help: "Rule files or folders.") var paths: [String] = []

        @Flag(name: .customLong("no-builtin"), help: "Check the files alone, without the built-in rules.")
        var noBuiltin = false

        mutating func validate() throws {
            if noBuiltin && paths.isEmpty { throw ValidationError("--no-builtin checks only the files given: name at least one") }
        }

        func run() throws {
            let added = try RuleSet.load(paths: paths)
            // Ids must be unique among all the rules a scan with these files would load.
            let available = try RuleSet.available(adding: added, includingBuiltin: !noBuiltin)
            let rules = paths.isEmpty ? available.rules : added
            let options = try ScanOptions.builtin()
            var failures = 0
            for rule in rules {
                for result in try RuleExampleRunner.run(rule, options: options) where !result.passed {
                    failures += 1
                    FileHandleOutput.standardError("flowtrace: \(TerminalText.sanitize(result.description))\n")
                }
            }
            let examples = rules.reduce(0) { $0 + $1.examples.count }
            FileHandleOutput.standardOutput("\(rules.count) rules, \(examples) examples: \(examples - failures) passed, \(failures) failed\n")
            if failures > 0 { throw ExitCode(ExitStatus.inputOrUsageError) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a rule: what it flags, how to fix it, its examples.")
        @Argument(help: "The rule id.") var id: String
        @OptionGroup var selection: RuleSelection

        func run() throws {
            guard let rule = try selection.ruleSet().rule(id) else {
                throw FlowTraceError(.usage, "there is no rule '\(id)'", hint: "flowtrace rules list shows them")
            }
            var text = "\(rule.id) (\(rule.severity.rawValue)): \(TerminalText.sanitize(rule.title))\n\n"
            text += "\(Explain.printable(rule.description))\n\n"
            text += "Remediation: \(Explain.printable(rule.remediation))\n\nDefined in \(TerminalText.sanitize(rule.file)).\n"
            for example in rule.examples {
                text += "\nExample that \(example.mustTrigger ? "triggers it (\(example.expectedFindings) finding(s))" : "must not trigger it"):\n"
                text += example.log.split(separator: "\n").map { "    " + TerminalText.sanitize(String($0)) }.joined(separator: "\n") + "\n"
            }
            FileHandleOutput.standardOutput(text)
        }

        /// A rule file's text, safe to print: its lines kept, control sequences removed or escaped.
        static func printable(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
                .joined(separator: "\n")
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
