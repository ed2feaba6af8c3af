/// Masks the variable parts of a log message — UUIDs, hex strings, numbers, dates and times,
/// quoted strings — so that two lines saying the same thing about other values read the same:
/// `User 22cb3917-… has 1200 credits` becomes `User <uuid> has <n> credits`. Used by finding
/// fingerprints, which must survive unrelated changes to a log.
public enum EvidenceMask {
    /// `message` with every variable part replaced by a placeholder.
    public static func mask(_ message: String) -> String {
        let scalars = Array(message.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let previous = index > 0 ? scalars[index - 1] : nil
            let startsWord = previous.map { !isWordScalar($0) } ?? true
            if startsWord, let end = uuidEnd(scalars, index) {
                output.append(contentsOf: "<uuid>".unicodeScalars)
                index = end
            } else if startsWord, let end = hexEnd(scalars, index) {
                output.append(contentsOf: "<hex>".unicodeScalars)
                index = end
            } else if isDigit(scalar), previous.map({ !isLetter($0) }) ?? true {
                let (end, isTime) = numberEnd(scalars, index)
                output.append(contentsOf: (isTime ? "<time>" : "<n>").unicodeScalars)
                index = end
            } else if (scalar == "\"" || (scalar == "'" && startsWord)), let end = quoteEnd(scalars, index) {
                output.append(contentsOf: "<str>".unicodeScalars)
                index = end
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar >= "a" && scalar <= "f") || (scalar >= "A" && scalar <= "F")
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || isDigit(scalar) }

    /// `8-4-4-4-12` hex digits, not followed by a word character.
    private static func uuidEnd(_ scalars: [Unicode.Scalar], _ start: Int) -> Int? {
        var index = start
        for (group, length) in [8, 4, 4, 4, 12].enumerated() {
            if group > 0 {
                guard index < scalars.count, scalars[index] == "-" else { return nil }
                index += 1
            }
            for _ in 0..<length {
                guard index < scalars.count, isHex(scalars[index]) else { return nil }
                index += 1
            }
        }
        return index < scalars.count && isWordScalar(scalars[index]) ? nil : index
    }

    /// `0x…`, or a word of at least 8 hex digits with a digit and a letter among them.
    private static func hexEnd(_ scalars: [Unicode.Scalar], _ start: Int) -> Int? {
        var index = start
        if scalars[index] == "0", index + 2 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
           isHex(scalars[index + 2]) {
            index += 2
            while index < scalars.count, isHex(scalars[index]) { index += 1 }
            return index
        }
        var digits = 0
        var letters = 0
        while index < scalars.count, isHex(scalars[index]) {
            if isDigit(scalars[index]) { digits += 1 } else { letters += 1 }
            index += 1
        }
        guard index - start >= 8, digits > 0, letters > 0 else { return nil }
        return index < scalars.count && isWordScalar(scalars[index]) ? nil : index
    }

    /// A run of digits joined by `:`, `.`, `,`, `-`, `T` (dates, times, decimals), with an
    /// optional trailing `Z`; a time when it has a `:`.
    private static func numberEnd(_ scalars: [Unicode.Scalar], _ start: Int) -> (Int, Bool) {
        var index = start
        var isTime = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(scalar) {
                index += 1
            } else if [":", ".", ",", "-", "T"].contains(scalar), index + 1 < scalars.count, isDigit(scalars[index + 1]) {
                if scalar == ":" { isTime = true }
                index += 1
            } else {
                break
            }
        }
        if isTime, index < scalars.count, scalars[index] == "Z" { index += 1 }
        return (index, isTime)
    }

    /// The end of a string quoted with the quote at `start`, on the same line; nil when unclosed.
    private static func quoteEnd(_ scalars: [Unicode.Scalar], _ start: Int) -> Int? {
        let quote = scalars[start]
        var index = start + 1
        while index < scalars.count {
            if scalars[index] == "\\" { index += 2; continue }
            if scalars[index] == quote { return index + 1 }
            if scalars[index] == "\n" { return nil }
            index += 1
        }
        return nil
    }
}
