/// The counts at the end of a diff.
public struct DiffSummary: Sendable, Equatable {
    /// Rows of the same step with the same values.
    public var same = 0
    /// Steps of the left flow the right one lacks.
    public var missing = 0
    /// Steps the right flow took that the left did not.
    public var extra = 0
    /// Changed steps (any difference).
    public var changed = 0
    /// Changed steps whose template is equal but whose values differ (`1 rows` / `0 rows`).
    public var changedValues = 0
    /// Changed steps whose status symbol differs.
    public var statusChanges = 0
    /// Same steps that logged other quantities or parameters (balances, a model): shown, no divergence.
    public var minor = 0
    /// Steps of both flows whose timing diverges.
    public var timing = 0
    /// Missing or extra steps that occur on the other side elsewhere (reordered).
    public var reordered = 0

    public init() {}

    /// Whether the flows match step for step.
    public var matches: Bool { missing == 0 && extra == 0 && changed == 0 && timing == 0 }

    /// A count for the distance between flows, to choose the closest healthy partner: structure
    /// first, values and timing less.
    public var distance: Int { 2 * (missing + extra) + changed + timing }

    /// How much of a failing flow a healthy one explains: the steps they share as they are count
    /// twice, the steps they both take differently once.
    public var closeness: Int { 2 * same + changed }
}
