import CPCRE2

/// One compiled PCRE2 regular expression, as a rule uses it: compiled and JIT-compiled once, then matched
/// against many lines of bytes with ``firstMatch(in:scratch:)``.
///
/// Patterns are compiled in UTF mode with `PCRE2_MATCH_INVALID_UTF`, so subjects may hold invalid UTF-8 (as
/// log lines do): an invalid sequence never matches any pattern item and acts as a barrier no match crosses.
/// `\C` (match one byte inside a character) is refused. A compiled pattern is immutable and may be shared by
/// threads; each thread matches with its own ``MatchScratch``.
public final class Pattern: @unchecked Sendable {
    /// The pattern as written.
    public let source: String
    /// Whether letters match regardless of case (PCRE2's Unicode simple case folding).
    public let caseInsensitive: Bool
    /// The named groups, in group-number order (a name given to several groups with `(?J)` appears once per group).
    public let groupNames: [String]
    /// Whether matching runs JIT-compiled code; false when the JIT is unavailable and PCRE2 interprets.
    public let isJIT: Bool

    /// The compiled code, freed in `deinit`.
    let code: OpaquePointer
    /// The group number of each entry of ``groupNames``.
    let groupNumbers: [Int]
    /// The number of capturing groups (named or not); the ovector needs one more pair for the whole match.
    let captureCount: Int

    /// Compiles `source`, then JIT-compiles it when the JIT is available.
    ///
    /// - Parameters:
    ///   - caseInsensitive: match letters regardless of case.
    ///   - location: where the pattern was written (rule file, line, column), reported with a compile error.
    /// - Throws: ``FlowTraceError`` `.invalidPattern` with PCRE2's message and the byte offset of the error.
    public convenience init(
        _ source: String, caseInsensitive: Bool = false, location: FlowTraceError.Location? = nil
    ) throws {
        try self.init(source, caseInsensitive: caseInsensitive, location: location, jit: true)
    }

    /// As the public initializer; `jit: false` forces the interpreter (to measure or to test both engines).
    init(_ source: String, caseInsensitive: Bool, location: FlowTraceError.Location?, jit: Bool) throws {
        var options = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF) | UInt32(PCRE2_NEVER_BACKSLASH_C)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        var text = source
        let compiled = text.withUTF8 { utf8 in
            // A valid pointer even for an empty pattern: PCRE2 rejects a NULL pattern.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, utf8.count)) { copy in
                _ = copy.initialize(fromContentsOf: utf8)
                return pcre2_compile_8(copy.baseAddress, utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw FlowTraceError(
                .invalidPattern,
                "\(Self.errorMessage(errorCode)) at offset \(errorOffset) in /\(source)/",
                at: location)
        }
        self.code = compiled
        self.source = source
        self.caseInsensitive = caseInsensitive
        // `(*NO_JIT)` lets the JIT compile succeed with no code made, and then `pcre2_jit_match`
        // fails with PCRE2_ERROR_JIT_BADOPTION: only JIT code that exists is used.
        self.isJIT = jit && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
            && Self.jitSize(compiled) > 0
        self.captureCount = Int(Self.info(compiled, PCRE2_INFO_CAPTURECOUNT))
        let names = Self.namedGroups(compiled)
        self.groupNames = names.map(\.name)
        self.groupNumbers = names.map(\.number)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// The index in ``groupNames`` of the first group called `name`, to resolve a name once, before matching.
    public func groupIndex(named name: String) -> Int? {
        groupNames.firstIndex(of: name)
    }

    /// PCRE2's text for an error code.
    static func errorMessage(_ errorCode: Int32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
            let count = pcre2_get_error_message_8(errorCode, buffer.baseAddress, buffer.count)
            guard count > 0 else { return "PCRE2 error \(errorCode)" }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<Int(count)]), as: UTF8.self)
        }
    }

    /// The size of the JIT code made for `code` (0 when none was, as for `(*NO_JIT)`).
    private static func jitSize(_ code: OpaquePointer) -> Int {
        var value = 0
        return pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_JITSIZE), &value) == 0 ? value : 0
    }

    /// A `uint32_t` item of `pcre2_pattern_info`.
    private static func info(_ code: OpaquePointer, _ what: Int32) -> UInt32 {
        var value: UInt32 = 0
        let status = pcre2_pattern_info_8(code, UInt32(what), &value)
        precondition(status == 0, "pcre2_pattern_info(\(what)) failed: \(status)")
        return value
    }

    /// The name table, sorted by group number. Each entry is the group number (two bytes, most significant
    /// first) followed by the zero-terminated name, padded to the entry size.
    private static func namedGroups(_ code: OpaquePointer) -> [(name: String, number: Int)] {
        let count = Int(info(code, PCRE2_INFO_NAMECOUNT))
        guard count > 0 else { return [] }
        let entrySize = Int(info(code, PCRE2_INFO_NAMEENTRYSIZE))
        var table: UnsafePointer<UInt8>?
        let status = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        precondition(status == 0 && table != nil, "pcre2_pattern_info(NAMETABLE) failed: \(status)")
        guard let table else { return [] }
        var names: [(name: String, number: Int)] = []
        names.reserveCapacity(count)
        for index in 0..<count {
            let entry = table + index * entrySize
            let number = Int(entry[0]) << 8 | Int(entry[1])
            names.append((String(cString: entry + 2), number))
        }
        return names.sorted { $0.number < $1.number }
    }
}
