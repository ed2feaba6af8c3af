extension Trace {
    /// One evidence line of a finding: its number and its message (the text after the layout's
    /// prefix), as logged — untrusted: reporters escape and redact it.
    public struct EvidenceLine: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// The trace's lines among `lines`, in order of line number. A cross-trace finding's lines
    /// in the earlier trace are not in this one and are left out.
    public func evidence(lines: [Int]) -> [EvidenceLine] {
        var found: [EvidenceLine] = []
        withText { text in
            // Read in place (a `for event in events` loop copies every event), and `lines`, a
            // finding's few, searched as they are.
            events.withUnsafeBufferPointer { events in
                for event in events.indices.lazy.map({ events.baseAddress! + $0 })
                where lines.contains(event.pointee.lineNumber) {
                    found.append(EvidenceLine(line: event.pointee.lineNumber, message: event.pointee.message.string(in: text)))
                }
            }
        }
        return found.sorted { $0.line < $1.line }
    }
}
