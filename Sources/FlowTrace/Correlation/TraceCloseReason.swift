/// Why a trace was closed.
public enum TraceCloseReason: String, Sendable {
    /// Its flow's end step, a request-end line or an access line ended it.
    case ended = "end"
    /// No line joined it within the idle window.
    case idle
    /// Too many traces were open; it was the least recently active.
    case evicted
    /// It had more lines or text than a trace may hold (``Trace/maxEvents``,
    /// ``Trace/maxTextBytes``): these are a part of it, and the trace it links to goes on.
    case split
    /// The input ended.
    case endOfInput = "end-of-input"
}
