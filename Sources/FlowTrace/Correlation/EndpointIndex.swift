/// Every flow's endpoints in one block of raw memory, for the correlator's per-line question
/// "which flow serves this request line". Matching reads no array of a class, so it counts no
/// references (each a pair of atomic operations) the way `[Endpoint]` with its path arrays would.
final class EndpointIndex {
    private struct Entry {
        var flow: Int
        var method: HTTPMethod
        var pathStart: Int
        var pathCount: Int
    }

    private let entries: UnsafeMutableBufferPointer<Entry>
    private let paths: UnsafeMutableRawBufferPointer

    /// Indexes the endpoints of `flows`, in order: the first match wins.
    init(_ flows: [FlowDefinition]) {
        var list: [Entry] = []
        var bytes: [UInt8] = []
        for (flow, definition) in flows.enumerated() {
            for endpoint in definition.endpoints {
                list.append(Entry(flow: flow, method: endpoint.method, pathStart: bytes.count,
                                  pathCount: endpoint.path.utf8.count))
                bytes.append(contentsOf: endpoint.path.utf8)
            }
        }
        entries = .allocate(capacity: list.count)
        _ = entries.initialize(from: list)
        paths = .allocate(byteCount: max(bytes.count, 1), alignment: 8)
        paths.copyBytes(from: bytes)
    }

    deinit {
        entries.deallocate()
        paths.deallocate()
    }

    /// The flow of the first endpoint that `method` and `path` (a request line's) name.
    func flow(method: HTTPMethod, path: UnsafeRawBufferPointer) -> Int? {
        for entry in entries where entry.method == method {
            let own = UnsafeRawBufferPointer(rebasing: paths[entry.pathStart..<entry.pathStart + entry.pathCount])
            if Endpoint.path(path, matches: own) { return entry.flow }
        }
        return nil
    }
}
