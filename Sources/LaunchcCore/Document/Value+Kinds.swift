extension Value {
    var isNumber: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }
}

extension Value {
    /// A number or a boolean: a scalar that is not text.
    var isNumberOrBoolean: Bool {
        switch self {
        case .integer, .number, .bool: return true
        default: return false
        }
    }
}
