@testable import FlowTrace

extension Rule {
    /// The error loading `yaml` as the rule file `team/rule.yaml` gives, or nil when it loads.
    static func loadingError(_ yaml: String) -> FlowTraceError? {
        do {
            _ = try Rule(yaml: yaml, file: "team/rule.yaml")
            return nil
        } catch {
            return error as? FlowTraceError
        }
    }
}
