/// Where a rule's regular expression hit its match or depth limit: the line was not judged by
/// that step, and the scan says so instead of hanging on a catastrophic pattern.
public struct RegexLimitReport: Sendable {
    public private(set) var count = 0
    public private(set) var first: (step: String, line: Int)?

    public init() {}

    mutating func record(step: String, line: Int) {
        count += 1
        if first == nil { first = (step, line) }
    }
}
