/// A queue definition's template variables (`{{name}}` in its config) and their filling:
/// a placeholder that is a whole string takes the variable's typed
/// value; one inside a longer string is replaced by its text. Values are data: they are never
/// parsed again or searched for placeholders.
public struct TemplateVariables: Sendable {
    public struct Variable: Sendable {
        public var name: String
        public var keyRange: SourceRange
        public var type: String?
        public var defaultValue: Node?
        public var minimum: Node?
        public var maximum: Node?
        public var options: [Node]
    }

    public var variables: [Variable]

    /// The variables a queue definition declares (`template_variables.<name>.schema`).
    public init(queue root: Node) {
        var found: [Variable] = []
        if case .object(let members)? = root["template_variables"]?.value {
            for member in members {
                let schema = member.value["schema"]
                var options: [Node] = []
                if case .array(let items)? = schema?["enum"]?.value { options = items }
                let type: String? = schema?["type"].flatMap { if case .string(let s) = $0.value { s } else { nil } }
                found.append(Variable(name: member.key, keyRange: member.keyRange, type: type,
                                      defaultValue: schema?["default"], minimum: schema?["minimum"], maximum: schema?["maximum"],
                                      options: options))
            }
        }
        variables = found
    }

    public func variable(_ name: String) -> Variable? { variables.first { $0.name == name } }

    // MARK: Placeholders

    /// A `{{name}}` in a string, by its position in the string's characters.
    public struct Placeholder: Sendable, Equatable {
        public var name: String
        /// The whole string is the placeholder (so it takes the value's type).
        public var isWholeValue: Bool
    }

    /// The placeholders in a string: `{{name}}`, spaces inside the braces allowed.
    public static func placeholders(in text: String) -> [Placeholder] {
        guard mayHoldPlaceholder(text) else { return [] }
        var found: [Placeholder] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) {
                let whole = text.trimmingSpaces() == "{{" + rest[open.upperBound..<close.lowerBound] + "}}"
                found.append(Placeholder(name: name, isWholeValue: whole && found.isEmpty))
            }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// Whether the text has a `{{`.
    static func mayHoldPlaceholder(_ text: String) -> Bool { text.hasBytes(0x7B, 0x7B) }

    /// Every string node holding a placeholder, with its JSON Pointer below `node`.
    public static func uses(in node: Node, at pointer: JSONPointer = .root) -> [(pointer: JSONPointer, node: Node, placeholders: [Placeholder])] {
        switch node.value {
        case .string(let text):
            let found = placeholders(in: text)
            return found.isEmpty ? [] : [(pointer, node, found)]
        case .array(let items):
            return items.enumerated().flatMap { uses(in: $0.element, at: pointer.appending($0.offset)) }
        case .object(let members):
            return members.flatMap { uses(in: $0.value, at: pointer.appending($0.key)) }
        default:
            return []
        }
    }

    // MARK: Filling

    /// `node` with every placeholder filled from `values` (name → value); placeholders without
    /// a value stay as written. Filled nodes keep the placeholder's position.
    public static func fill(_ node: Node, with values: [String: Node]) -> Node {
        switch node.value {
        case .string(let text):
            let found = placeholders(in: text)
            guard !found.isEmpty else { return node }
            if found.count == 1, found[0].isWholeValue, let value = values[found[0].name] {
                return Node(value.value, range: node.range)
            }
            var out = ""
            var rest = Substring(text)
            while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
                out += rest[..<open.lowerBound]
                let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
                if let value = values[name] { out += Self.text(of: value) } else { out += rest[open.lowerBound..<close.upperBound] }
                rest = rest[close.upperBound...]
            }
            out += rest
            return Node(.string(out), range: node.range)
        case .array(let items):
            return Node(.array(items.map { fill($0, with: values) }), range: node.range)
        case .object(let members):
            return Node(.object(members.map { Member(key: $0.key, keyRange: $0.keyRange, value: fill($0.value, with: values)) }), range: node.range)
        default:
            return node
        }
    }

    /// A value as text inside a longer string.
    static func text(of value: Node) -> String {
        if case .string(let s) = value.value { return s }
        return CanonicalJSON.string(value, indent: nil)
    }
}

extension String {
    /// Whether two bytes occur one after the other, such as `{{` or `${`: a plain byte scan,
    /// for checks that run on every string a schema looks at (`contains` on strings searches by
    /// characters, far more slowly).
    func hasBytes(_ first: UInt8, _ second: UInt8) -> Bool {
        hasPair { previous, byte in previous == first && byte == second }
    }

    /// Whether the text opens a macro or a template variable (`${` or `{{`), in one pass.
    var hasTemplateOpening: Bool {
        hasPair { previous, byte in byte == 0x7B && (previous == 0x24 || previous == 0x7B) }
    }

    /// Whether two adjacent bytes satisfy `test`; over the string's own storage when it has it.
    @inline(__always)
    private func hasPair(_ test: (UInt8, UInt8) -> Bool) -> Bool {
        func scan<S: Sequence<UInt8>>(_ bytes: S) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if test(previous, byte) { return true }
                previous = byte
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(utf8)
    }
}
