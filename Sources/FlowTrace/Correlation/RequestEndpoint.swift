/// The method and path of one request as its request-tracking line names it, to recognise the
/// access line of the same request.
struct RequestEndpoint: Equatable {
    var method: HTTPMethod
    var pathKey: EntityKey

    init(_ event: Event, text: UnsafeRawBufferPointer) {
        method = event.httpMethod
        pathKey = EntityKey(hashing: RequestEndpoint.withoutQuery(event.httpPath.slice(text)))
    }

    private static func withoutQuery(_ path: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let question = path.firstIndex(of: UInt8(ascii: "?")) else { return path }
        return UnsafeRawBufferPointer(rebasing: path[..<question])
    }
}
