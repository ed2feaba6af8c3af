@testable import FlowTrace

/// Builds flows for diff tests from message lines, optionally prefixed by a time in milliseconds
/// (`@1500 ✅ [DATABASE] …`); the leading symbol gives the status, as the parser would.
enum DiffFlowBuilder {
    static func flow(_ messages: [String], file: String = "test.log") -> DiffFlow {
        DiffFlow(file: file, steps: messages.enumerated().map { index, message in step(message, line: index + 1) })
    }

    static func step(_ text: String, line: Int = 1) -> FlowStep {
        var message = text
        var time: LogTime?
        if message.hasPrefix("@"), let space = message.firstIndex(of: " "),
           let milliseconds = Int64(message[message.index(after: message.startIndex)..<space]) {
            time = LogTime(milliseconds: milliseconds, hasDate: true)
            message = String(message[message.index(after: space)...])
        }
        let status: Status = switch message.unicodeScalars.first {
        case "✅": .ok
        case "❌": .error
        case "⚠": .warning
        case "🔍": .step
        case "💳": .credit
        case "🔑": .serviceClient
        case "🔓": .anonClient
        case "👤": .user
        default: .none
        }
        let outcome: TraceStatus = status == .error ? .error : status == .warning ? .warning : .ok
        var tag = ""
        if let open = message.firstIndex(of: "["), let close = message[open...].firstIndex(of: "]") {
            tag = String(message[message.index(after: open)..<close])
        }
        return FlowStep(line: line, time: time, status: status, outcome: outcome, message: message, tag: tag)
    }
}
