/// An HTTP endpoint a flow serves, such as `POST /api/v1/generations`: it ties access and
/// request-tracking lines to the flow.
public struct Endpoint: Sendable, Equatable {
    public var method: HTTPMethod
    public var path: String
    private var pathBytes: [UInt8]

    public init(method: HTTPMethod, path: String) {
        self.method = method
        self.path = path
        self.pathBytes = Array(path.utf8)
    }

    /// Reads `"METHOD /path"`.
    public init(_ config: ConfigNode) throws {
        let text = try config.string()
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].hasPrefix("/") else {
            throw config.error("expected 'METHOD /path', got '\(text)'")
        }
        var methodText = String(parts[0]).uppercased()
        guard let method = methodText.withUTF8({ HTTPMethod(token: UnsafeRawBufferPointer($0)) }) else {
            throw config.error("unknown HTTP method '\(parts[0])'")
        }
        self.init(method: method, path: String(parts[1]))
    }

    /// Whether a line's method and path (the path may carry a query or a trailing id) are this endpoint.
    public func matches(method: HTTPMethod, path: UnsafeRawBufferPointer) -> Bool {
        guard method == self.method else { return false }
        return pathBytes.withUnsafeBytes { Endpoint.path(path, matches: $0) }
    }

    /// Whether a line's `path` is an endpoint's path `own`, perhaps followed by a query or a
    /// trailing id.
    static func path(_ path: UnsafeRawBufferPointer, matches own: UnsafeRawBufferPointer) -> Bool {
        guard ByteSearch.hasPrefix(path, own) else { return false }
        guard path.count > own.count else { return true }
        let next = path[own.count]
        return next == UInt8(ascii: "?") || next == UInt8(ascii: "/")
    }

    public static func == (lhs: Endpoint, rhs: Endpoint) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path
    }
}
