/// The entities that can key a trace.
public enum EntityKind: String, Sendable, CaseIterable {
    case request, generation, user
}
