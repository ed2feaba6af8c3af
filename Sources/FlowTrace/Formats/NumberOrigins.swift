/// Where ``MessageAnalyser`` read each number field of an event: the offsets of the digits, so
/// that ``MessageMemo`` can read another message's value from the same place.
struct NumberOrigins {
    /// The fields in a fixed order (the memo packs a span index per field in this order).
    enum Field: Int {
        case amount, balance, rowCount, duration, httpStatus

        static let count = 5
    }

    private var amount, balance, rowCount, duration, httpStatus: Range<Int>?

    /// The digits `field` was read from, or nil when the analysis did not set it from digits.
    subscript(field: Field) -> Range<Int>? {
        get {
            switch field {
            case .amount: amount
            case .balance: balance
            case .rowCount: rowCount
            case .duration: duration
            case .httpStatus: httpStatus
            }
        }
        set {
            switch field {
            case .amount: amount = newValue
            case .balance: balance = newValue
            case .rowCount: rowCount = newValue
            case .duration: duration = newValue
            case .httpStatus: httpStatus = newValue
            }
        }
    }

    /// Whether `field` of `event` is set.
    static func isSet(_ field: Field, in event: Event) -> Bool {
        switch field {
        case .amount: event.amount != nil
        case .balance: event.balance != nil
        case .rowCount: event.rowCount != nil
        case .duration: event.durationMilliseconds != nil
        case .httpStatus: event.httpStatus != 0
        }
    }

    /// Sets `field` of `event` to `value`.
    static func set(_ field: Field, of event: inout Event, to value: Int64) {
        switch field {
        case .amount: event.amount = value
        case .balance: event.balance = value
        case .rowCount: event.rowCount = value
        case .duration: event.durationMilliseconds = value
        case .httpStatus: event.httpStatus = UInt16(truncatingIfNeeded: value)
        }
    }
}
