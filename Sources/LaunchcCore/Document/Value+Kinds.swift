extension Value {
    var isNumber: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }
}
