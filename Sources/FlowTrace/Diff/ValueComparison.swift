/// Tells a difference that shows a different outcome from one that only shows other inputs or
/// quantities, which differ between any two requests.
///
/// Minor (shown, no divergence) when the step's status and outcome are the same on both sides
/// and every change is either a quantity (`1250 credits` / `640 credits`, `attempt 1/3` /
/// `attempt 2/3`) or the one-word value of a `key:`/`key=` parameter (`model: fal-ai/flux/dev`).
/// A divergence: a count that becomes or stops being zero (`1 rows` / `0 rows`), an HTTP status of
/// another class (`200` / `403`), a quoted string, a boolean (`True` / `False`), other words, or
/// another status symbol.
public enum ValueComparison {
    /// Whether the changes between two steps of the same status and outcome are all minor.
    public static func isMinor(_ changes: [WordChange]) -> Bool {
        !changes.isEmpty && changes.allSatisfy { isQuantity($0) || isParameter($0) }
    }

    /// Both sides the same unquoted word but for its numbers (`1250`, `1/3)`), none of which turns
    /// from or to zero or into an HTTP status of another class.
    static func isQuantity(_ change: WordChange) -> Bool {
        guard !isQuoted(change.left), !isQuoted(change.right) else { return false }
        let left = runs(change.left), right = runs(change.right)
        guard left.count == right.count, left.contains(where: \.isNumber) else { return false }
        for (a, b) in zip(left, right) {
            guard a.isNumber == b.isNumber else { return false }
            guard a.isNumber else {
                if a.text != b.text { return false }
                continue
            }
            guard let x = Double(a.text), let y = Double(b.text) else { return false }
            if (x == 0) != (y == 0) { return false }
            if isHTTPStatus(x), isHTTPStatus(y), Int(x) / 100 != Int(y) / 100 { return false }
        }
        return true
    }

    /// A word split into runs of digits (with a decimal point) and runs of anything else.
    private static func runs(_ word: String) -> [(text: Substring, isNumber: Bool)] {
        var runs: [(Substring, Bool)] = []
        var start = word.startIndex
        var index = word.startIndex
        var inNumber = false
        while index < word.endIndex {
            let character = word[index]
            let digit = character.isASCII && (character.isNumber || (inNumber && character == "."))
            if index == start { inNumber = digit } else if digit != inNumber {
                runs.append((word[start..<index], inNumber))
                start = index
                inNumber = digit
            }
            index = word.index(after: index)
        }
        if start < word.endIndex { runs.append((word[start..<word.endIndex], inNumber)) }
        return runs
    }

    /// One word on each side after a `key:` word, or `key=value` words with the same key; not a
    /// boolean, nothing quoted.
    static func isParameter(_ change: WordChange) -> Bool {
        let left = change.left, right = change.right
        guard !left.isEmpty, !right.isEmpty, !left.contains(" "), !right.contains(" "),
              !isBoolean(left), !isBoolean(right), !isQuoted(left), !isQuoted(right),
              !runs(left).contains(where: \.isNumber) || !runs(right).contains(where: \.isNumber) else { return false }
        if let key = change.after.last, key == ":" || key == "=", change.after.count > 1 {
            return true
        }
        guard let l = left.firstIndex(of: "="), let r = right.firstIndex(of: "="),
              left[..<l] == right[..<r], !left[..<l].isEmpty else { return false }
        let leftValue = String(left[left.index(after: l)...]), rightValue = String(right[right.index(after: r)...])
        return !isBoolean(leftValue) && !isBoolean(rightValue) && !isQuoted(leftValue) && !isQuoted(rightValue)
    }

    private static func isHTTPStatus(_ value: Double) -> Bool {
        value >= 100 && value < 600 && value == value.rounded()
    }

    private static func isBoolean(_ word: String) -> Bool {
        ["true", "false", "none", "null", "nil", "yes", "no"].contains(word.trimmingSuffix(",;:)").lowercased())
    }

    private static func isQuoted(_ word: String) -> Bool {
        word.contains("\"") || word.contains("'")
    }
}

extension String {
    /// The string without trailing characters from `characters`.
    func trimmingSuffix(_ characters: String) -> String {
        var end = endIndex
        while end > startIndex, characters.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[..<end])
    }
}
