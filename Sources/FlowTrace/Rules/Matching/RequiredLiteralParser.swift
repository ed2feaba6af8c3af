/// Finds text that every match of a PCRE2 pattern contains, for ``LiteralPrefilter/requiredLiteral(of:)``.
///
/// Reads the pattern as a sequence of atoms, each perhaps quantified, and keeps the runs of literal text
/// between gaps (anything not literal). It knows a deliberately small part of PCRE2's syntax and gives up
/// on everything else: a missing literal only costs speed, a wrong one would lose matches.
struct RequiredLiteralParser {
    /// Literal runs in order, with unknown text between consecutive runs. One run means the text is exact.
    typealias Runs = [String]

    /// Thrown on anything the parser does not understand well enough.
    private struct GiveUp: Error {}

    /// A zero-width item (anchor, word boundary) separates nothing; anything else is text or a gap.
    private enum Atom {
        case runs(Runs)
        case zeroWidth
    }

    private static let gap: Runs = ["", ""]
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// The longest literal run that every match contains (the first, among equally long), or nil.
    mutating func requiredLiteral() -> String? {
        // Alternatives at the top level: no single literal is required.
        guard let literals = requiredLiteralPerAlternative(), literals.count == 1 else { return nil }
        return literals[0]
    }

    /// For each top-level alternative, the longest literal run every match of it contains; nil when
    /// one alternative has none (then no set of literals is required).
    mutating func requiredLiteralPerAlternative() -> [String]? {
        // A stray ")" ends the alternatives before the end: the pattern is not understood.
        guard let branches = try? parseAlternation(), current == nil else { return nil }
        var literals: [String] = []
        for runs in branches {
            guard let literal = Self.longest(runs) else { return nil }
            literals.append(literal)
        }
        return literals
    }

