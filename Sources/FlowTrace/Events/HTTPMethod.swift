/// An HTTP request method seen in an access, request-tracking or HTTP-client line.
public enum HTTPMethod: UInt8, Sendable, CaseIterable {
    case none = 0
    case get, post, put, patch, delete, head, options

    public var name: String? {
        switch self {
        case .none: nil
        case .get: "GET"
        case .post: "POST"
        case .put: "PUT"
        case .patch: "PATCH"
        case .delete: "DELETE"
        case .head: "HEAD"
        case .options: "OPTIONS"
        }
    }

    /// Recognises an upper-case method token.
    public init?(token: UnsafeRawBufferPointer) {
        guard let method = HTTPMethod.allCases.dropFirst().first(where: { method in
            let name = method.name!.utf8
            return name.count == token.count && zip(name, token).allSatisfy { $0 == $1 }
        }) else { return nil }
        self = method
    }

    /// The database operation PostgREST performs for this method on a table path.
    public var postgrestOperation: Operation {
        switch self {
        case .get, .head: .select
        case .post: .insert
        case .patch, .put: .update
        case .delete: .delete
        case .none, .options: .none
        }
    }
}
