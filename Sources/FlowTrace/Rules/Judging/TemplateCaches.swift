/// What a rule engine remembers of messages by template, so that repeated lines are not scanned or
/// matched again. Belongs to one engine, on one thread.
final class TemplateCaches {
    let literals = LiteralCache()
    let regexOutcomes = RegexOutcomeCache()
}
