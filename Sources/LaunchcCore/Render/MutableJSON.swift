/// A mutable JSON value with Python's dict semantics (insertion order; setting an existing key
/// keeps its place), for renderers that follow the agent's in-place edits step by step.
indirect enum MJSON: Equatable, Sendable {
    case scalar(Value)
    case array([MJSON])
    case object(MObject)

    init(_ node: Node) {
        switch node.value {
        case .array(let items): self = .array(items.map(MJSON.init))
        case .object(let members): self = .object(MObject(members.map { ($0.key, MJSON($0.value)) }))
        default: self = .scalar(node.value)
        }
    }

    static func string(_ s: String) -> MJSON { .scalar(.string(s)) }

    /// An environment variable as Kubernetes and Vertex take it: `{name: ..., value: ...}`.
    static func variable(_ name: String, _ value: String) -> MJSON {
        .object(MObject([("name", .string(name)), ("value", .string(value))]))
    }

    var node: Node {
        switch self {
        case .scalar(let v): return .made(v)
        case .array(let items): return .made(.array(items.map(\.node)))
        case .object(let o): return .made(.object(o.entries.map { Member.made($0.0, $0.1.node) }))
        }
    }

    var object: MObject? { if case .object(let o) = self { return o } else { return nil } }
    var array: [MJSON]? { if case .array(let a) = self { return a } else { return nil } }

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .scalar(let v): return v.isTruthy
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.entries.isEmpty
        }
    }
}

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

struct MObject: Equatable, Sendable {
    var entries: [(String, MJSON)]

    init(_ entries: [(String, MJSON)] = []) { self.entries = entries }

    static func == (a: MObject, b: MObject) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    subscript(key: String) -> MJSON? {
        get { entries.first { $0.0 == key }?.1 }
        set {
            if let i = entries.firstIndex(where: { $0.0 == key }) {
                if let newValue { entries[i].1 = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    func has(_ key: String) -> Bool { entries.contains { $0.0 == key } }

    /// `dict.update(other)`.
    mutating func update(_ other: MObject) {
        for (key, value) in other.entries { self[key] = value }
    }
}
