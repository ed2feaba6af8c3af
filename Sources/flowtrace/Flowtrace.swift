import ArgumentParser

/// The `flowtrace` command: subcommands only, the work is in the FlowTrace library.
struct Flowtrace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowtrace",
        abstract: "Turn service logs into per-request traces and show where a request went wrong.",
        discussion: """
            Exit codes: 0 clean, 1 findings at or above the threshold (check: a fixture failed; \
            diff: the flows diverge), 2 input or usage error.
            """,
        version: "0.1.0",
        subcommands: [Scan.self, Diff.self, Check.self, Rules.self, Parse.self],
        defaultSubcommand: Scan.self
    )
}
