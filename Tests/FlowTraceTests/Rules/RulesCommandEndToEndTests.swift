import Foundation
import Testing
@testable import FlowTrace

/// `flowtrace rules` and the rule-selection options through the built binary: validate loads what
/// scan would, a path given twice is read once, an empty selection is a usage error, and a rule
/// file's text cannot drive the terminal.
@Suite struct RulesCommandEndToEndTests {
    private func folder(with files: [String: String]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for (name, text) in files { _ = try directory.write(Array(text.utf8), to: name) }
        return directory
    }

    @Test func validateRefusesAnIdOfTheBuiltInPack() throws {
        let builtin = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Rules/rules/rls-denial.yaml"), encoding: .utf8)
        let directory = try folder(with: ["rls.yaml": builtin])
        defer { directory.remove() }
        let validate = try BinaryRunner.run(["rules", "validate", directory.path("rls.yaml")])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("rule id 'rls-denial' is defined twice"), "\(validate.stderr)")
        let scan = try BinaryRunner.run(["scan", "--rules", directory.path("rls.yaml"), BinaryRunner.sample("healthy/retry-after-503.log")])
        #expect(scan.status == 2)
        // With no file, the built-in pack alone is checked.
        #expect(try BinaryRunner.run(["rules", "validate"]).status == 0)
    }

    @Test func theSamePathGivenTwiceIsReadOnce() throws {
        let directory = try folder(with: ["ok.yaml": RuleFileErrorTests.valid])
        defer { directory.remove() }
        let again = directory.url.path + "/../" + directory.url.lastPathComponent
        let validate = try BinaryRunner.run(["rules", "validate", directory.url.path, again, directory.path("ok.yaml")])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.hasPrefix("1 rules, 2 examples"))
        let list = try BinaryRunner.run(["rules", "list", "--rules", directory.url.path, "--rules", again, "--only", "sample-rule"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.hasPrefix("sample-rule "))
        #expect(try RuleSet.load(paths: [directory.url.path, again, directory.path("ok.yaml")]).count == 1)
    }

    @Test func anEmptySelectionIsAUsageError() throws {
        let log = BinaryRunner.sample("healthy/retry-after-503.log")
        for arguments in [["--only", ""], ["--only", ","], ["--only", " , "], ["--disable", ""]] {
            let result = try BinaryRunner.run(["scan"] + arguments + [log])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("was given no rule id"), "\(arguments): \(result.stderr)")
        }
        #expect(try BinaryRunner.run(["rules", "list", "--only", ","]).status == 2)
        #expect(try BinaryRunner.run(["scan", "--only", "rls-denial,", log]).status == 0)
    }

    @Test func listAndExplainShowNoControlCharacters() throws {
        let hostile = RuleFileErrorTests.valid
            .replacingOccurrences(of: "title: A sample", with: #"title: "A \e[31mred\e[0m sample\a""#)
            .replacingOccurrences(of: "description: Flags a sample.", with: #"description: "Flags \e]0;pwned\a a\nsample.""#)
            .replacingOccurrences(of: "remediation: Fix the sample.", with: #"remediation: "Fix \u009b2J it.""#)
        let directory = try folder(with: ["esc.yaml": hostile])
        defer { directory.remove() }
        let list = try BinaryRunner.run(["rules", "list", "--rules", directory.url.path, "--only", "sample-rule"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.hasSuffix("A red sample\\x07\n"), "\(list.stdout)")
        let explain = try BinaryRunner.run(["rules", "explain", "--rules", directory.url.path, "sample-rule"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("sample-rule (warning): A red sample\\x07\n\nFlags  a\nsample.\n\nRemediation: Fix  it.\n"),
                "\(explain.stdout)")
        for output in [list.stdout, explain.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        }
    }
}
