/// Block-style YAML for rendered objects (`render --format yaml`), as `kubectl apply -f` reads
/// it. Strings are written plain only when no YAML reader (1.1 or 1.2) could take them for
/// anything but that string; otherwise double-quoted with JSON's escapes, which YAML shares.
/// Numbers, booleans and null are written as in JSON, which YAML 1.2 reads the same.
public enum YAMLWriter {
    /// One document per node, each opened with `---`.
    public static func stream(_ documents: [Node]) -> String {
        documents.map { "---\n" + document($0) }.joined()
    }

    public static func document(_ node: Node) -> String {
        switch node.value {
        case .object(let members) where !members.isEmpty:
            return lines(node, indent: 0).joined(separator: "\n") + "\n"
        case .array(let items) where !items.isEmpty:
            return lines(node, indent: 0).joined(separator: "\n") + "\n"
        default:
            return scalar(node) + "\n"
        }
    }

    /// The lines of a non-empty collection, each indented by `indent` spaces.
    static func lines(_ node: Node, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var out: [String] = []
        switch node.value {
        case .object(let members):
            for member in members {
                let key = pad + string(member.key) + ":"
                if isBlock(member.value) {
                    // A sequence under a key sits at the key's indentation, as kubectl writes it.
                    var isSequence = false
                    if case .array = member.value.value { isSequence = true }
                    out.append(key)
                    out += lines(member.value, indent: isSequence ? indent : indent + 2)
                } else {
                    out.append(key + " " + scalar(member.value))
                }
            }
        case .array(let items):
            for item in items {
                if isBlock(item) {
                    var itemLines = lines(item, indent: indent + 2)
                    itemLines[0] = pad + "- " + itemLines[0].dropFirst(indent + 2)
                    out += itemLines
                } else {
                    out.append(pad + "- " + scalar(item))
                }
            }
        default:
            out.append(pad + scalar(node))
        }
        return out
    }

    /// A non-empty mapping or sequence (written as a block); empty ones are `{}` and `[]`.
    static func isBlock(_ node: Node) -> Bool {
        switch node.value {
        case .object(let members): return !members.isEmpty
        case .array(let items): return !items.isEmpty
        default: return false
        }
    }

    static func scalar(_ node: Node) -> String {
        switch node.value {
        case .string(let text): return string(text)
        case .object: return "{}"
        case .array: return "[]"
        case .number(let value) where value.isNaN: return ".nan"
        case .number(let value) where value.isInfinite: return value < 0 ? "-.inf" : ".inf"
        default: return CanonicalJSON.string(node, indent: nil)
        }
    }

    /// Words that some YAML reader takes for a boolean or null.
    static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    static func string(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        return CanonicalJSON.string(Node(.string(text), range: .at(0)), indent: nil)
    }

    /// Letters first, then letters, digits and `_ . / -` only, and no reserved word: such a
    /// scalar is a string to every resolver (no number starts with a letter; `.inf` and
    /// `.nan` start with a dot).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        guard !reserved.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "_./-".unicodeScalars.contains($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
