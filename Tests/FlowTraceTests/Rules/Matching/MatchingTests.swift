import Testing

/// The tests of the PCRE2 pattern layer (`Sources/FlowTrace/Rules/Matching`), grouped so that
/// `swift test --filter Matching` runs them all.
@Suite enum MatchingTests {}
