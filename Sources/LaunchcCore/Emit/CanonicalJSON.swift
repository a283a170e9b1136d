/// Writes a document as JSON: keys in source order, integers as integers, floats in their
/// shortest round-trip form (`0.1`, not jansson's `0.10000000000000001`), strings as UTF-8
/// with only the escapes JSON requires. This is the form `launchc parse` prints and the form
/// the golden tests compare.
///
/// JSON has no non-finite numbers; `.inf`, `-.inf` and `.nan` from YAML are written as those
/// strings, and `nonFiniteNumbers` lets the caller say so.
public enum CanonicalJSON {
    /// - Parameter indent: spaces per level, or nil for one line.
    public static func string(_ node: Node, indent: Int? = 2) -> String {
        var writer = JSONTextWriter(indent: indent)
        writer.write(node)
        return writer.text
    }

    /// LC1211 for each non-finite float of a document (what `launchc parse` says when it
    /// prints one as a string).
    public static func nonFiniteFindings(in root: Node, file: SourceFile) -> [Diagnostic] {
        nonFiniteNumbers(in: root).map { pointer, node in
            let text = file.text(in: node.range)
            return Diagnostic(.yamlNonFiniteNumber, "'\(text)' has no JSON form; printed as the string \"\(string(node, indent: nil).dropFirst().dropLast())\"",
                              at: SourceSpan(file: file, range: node.range), pointer: pointer)
        }
    }

    /// The JSON Pointers of the non-finite floats in a document, which `string` had to write
    /// as strings.
    public static func nonFiniteNumbers(in node: Node) -> [(JSONPointer, Node)] {
        var found: [(JSONPointer, Node)] = []
        var path = PathComponents()
        func walk(_ node: Node) {
            switch node.value {
            case .number(let d) where !d.isFinite:
                found.append((path.pointer, node))
            case .array(let items):
                for (i, item) in items.enumerated() {
                    path.components.append(.index(i))
                    walk(item)
                    path.components.removeLast()
                }
            case .object(let members):
                for member in members {
                    path.components.append(.key(member.key))
                    walk(member.value)
                    path.components.removeLast()
                }
            default:
                break
            }
        }
        walk(node)
        return found
    }
}

/// A small streaming JSON text writer used by every JSON output launchc produces (documents,
/// reports): `beginObject`, `key`, values, `endObject`; commas and indentation are its job.
public struct JSONTextWriter {
    public private(set) var bytes: [UInt8] = []
    let indent: Int?
    /// For each open container: whether it has an element yet.
    private var open: [Bool] = []
    /// A key was just written; the next value follows it on the same line.
    private var afterKey = false

    public init(indent: Int?) {
        self.indent = indent
        bytes.reserveCapacity(4096)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func newline() {
        guard let indent else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent * open.count))
    }

    /// Comma and line break before an element, as its container needs.
    private mutating func element() {
        if afterKey {
            afterKey = false
            return
        }
        guard let hasElements = open.last else { return }
        if hasElements { raw(",") }
        open[open.count - 1] = true
        newline()
    }

    public mutating func beginObject() { element(); raw("{"); open.append(false) }
    public mutating func beginArray() { element(); raw("["); open.append(false) }
    public mutating func endObject() { close("}") }
    public mutating func endArray() { close("]") }

    private mutating func close(_ bracket: StaticString) {
        let hadElements = open.removeLast()
        if hadElements { newline() }
        raw(bracket)
    }

    /// An object key and the colon after it; the value comes next.
    public mutating func key(_ key: String) {
        element()
        writeEscaped(key)
        indent == nil ? raw(":") : raw(": ")
        afterKey = true
    }

    public mutating func null() { element(); raw("null") }
    public mutating func bool(_ b: Bool) { element(); b ? raw("true") : raw("false") }
    public mutating func integer<I: BinaryInteger>(_ i: I) { element(); raw(String(i)) }
    public mutating func string(_ s: String) { element(); writeEscaped(s) }
    public mutating func string(_ s: String?) { s.map { string($0) } ?? null() }

    public mutating func number(_ d: Double) {
        if d.isNaN {
            string(".nan")
        } else if d.isInfinite {
            string(d < 0 ? "-.inf" : ".inf")
        } else {
            // Swift's description is the shortest text that reads back as the same double,
            // and always valid JSON for finite values ("1.0", "1e-05", "1e+300").
            element()
            raw(d.description)
        }
    }

    public mutating func write(_ node: Node) {
        switch node.value {
        case .null: null()
        case .bool(let b): bool(b)
        case .integer(let i): integer(i)
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { write(item) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                write(member.value)
            }
            endObject()
        }
    }

    private mutating func writeEscaped(_ s: String) {
        bytes.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
