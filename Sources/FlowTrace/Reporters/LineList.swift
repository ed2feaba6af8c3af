/// Describes line numbers compactly for people: `3, 5–9, 12`.
public enum LineList {
    public static func describe(_ lines: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = lines.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// A span of lines: `3–40`, or `3` for one line.
    public static func describe(_ span: ClosedRange<Int>) -> String {
        span.count == 1 ? "\(span.lowerBound)" : "\(span.lowerBound)–\(span.upperBound)"
    }
}
