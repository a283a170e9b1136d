/// The Vertex AI messages a queue's worker pools are written in (the table is generated from the
/// aiplatform_v1 protos: `VertexProto.generated.swift`), and the conversion the aiplatform SDK
/// applies to them: a snake_case dict becomes a proto-plus message (proto-plus 1.29 `Message.__init__`
/// and its marshal rules), which is then sent, here printed, as proto3 JSON (`MessageToDict`):
/// camelCase names, fields in field-number order, int64 as strings, enums by name, and
/// fields holding their default value left out.
enum VertexProto {
    enum Kind: Sendable {
        case string, bool, double, int64
        case int32(min: Int64, max: Int64)
        /// An enum, by its name in the table (`AcceleratorType`, `ReservationAffinity.Type`).
        case enumeration(String)
        /// A message, by its name in the table.
        case message(String)
    }

    struct Field: Sendable {
        let number: Int
        let name: String
        let jsonName: String
        let kind: Kind
        let repeated: Bool
        let oneof: String?
    }

    /// What the SDK raises, as Python prints it. A `TypeError` raised while a message is built
    /// is re-raised with "Failed to initialize <Message>. Underlying error: " in front, once per
    /// enclosing message; other exceptions pass through as they are.
    enum Failure: Error, Equatable {
        case type(String)
        case other(String)

        var message: String {
            switch self {
            case .type(let text), .other(let text): return text
            }
        }
    }

    /// A queue's dict as message `name`, in proto3 JSON. Null values are left unset, as the SDK
    /// leaves them.
    static func convert(_ value: MJSON, message name: String) throws(Failure) -> Node {
        guard case .object(let object) = value else {
            throw .type(notAMessage(name, got: value))
        }
        let fields = messages[name] ?? []
        var set: [(field: Field, value: Node)] = []
        // Scalars are checked when the message is finally built, after every key was read.
        var deferred: String?
        do throws(Failure) {
            for (key, given) in object.entries {
                guard let field = fields.first(where: { $0.name == key }) ?? fields.first(where: { $0.name == key + "_" }) else {
                    throw Failure.other("Unknown field for \(name): \(key)")
                }
                if case .scalar(.null, _) = given { continue }
                let converted: Node
                do throws(Failure) {
                    converted = try field.repeated ? repeated(given, field, in: name) : single(given, field, in: name)
                } catch .type(let text) where deferred == nil && !text.hasPrefix("Failed to initialize") {
                    deferred = text
                    continue
                }
                // A oneof keeps its last member.
                if let oneof = field.oneof { set.removeAll { $0.field.oneof == oneof } }
                set.removeAll { $0.field.number == field.number }
                set.append((field, converted))
            }
            if let deferred { throw Failure.type(deferred) }
        } catch .type(let text) {
            throw .type("Failed to initialize \(name). Underlying error: \(text)")
        }
        let members = set.sorted { $0.field.number < $1.field.number }
            .filter { !isDefault($0.value, $0.field) }
            .map { Member.made($0.field.jsonName, $0.value) }
        return Node(.object(members), range: value.range)
    }

    /// One value of `field`, keeping the range of the value it was converted from.
    static func single(_ value: MJSON, _ field: Field, in message: String) throws(Failure) -> Node {
        var node = try converted(value, field, in: message)
        node.range = value.range
        return node
    }

    static func converted(_ value: MJSON, _ field: Field, in message: String) throws(Failure) -> Node {
        switch field.kind {
        case .message(let name):
            return try convert(value, message: name)
        case .string:
            guard case .scalar(.string(let s), _) = value else { throw .type("bad argument type for built-in operation") }
            return Node.made(.string(s))
        case .bool:
            switch value {
            case .scalar(.bool(let b), _): return Node.made(.bool(b))
            case .scalar(.integer(let i), _): return Node.made(.bool(i != 0))
            default: throw .type("\(typeName(value)) object cannot be interpreted as an integer")
            }
        case .double:
            switch value {
            case .scalar(.integer(let i), _): return Node.made(.number(Double(i)))
            case .scalar(.number(let d), _): return Node.made(.number(d))
            default: throw .type("must be real number, not \(typeName(value, quoted: false))")
            }
        case .int64:
            return Node.made(.string(String(try int64(value))))
        case .int32(let min, let max):
            let number = try int32(value, field, in: message)
            guard number >= min && number <= max else { throw .other("Value out of range: \(number)") }
            return Node.made(.integer(number))
        case .enumeration(let enumName):
            let values = enums[enumName] ?? []
            if case .scalar(.string(let s), _) = value {
                guard let known = values.first(where: { $0.name == s }) else { throw .other(PythonRepr.string(s)) }
                return Node.made(.string(known.name))
            }
            let number = try int32(value, field, in: message)
            guard number >= Int64(Int32.min) && number <= Int64(Int32.max) else { throw .other("Value out of range: \(number)") }
            // An unknown number is kept and printed as a number.
            if let known = values.first(where: { Int64($0.number) == number }) { return Node.made(.string(known.name)) }
            return Node.made(.integer(number))
        }
    }

