import Foundation

/// Runs regression fixtures (`flowtrace check`): scans each log with the rules, as `flowtrace scan`
/// would, and compares the findings with its expectation file, or (`--update`) rewrites that file
/// from them. Each fixture gets a fresh rule engine, so fixtures never influence one another.
public struct FixtureRunner {
    public var options: ScanOptions
    public var ruleSet: RuleSet

    public init(options: ScanOptions, ruleSet: RuleSet) {
        self.options = options
        self.ruleSet = ruleSet
    }

    /// Scans the fixture's log: its findings and the input error that ended it early, if any.
    public func scan(_ fixture: Fixture) throws -> ([Finding], FlowTraceError?) {
        let collector = FindingCollector()
        let engine = RuleEngine(ruleSet: ruleSet, flowNames: options.correlation.flows.map(\.id))
        let scanner = Scanner(options: options, reporter: collector, judge: engine.judgeWithFingerprints)
        let summary = try scanner.scan(path: fixture.logPath)
        return (collector.findings, summary.error)
    }

    /// Checks one fixture. A missing or invalid expectation file fails the fixture (it is never a
    /// silent pass) and says how to fix it.
    public func check(_ fixture: Fixture) throws -> FixtureOutcome {
        let (findings, inputError) = try scan(fixture)
        guard FileManager.default.fileExists(atPath: fixture.expectationPath) else {
            return FixtureOutcome(fixture: fixture, findings: findings, inputError: inputError, problem: .init(
                subject: "expectation file", expected: fixture.expectationPath,
                actual: "missing — run `flowtrace check --update` to write it from the current findings, then review it"))
        }
        do {
            let expectation = try Expectation(yaml: try ConfigFile.text(at: fixture.expectationPath),
                                              file: fixture.expectationPath)
            return FixtureOutcome(fixture: fixture, findings: findings, inputError: inputError, expectation: expectation)
        } catch let error as FlowTraceError {
            return FixtureOutcome(fixture: fixture, findings: findings, inputError: inputError, problem: .init(
                subject: "expectation file", expected: "a valid expectation", actual: error.description))
        }
    }

    /// Writes the fixture's expectation file from its current findings; returns whether it changed.
    public func update(_ fixture: Fixture) throws -> Bool {
        let (findings, inputError) = try scan(fixture)
        let name = URL(fileURLWithPath: fixture.logPath).lastPathComponent
        let text = Expectation(snapshotOf: findings, inputError: inputError?.code).yaml(fixture: name)
        if let existing = try? ConfigFile.text(at: fixture.expectationPath), existing == text { return false }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: fixture.expectationPath), options: .atomic)
        } catch {
            throw FlowTraceError(.output, "cannot write the expectation: \(error.localizedDescription)",
                                 at: .init(file: fixture.expectationPath))
        }
        return true
    }
}
