/// Reading a step's `http_status`: one status (`401`), a class (`4xx`) or a range (`400-499`) of
/// real statuses, 100 to 599. Anything else could never match a response, so it is refused.
extension RuleStep {
    static let httpStatusForms = "a status (401), a class (4xx) or a range (400-499), of statuses 100 to 599"

    static func statusRange(_ node: ConfigNode) throws -> ClosedRange<UInt16> {
        guard case .scalar = node.node else {
            throw node.error("http_status takes one status, class or range, not a list",
                             hint: "for several statuses use a range (400-403) or a class (4xx), or one step per status")
        }
        let text = try node.string()
        if text.utf8.count == 3, let hundreds = text.first?.wholeNumberValue, text.dropFirst().lowercased() == "xx" {
            guard (1...5).contains(hundreds) else {
                throw node.error("'\(text)' is no class of HTTP statuses", hint: "classes run from 1xx to 5xx")
            }
            return UInt16(hundreds * 100)...UInt16(hundreds * 100 + 99)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(isDigits) else {
            throw node.error("http_status is \(httpStatusForms), got '\(text)'")
        }
        if let outside = parts.first(where: { $0.utf8.count != 3 || !(100...599).contains(Int($0)!) }) {
            throw node.error("'\(outside)' is not an HTTP status", hint: "statuses run from 100 to 599")
        }
        let bounds = parts.map { UInt16($0)! }
        guard bounds[0] <= bounds[bounds.count - 1] else {
            throw node.error("the range \(text) runs backwards", hint: "write it low to high: \(bounds[1])-\(bounds[0])")
        }
        return bounds[0]...bounds[bounds.count - 1]
    }

    /// One to six ASCII digits (a number that fits whatever its value).
    private static func isDigits(_ part: Substring) -> Bool {
        (1...6).contains(part.utf8.count) && part.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
