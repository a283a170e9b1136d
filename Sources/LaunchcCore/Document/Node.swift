/// One value of a parsed document and where it came from.
///
/// The tree is an immutable value: `Sendable`, cheap to copy (arrays share storage), and free
/// of C pointers, so it can cross tasks. Equality compares values only, never positions: two
/// documents that say the same thing are equal wherever they say it.
public struct Node: Sendable, Equatable, CustomStringConvertible {
    public var value: Value
    /// The source text of this value (for a YAML alias, the alias itself; the nodes inside
    /// keep the positions of the anchored original).
    public var range: SourceRange

    public init(_ value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }

    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.value == rhs.value }

    public var description: String { CanonicalJSON.string(self, indent: nil) }
}

/// The JSON data model, which is also what launchc reads YAML into.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Integers are exact 64-bit values; larger ones are a diagnostic, never a silent float.
    case integer(Int64)
    /// A float; YAML may produce non-finite ones (`.inf`, `.nan`), JSON never does.
    case number(Double)
    case string(String)
    case array([Node])
    case object([Member])

    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        // Value equality in the JSON Schema sense: 1 and 1.0 are the same number.
        case let (.number(a), .number(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(exactly: a) == b
        // Scalar by scalar, as JSON compares strings (not Swift's canonical equivalence).
        case let (.string(a), .string(b)): return a.hasSameScalars(as: b)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            // Key order does not matter for equality; keys are unique by construction.
            guard a.count == b.count else { return false }
            if a.count > 8 {
                // Long objects by hash, so that comparing two of them stays linear.
                var table: [ScalarKey: Node] = [:]
                table.reserveCapacity(b.count)
                for member in b { table[ScalarKey(member.key)] = member.value }
                return a.allSatisfy { table[ScalarKey($0.key)] == $0.value }
            }
            for member in a {
                guard let other = b.first(key: member.key), other.value == member.value else {
                    return false
                }
            }
            return true
        default: return false
        }
    }

    /// The JSON name of the value's type, as used in messages and JSON Schema.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// One key of an object with its value. Keys keep their own position so that a finding about
/// a key (a typo, a duplicate) can point at the key rather than at its value.
public struct Member: Sendable, Equatable {
    public var key: String
    public var keyRange: SourceRange
    public var value: Node

    public init(key: String, keyRange: SourceRange, value: Node) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }

    /// A member launchc makes (see `Node.made`).
    static func made(_ key: String, _ value: Node) -> Member { Member(key: key, keyRange: .made, value: value) }
}

extension Node {
    /// A value launchc makes (part of a rendered body) rather than reads: it has no place in a file.
    static func made(_ value: Value) -> Node { Node(value, range: .made) }

    /// A list of strings launchc makes, every item with the range of the list.
    static func strings(_ words: [String], at range: SourceRange) -> Node {
        Node(.array(words.map { Node(.string($0), range: range) }), range: range)
    }

    /// The member under `key`, to tell a key set to null from an absent one.
    func member(_ key: String) -> Member? {
        guard case .object(let members) = value else { return nil }
        return members.first(key: key)
    }

    /// The value under `key` when this node is an object.
    public subscript(key: String) -> Node? { member(key)?.value }

    /// The element at `index` when this node is an array.
    public subscript(index: Int) -> Node? {
        guard case .array(let items) = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The node a JSON Pointer names, or nil when the path leaves the document.
    public func resolve(_ pointer: JSONPointer) -> Node? {
        var node = self
        for token in pointer.tokens {
            switch node.value {
            case .object(let members):
                guard let member = members.first(key: token) else { return nil }
                node = member.value
            case .array(let items):
                guard let index = JSONPointer.arrayIndex(token), index < items.count else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }
}

/// A parsed file: zero or more documents (JSON always has at most one; a YAML stream may have
/// several, each named in messages by the line it starts on).
public struct ParsedDocument: Sendable {
    public var root: Node
    /// Where the document starts (its `---` when it has one, else its first node).
    public var start: Int

    public init(root: Node, start: Int) {
        self.root = root
        self.start = start
    }
}
