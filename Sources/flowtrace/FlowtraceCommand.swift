import ArgumentParser
import FlowTrace

@main
struct FlowtraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowtrace",
        abstract: "Turn service logs into per-request traces and show where a request went wrong."
    )
}
