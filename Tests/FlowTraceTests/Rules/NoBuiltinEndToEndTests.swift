import Foundation
import Testing

/// Audit: `rules validate Rules/rules/` and `scan --rules Rules/rules` said every rule was defined
/// twice, because the built-in pack is always loaded too. `--no-builtin` loads only the files given.
@Suite struct NoBuiltinEndToEndTests {
    private let ruleFolder = BinaryRunner.packageRoot.appendingPathComponent("Rules/rules").path + "/"
    private let failing = BinaryRunner.sample("failures/service-key-rejected.log")

    private func rules(_ result: BinaryRunner.Result) -> [String] {
        result.records(ofType: "finding").compactMap { $0["rule"] as? String }.sorted()
    }

    @Test func validateChecksTheRuleFolderAlone() throws {
        let twice = try BinaryRunner.run(["rules", "validate", ruleFolder])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("is defined twice"))
        let alone = try BinaryRunner.run(["rules", "validate", "--no-builtin", ruleFolder])
        #expect(alone.status == 0, "\(alone.stderr)")
        let builtin = try BinaryRunner.run(["rules", "validate"])
        #expect(alone.stdout == builtin.stdout, "the folder on disk holds the built-in rules")
        #expect(alone.stdout.hasSuffix("0 failed\n"))
        // A folder path ending in a slash names its files without a doubled slash.
        #expect(!twice.stderr.contains("rules//"), "\(twice.stderr)")
    }

    @Test func scanWithTheRuleFolderFindsWhatTheBuiltInPackFinds() throws {
        #expect(try BinaryRunner.run(["scan", "--rules", ruleFolder, failing]).status == 2)
        let builtin = try BinaryRunner.run(["scan", "--format", "jsonl", failing])
        let alone = try BinaryRunner.run(["scan", "--format", "jsonl", "--no-builtin", "--rules", ruleFolder, failing])
        #expect(alone.status == 1, "\(alone.stderr)")
        #expect(rules(alone) == rules(builtin))
        #expect(rules(alone) == ["service-key-rejected", "service-key-rejected"])
    }

    @Test func onlyTheGivenFilesApply() throws {
        let rls = ruleFolder + "rls-denial.yaml"
        let scan = try BinaryRunner.run(["scan", "--format", "jsonl", "--no-builtin", "--rules", rls, failing])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(rules(scan) == [])
        let list = try BinaryRunner.run(["rules", "list", "--no-builtin", "--rules", rls])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: " ").first ?? "" } == ["rls-denial"])
        let explain = try BinaryRunner.run(["rules", "explain", "--no-builtin", "--rules", rls, "service-key-rejected"])
        #expect(explain.status == 2)
        #expect(explain.stderr.contains("there is no rule 'service-key-rejected'"))
    }

    @Test func checkRunsFixturesWithTheRuleFolder() throws {
        let fixtures = BinaryRunner.sample("regressions/rules")
        #expect(try BinaryRunner.run(["check", "--rules", ruleFolder, fixtures]).status == 2)
        let check = try BinaryRunner.run(["check", "--no-builtin", "--rules", ruleFolder, fixtures])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func noBuiltinWithoutFilesIsAUsageError() throws {
        for arguments in [["scan", "--no-builtin", failing], ["check", "--no-builtin", BinaryRunner.sample("regressions/rules")],
                          ["rules", "list", "--no-builtin"], ["rules", "validate", "--no-builtin"],
                          ["diff", "--no-builtin", failing, failing]] {
            let result = try BinaryRunner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("--no-builtin"), "\(arguments): \(result.stderr)")
        }
    }
}
