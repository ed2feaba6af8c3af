@testable import FlowTrace

/// A match outcome with its ranges turned into text, so tests can compare it after the scratch moved on.
enum Found: Equatable, CustomStringConvertible {
    case noMatch
    case match(text: String, range: TextRange, groups: [String?])
    case limitExceeded

    var description: String {
        switch self {
        case .noMatch: "noMatch"
        case .limitExceeded: "limitExceeded"
        case let .match(text, range, groups): "match(\(text.debugDescription) at \(range.start)+\(range.count), \(groups))"
        }
    }

    /// The whole match's text, when there is one.
    var text: String? {
        if case .match(let text, _, _) = self { return text }
        return nil
    }

    /// The named groups' texts in group-number order (nil for a group that took no part), when matched.
    var groups: [String?]? {
        if case .match(_, _, let groups) = self { return groups }
        return nil
    }

    /// The whole match's byte range, when there is one.
    var range: TextRange? {
        if case .match(_, let range, _) = self { return range }
        return nil
    }
}

extension Pattern {
    /// Matches `line` and turns the outcome into text, reading every group while the match is valid.
    func find(in line: [UInt8], scratch: inout MatchScratch) -> Found {
        line.withUnsafeBytes { bytes in
            switch firstMatch(in: bytes, scratch: &scratch) {
            case .noMatch:
                return .noMatch
            case .limitExceeded:
                return .limitExceeded
            case .match(let match):
                let groups = groupNames.indices.map { index in match.range(ofGroup: index)?.string(in: bytes) }
                return .match(text: match.range.string(in: bytes), range: match.range, groups: groups)
            }
        }
    }

    /// Matches `line` (as UTF-8) with a fresh scratch.
    func find(in line: String) -> Found {
        var scratch = MatchScratch()
        return find(in: Array(line.utf8), scratch: &scratch)
    }
}
