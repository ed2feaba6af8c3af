/// One event a step matched, as evidence: where it is and its values for the fields its rule
/// uses (regex groups, else the event's own fields).
public struct StepMatch: Sendable {
    public var lineNumber: Int
    public var time: LogTime?
    public var captures: [String: String]
}
