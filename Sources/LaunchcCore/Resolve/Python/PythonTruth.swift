extension Value {
    /// Python truthiness: false for None, False, zero, and empty text, lists and dicts.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .integer(let i): return i != 0
        case .number(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        }
    }
}
