/// What a line's leading symbol (usually an emoji) says about the step it logs.
///
/// Services in this domain prefix messages with ✅ ❌ ⚠️ 🔍 💳 🔑 🔓 👤; the symbol survives
/// mojibake in recognisable forms, so the status is recognised even when the emoji is damaged.
public enum Status: UInt8, Sendable, CaseIterable {
    case none = 0
    /// ✅
    case ok
    /// ❌
    case error
    /// ⚠️
    case warning
    /// 🔍
    case step
    /// 💳
    case credit
    /// 🔑
    case serviceClient
    /// 🔓
    case anonClient
    /// 👤
    case user

    /// The name used in reports and in rule files.
    public var name: String {
        switch self {
        case .none: "none"
        case .ok: "ok"
        case .error: "error"
        case .warning: "warning"
        case .step: "step"
        case .credit: "credit"
        case .serviceClient: "service-client"
        case .anonClient: "anon-client"
        case .user: "user"
        }
    }

    public init?(name: String) {
        guard let status = Status.allCases.first(where: { $0.name == name }) else { return nil }
        self = status
    }
}