    static func repeated(_ value: MJSON, _ field: Field, in message: String) throws(Failure) -> Node {
        let items: [MJSON]
        switch value {
        case .array(let a, _): items = a
        // Python iterates a string by characters and a dict by keys.
        case .scalar(.string(let s), _): items = s.map { .string(String($0)) }
        case .object(let o):
            if case .message = field.kind, !o.entries.isEmpty {
                throw .type("Argument for field \(package).\(message).\(field.name) is not iterable")
            }
            items = o.entries.map { .string($0.0) }
        default:
            if case .message = field.kind { throw .type("Argument for field \(package).\(message).\(field.name) is not iterable") }
            throw .type("must assign iterable")
        }
        var out: [Node] = []
        for item in items {
            if case .scalar(.null, _) = item {
                if case .message(let name) = field.kind { throw .type(notAMessage(name, got: item)) }
                throw .type("bad argument type for built-in operation")
            }
            out.append(try single(item, field, in: message))
        }
        return Node(.array(out), range: value.range)
    }

    /// Python's `int()`, which proto-plus applies to int64 fields: floats are truncated and text
    /// is parsed.
    static func int64(_ value: MJSON) throws(Failure) -> Int64 {
        switch value {
        case .scalar(.integer(let i), _): return i
        case .scalar(.bool(let b), _): return b ? 1 : 0
        case .scalar(.number(let d), _):
            if d.isNaN { throw .other("cannot convert float NaN to integer") }
            if d.isInfinite { throw .other("cannot convert float infinity to integer") }
            guard let i = Int64(exactly: d.rounded(.towardZero)) else {
                throw .other("Value out of range: \(PythonRepr.integerText(d.rounded(.towardZero)))")
            }
            return i
        case .scalar(.string(let s), _):
            guard let i = PythonNumber.int(s) else { throw .other("invalid literal for int() with base 10: \(PythonRepr.string(s))") }
            return i
        case .array:
            throw .type("'list' object cannot be interpreted as an integer")
        default:
            throw .type("int() argument must be a string, a bytes-like object or a real number, not \(typeName(value))")
        }
    }

    /// An int32 or enum field, which take Python ints only (not bools, floats or text).
    static func int32(_ value: MJSON, _ field: Field, in message: String) throws(Failure) -> Int64 {
        switch value {
        case .scalar(.integer(let i), _): return i
        case .scalar(.bool, _): throw .type("Field \(package).\(message).\(field.name): Expected an int, got a boolean.")
        default: throw .type("\(typeName(value)) object cannot be interpreted as an integer")
        }
    }

    /// proto3 JSON leaves out a field that holds its default (no field here tracks presence but
    /// messages, which are printed when set, even empty).
    static func isDefault(_ value: Node, _ field: Field) -> Bool {
        if case .enumeration(let name) = field.kind, !field.repeated {
            if case .string(let s) = value.value { return enums[name]?.first { $0.number == 0 }?.name == s }
            return value.value == .integer(0)
        }
        switch value.value {
        case .array(let items): return items.isEmpty
        case .string(let s):
            if case .int64 = field.kind { return s == "0" }
            return s.isEmpty
        case .integer(let i): return i == 0
        case .number(let d): return d == 0
        case .bool(let b): return !b
        default:
            return false
        }
    }

    static func notAMessage(_ name: String, got value: MJSON) -> String {
        "Parameter to initialize message field must be dict or instance of same class: expected <class '\(name)'> got <class \(typeName(value))>."
    }

    /// Python's name for the type of a value, quoted as in its messages: `'str'`.
    static func typeName(_ value: MJSON, quoted: Bool = true) -> String {
        let name: String
        switch value {
        case .scalar(.null, _): name = "NoneType"
        case .scalar(.bool, _): name = "bool"
        case .scalar(.integer, _): name = "int"
        case .scalar(.number, _): name = "float"
        case .scalar(.string, _): name = "str"
        case .scalar: name = "object"
        case .array: name = "list"
        case .object: name = "dict"
        }
        return quoted ? "'\(name)'" : name
    }

}

/// Python's `repr()` of a value, for messages that quote one.
enum PythonRepr {
    /// `str()`: a string as it is, anything else as its `repr()`.
    static func str(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        return repr(value)
    }

    static func repr(_ value: Value) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .integer(let i): return String(i)
        case .number(let d):
            if d.isNaN { return "nan" }
            if d.isInfinite { return d < 0 ? "-inf" : "inf" }
            return PythonJSON.repr(d)
        case .string(let s): return string(s)
        case .array(let items): return "[" + items.map { repr($0.value) }.joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { string($0.key) + ": " + repr($0.value.value) }.joined(separator: ", ") + "}"
        }
    }

    /// `repr(str)`: single quotes unless the text holds one and no double quote; backslash
    /// escapes for the quote, `\`, and characters that are not printable.
    static func string(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16)
                    let width = scalar.value < 0x100 ? 2 : scalar.value < 0x10000 ? 4 : 8
                    out += (width == 2 ? "\\x" : width == 4 ? "\\u" : "\\U") + String(repeating: "0", count: width - hex.count) + hex
                }
            }
        }
        out.append(quote)
        return out
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    /// An integral float as Python's `int()` of it prints: exactly, every digit.
    static func integerText(_ d: Double) -> String {
        guard d.isFinite, d.rounded(.towardZero) == d else { return PythonJSON.repr(d) }
        if let exact = Int64(exactly: d) { return String(exact) }
        // |d| = significand * 2^(exponent - 52), an integer significand: double it in decimal.
        var digits = String(UInt64(abs(d).significandBitPattern | 1 << 52)).reversed().map { Int(String($0))! }
        for _ in 0..<(Int(abs(d).exponent) - 52) {
            var carry = 0
            for i in digits.indices {
                let doubled = digits[i] * 2 + carry
                digits[i] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        return (d < 0 ? "-" : "") + digits.reversed().map(String.init).joined()
    }
}
