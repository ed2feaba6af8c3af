@testable import FlowTrace

extension FlowTraceError {
    /// The error `body` throws, or nil when it throws none (or one of another type).
    static func thrown<T>(by body: @autoclosure () throws -> T) -> FlowTraceError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? FlowTraceError
        }
    }
}
