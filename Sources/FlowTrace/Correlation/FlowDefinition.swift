/// One kind of request flow: how it starts, how it ends, and which endpoints serve it.
public struct FlowDefinition: Sendable {
    public var id: String
    public var title: String
    public var endpoints: [Endpoint]
    public var starts: [StepPattern]
    public var ends: [StepPattern]
    /// Whether a start of this flow inside an open trace of the same user is a step of that
    /// trace rather than a new request (a service method that several flows call).
    public var nests: Bool

    public init(id: String, title: String = "", endpoints: [Endpoint] = [], starts: [StepPattern],
                ends: [StepPattern] = [], nests: Bool = false) {
        self.id = id
        self.title = title
        self.endpoints = endpoints
        self.starts = starts
        self.ends = ends
        self.nests = nests
    }

    init(_ config: ConfigNode) throws {
        let fields = try config.mapping(allowedKeys: ["id", "title", "endpoints", "start", "end", "nests"])
        guard let idNode = fields["id"] else { throw config.error("a flow needs an id") }
        guard let startNode = fields["start"] else { throw config.error("a flow needs at least one start") }
        self.init(
            id: try idNode.string(),
            title: try fields["title"]?.string() ?? "",
            endpoints: try fields["endpoints"]?.items().map(Endpoint.init) ?? [],
            starts: try startNode.items().map(StepPattern.init),
            ends: try fields["end"]?.items().map(StepPattern.init) ?? [],
            nests: try fields["nests"]?.bool() ?? false
        )
        if starts.isEmpty { throw startNode.error("a flow needs at least one start") }
    }

    /// Whether a request line's method and path belong to this flow.
    public func serves(method: HTTPMethod, path: UnsafeRawBufferPointer) -> Bool {
        endpoints.contains { $0.matches(method: method, path: path) }
    }
}
