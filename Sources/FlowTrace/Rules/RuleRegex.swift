import CPCRE2

/// A rule step's regular expression: PCRE2, compiled and JIT-compiled once, run under match and
/// depth limits so that a catastrophic pattern costs bounded time and is reported, never hangs.
/// Named groups become fields. Not thread-safe: one engine, one thread.
public final class RuleRegex: @unchecked Sendable {
    public enum Outcome {
        case noMatch
        /// The named groups that took part, with their byte ranges in the subject.
        case match([(String, TextRange)])
        case limitExceeded
    }

    public let source: String
    public let groupNames: [String]
    /// A literal every match contains, used as a prefilter when the step gives none.
    public let requiredLiteral: String?
    private let code: OpaquePointer
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let groupNumbers: [Int]

    public static let matchLimit: UInt32 = 1_000_000
    public static let depthLimit: UInt32 = 10_000

    public init(_ source: String, caseInsensitive: Bool, location: FlowTraceError.Location?) throws {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let options = UInt32(PCRE2_UTF | PCRE2_MATCH_INVALID_UTF) | (caseInsensitive ? UInt32(PCRE2_CASELESS) : 0)
        let compiled = source.withCString { pointer in
            pcre2_compile_8(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), source.utf8.count,
                            options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let reason = String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            throw FlowTraceError(.invalidPattern, "invalid regex /\(source)/: \(reason) at offset \(errorOffset)",
                                 at: location)
        }
        code = compiled
        _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
        matchData = pcre2_match_data_create_from_pattern_8(code, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, RuleRegex.matchLimit)
        pcre2_set_depth_limit_8(context, RuleRegex.depthLimit)
        self.source = source
        (groupNames, groupNumbers) = RuleRegex.namedGroups(of: compiled)
        requiredLiteral = caseInsensitive ? nil : RuleRegex.leadingLiteral(of: source)
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
        pcre2_code_free_8(code)
    }

    /// Runs the expression on `subject`.
    public func match(_ subject: UnsafeRawBufferPointer) -> Outcome {
        let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        let result = pcre2_match_8(code, base, subject.count, 0, 0, matchData, context)
        if result == PCRE2_ERROR_NOMATCH { return .noMatch }
        if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_DEPTHLIMIT || result == PCRE2_ERROR_JIT_STACKLIMIT {
            return .limitExceeded
        }
        guard result >= 0 else { return .noMatch }
        let vector = pcre2_get_ovector_pointer_8(matchData)!
        var groups: [(String, TextRange)] = []
        for (name, number) in zip(groupNames, groupNumbers) where number < Int(result) {
            let start = vector[2 * number]
            let end = vector[2 * number + 1]
            if start >= 0, start <= subject.count, end >= start, end <= subject.count {
                groups.append((name, TextRange(start: start, count: end - start)))
            }
        }
        return .match(groups)
    }

    private static func namedGroups(of code: OpaquePointer) -> ([String], [Int]) {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, count > 0 else { return ([], []) }
        var names: [String] = []
        var numbers: [Int] = []
        for index in 0..<Int(count) {
            let entry = table + index * Int(entrySize)
            numbers.append(Int(entry[0]) << 8 | Int(entry[1]))
            let nameBytes = UnsafeBufferPointer(start: entry + 2, count: Int(entrySize) - 2)
            names.append(String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self))
        }
        return (names, numbers)
    }

    /// The literal text a pattern starts with, when it starts with at least four plain
    /// characters and has no top-level alternation; nil otherwise (no prefilter, never a wrong one).
    static func leadingLiteral(of pattern: String) -> String? {
        var depth = 0
        for character in pattern {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == "|" && depth == 0 { return nil }
        }
        var literal = ""
        var characters = Array(pattern)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if "\\^$.|?*+()[]{}".contains(character) { break }
            if index + 1 < characters.count, "?*{".contains(characters[index + 1]) { break }
            literal.append(character)
            index += 1
        }
        characters.removeAll()
        return literal.count >= 4 ? literal : nil
    }
}