    private static func longest(_ runs: Runs) -> String? {
        runs.filter { !$0.isEmpty }.max { $0.utf8.count < $1.utf8.count }
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func parseAlternation() throws -> [Runs] {
        var branches = [try parseSequence()]
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches
    }

    /// Atoms up to the next `|`, `)` or the end.
    private mutating func parseSequence() throws -> Runs {
        var runs: Runs = [""]
        while let scalar = current, scalar != "|", scalar != ")" {
            let atom = try parseAtom()
            let quantifier = try parseQuantifier()
            switch (atom, quantifier) {
            case (.zeroWidth, nil):
                continue
            case (.zeroWidth, _):
                throw GiveUp()
            case (.runs(let text), nil):
                Self.append(text, to: &runs)
            case (.runs(let text), (let min, let max)?):
                if min == 0 {
                    runs.append("")
                } else if min == max, text.count == 1, text[0].utf8.count * min <= 256 {
                    Self.append([String(repeating: text[0], count: min)], to: &runs)
                } else {
                    Self.append(text, to: &runs)
                    if max != 1 { runs.append("") }
                }
            }
        }
        return runs
    }

    /// Appends `text` to `runs`: its first run continues the last run of `runs`.
    private static func append(_ text: Runs, to runs: inout Runs) {
        runs[runs.count - 1] += text[0]
        runs.append(contentsOf: text.dropFirst())
    }

    private mutating func parseAtom() throws -> Atom {
        guard let scalar = current else { throw GiveUp() }
        index += 1
        switch scalar {
        case "(":
            return .runs(try parseGroup())
        case "[":
            try skipClass()
            return .runs(Self.gap)
        case ".":
            return .runs(Self.gap)
        case "^", "$":
            return .zeroWidth
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw GiveUp()
        case "{":
            // A brace that could start a quantifier (which versions of PCRE2 read differently) is not
            // a literal we can trust; one followed by anything else is literal in every version.
            if let next = current, Self.startsQuantifierBody(next) { throw GiveUp() }
            return .runs(["{"])
        default:
            return .runs([String(scalar)])
        }
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` (then perhaps a lazy `?` or possessive `+`) as (min, max).
    private mutating func parseQuantifier() throws -> (min: Int, max: Int?)? {
        let quantifier: (min: Int, max: Int?)
        switch current {
        case "*": quantifier = (0, nil)
        case "+": quantifier = (1, nil)
        case "?": quantifier = (0, 1)
        case "{":
            guard let next = peek(1), Self.startsQuantifierBody(next) else { return nil }
            index += 1
            guard let min = parseNumber() else { throw GiveUp() }
            var max: Int? = min
            if current == "," {
                index += 1
                max = parseNumber()
            }
            guard current == "}" else { throw GiveUp() }
            quantifier = (min, max)
        default:
            return nil
        }
        index += 1
        if current == "?" || current == "+" { index += 1 }
        if let next = current, "*+?{".unicodeScalars.contains(next) { throw GiveUp() }
        return quantifier
    }

    private static func startsQuantifierBody(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || scalar == "," || scalar == " "
    }

    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar), (value ?? 0) < 100_000 {
            value = (value ?? 0) * 10 + Int(scalar.value - 48)
            index += 1
        }
        return value
    }

    /// After `(`: a capturing, non-capturing, named or atomic group, or a lookaround (a gap).
    private mutating func parseGroup() throws -> Runs {
        var isLookaround = false
        if current == "*" { throw GiveUp() }
        if current == "?" {
            switch (peek(1), peek(2)) {
            case (":", _), (">", _):
                index += 2
            case ("=", _), ("!", _):
                index += 2
                isLookaround = true
            case ("<", "="), ("<", "!"):
                index += 3
                isLookaround = true
            case ("<", _):
                index += 2
                try skipName(until: ">")
            case ("P", "<"):
                index += 3
                try skipName(until: ">")
            case ("'", _):
                index += 2
                try skipName(until: "'")
            default:
                throw GiveUp()
            }
        }
        let branches = try parseAlternation()
        guard current == ")" else { throw GiveUp() }
        index += 1
        return isLookaround || branches.count > 1 ? Self.gap : branches[0]
    }

    private mutating func skipName(until terminator: Unicode.Scalar) throws {
        while let scalar = current, scalar != terminator {
            guard scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                throw GiveUp()
            }
            index += 1
        }
        guard current == terminator else { throw GiveUp() }
        index += 1
    }

    /// After `[`: skips the class up to its closing `]`.
    private mutating func skipClass() throws {
        if current == "^" { index += 1 }
        if current == "]" { index += 1 }
        while let scalar = current {
            switch scalar {
            case "]":
                index += 1
                return
            case "\\":
                guard let escaped = peek(1), escaped != "Q", escaped != "E" else { throw GiveUp() }
                index += 2
            case "[" where peek(1) == ":" || peek(1) == "." || peek(1) == "=":
                try skipPOSIXClass()
            default:
                index += 1
            }
        }
        throw GiveUp()
    }

    /// `[:name:]` (or `[:^name:]`) inside a class; anything else in that shape is given up on.
    private mutating func skipPOSIXClass() throws {
        guard peek(1) == ":" else { throw GiveUp() }
        index += 2
        if current == "^" { index += 1 }
        while let scalar = current, ("a"..."z").contains(scalar) { index += 1 }
        guard current == ":", peek(1) == "]" else { throw GiveUp() }
        index += 2
    }

    /// After `\`.
    private mutating func parseEscape() throws -> Atom {
        guard let scalar = current else { throw GiveUp() }
        index += 1
        switch scalar {
        case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "X":
            return .runs(Self.gap)
        case "N":
            if current == "{" { throw GiveUp() }
            return .runs(Self.gap)
        case "p", "P":
            if current == "{" {
                while let next = current, next != "}" { index += 1 }
                guard current == "}" else { throw GiveUp() }
            }
            guard current != nil else { throw GiveUp() }
            index += 1
            return .runs(Self.gap)
        case "b", "B", "A", "z", "Z", "G":
            return .zeroWidth
        case "t": return .runs(["\t"])
        case "n": return .runs(["\n"])
        case "r": return .runs(["\r"])
        case "f": return .runs(["\u{0C}"])
        case "e": return .runs(["\u{1B}"])
        case "a": return .runs(["\u{07}"])
        default:
            // Punctuation and space lose any special meaning; letters and digits we do not know are
            // backreferences, code points and other things that are not a fixed literal.
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar),
                scalar.value >= 0x20, scalar.value < 0x7F
            else { throw GiveUp() }
            return .runs([String(scalar)])
        }
    }
}
