/// A mutable JSON value with Python's dict semantics (insertion order; setting an existing key
/// keeps its place), for renderers that follow the agent's in-place edits step by step. Values
/// keep the range of the node they were read from (`Provenance`); equality ignores it.
indirect enum MJSON: Equatable, Sendable {
    case scalar(Value, SourceRange = .made)
    case array([MJSON], SourceRange = .made)
    case object(MObject)

    init(_ node: Node) {
        switch node.value {
        case .array(let items): self = .array(items.map(MJSON.init), node.range)
        case .object(let members):
            var object = MObject(members.map { ($0.key, MJSON($0.value)) }, range: node.range)
            for member in members { object.keyRanges[ScalarKey(member.key)] = member.keyRange }
            self = .object(object)
        default: self = .scalar(node.value, node.range)
        }
    }

    static func == (a: MJSON, b: MJSON) -> Bool {
        switch (a, b) {
        case let (.scalar(x, _), .scalar(y, _)): return x == y
        case let (.array(x, _), .array(y, _)): return x == y
        case let (.object(x), .object(y)): return x == y
        default: return false
        }
    }

    var range: SourceRange {
        switch self {
        case .scalar(_, let r), .array(_, let r): return r
        case .object(let o): return o.range
        }
    }

    static func string(_ s: String, _ range: SourceRange = .made) -> MJSON { .scalar(.string(s), range) }

    /// A list of strings, every item with the range of the list.
    static func strings(_ words: [String], _ range: SourceRange = .made) -> MJSON {
        .array(words.map { .string($0, range) }, range)
    }

    /// An environment variable as Kubernetes and Vertex take it: `{name: ..., value: ...}`.
    static func variable(_ name: String, _ value: String, _ range: SourceRange = .made) -> MJSON {
        .object(MObject([("name", .string(name)), ("value", .string(value, range))]))
    }

    var node: Node {
        switch self {
        case .scalar(let v, let r): return Node(v, range: r)
        case .array(let items, let r): return Node(.array(items.map(\.node)), range: r)
        case .object(let o): return Node(.object(o.entries.map { Member(key: $0.0, keyRange: o.keyRanges[ScalarKey($0.0)] ?? .made, value: $0.1.node) }), range: o.range)
        }
    }

    var object: MObject? { if case .object(let o) = self { return o } else { return nil } }
    var array: [MJSON]? { if case .array(let a, _) = self { return a } else { return nil } }

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .scalar(let v, _): return v.isTruthy
        case .array(let a, _): return !a.isEmpty
        case .object(let o): return !o.entries.isEmpty
        }
    }
}

struct MObject: Equatable, Sendable {
    var entries: [(String, MJSON)]
    var range: SourceRange
    /// Where the keys read from a document were written.
    var keyRanges: [ScalarKey: SourceRange] = [:]

    init(_ entries: [(String, MJSON)] = [], range: SourceRange = .made) {
        self.entries = entries
        self.range = range
    }

    static func == (a: MObject, b: MObject) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.0.hasSameScalars(as: $1.0) && $0.1 == $1.1 }
    }

    subscript(key: String) -> MJSON? {
        get { entries.first { $0.0.hasSameScalars(as: key) }?.1 }
        set {
            if let i = entries.firstIndex(where: { $0.0.hasSameScalars(as: key) }) {
                if let newValue { entries[i].1 = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    func has(_ key: String) -> Bool { entries.contains { $0.0.hasSameScalars(as: key) } }

    /// `dict.update(other)`.
    mutating func update(_ other: MObject) {
        for (key, value) in other.entries {
            self[key] = value
            if let range = other.keyRanges[ScalarKey(key)] { keyRanges[ScalarKey(key)] = range }
        }
    }
}
