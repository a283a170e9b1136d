/// JSON text exactly as Python's `json.dumps` writes it with its defaults, which is how the
/// agent writes `WANDB_CONFIG` and the other JSON-valued variables: `", "` and
/// `": "` separators, keys in order, non-ASCII escaped as `\uXXXX` (so characters are bytes),
/// floats as `repr` writes them, and `NaN`/`Infinity` for non-finite numbers.
public enum PythonJSON {
    public static func dumps(_ node: Node) -> String {
        var out = ""
        write(node.value, into: &out)
        return out
    }

    static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += repr(d)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item.value, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += ", " }
                writeString(member.key, into: &out)
                out += ": "
                write(member.value.value, into: &out)
            }
            out += "}"
        }
    }

    /// Python's `repr(float)`: Swift's shortest round-trip text agrees with it, including where
    /// it turns to exponents (below 1e-4, from 1e16); `json.dumps` spells the non-finite ones.
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                // Python escapes everything outside ' '...'~', DEL included.
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    if scalar.value > 0xFFFF {
                        // Outside the BMP: a UTF-16 surrogate pair, as Python writes it.
                        let v = scalar.value - 0x10000
                        out += "\\u" + hex4(0xD800 + (v >> 10)) + "\\u" + hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += "\\u" + hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// How a launch spec's `resource_args.<resource>` combines with the queue config:
/// mappings merge key by key, the override winning; anything else, lists included, is
/// replaced. Keys keep the queue's order; new keys follow in the override's order.
public enum DeepMerge {
    public static func merge(_ base: Node, _ override: Node) -> Node {
        guard case .object(let baseMembers) = base.value, case .object(let overrideMembers) = override.value else {
            return override
        }
        var members = baseMembers
        for member in overrideMembers {
            if let i = members.firstIndex(where: { $0.key.hasSameScalars(as: member.key) }) {
                members[i].value = merge(members[i].value, member.value)
            } else {
                members.append(member)
            }
        }
        return Node(.object(members), range: base.range)
    }
}
