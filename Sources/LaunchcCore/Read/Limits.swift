/// Bounds that keep hostile input from exhausting memory, stack or time. The defaults are far
/// above anything a real configuration needs; each can be changed with `--limit NAME=VALUE`
/// (`--max-file-size` for the first), and each is reported, when reached, as a diagnostic with
/// the position where it was reached.
public struct Limits: Sendable, Equatable {
    /// Largest input read, in bytes; also keeps every offset within `SourceRange`'s 32 bits (LC1006).
    public var maxFileBytes: Int = 1 << 30
    /// Deepest nesting of arrays and objects (LC1104).
    public var maxDepth: Int = 512
    /// Most nodes that YAML aliases may produce in one document (LC1210); a string counts one
    /// node per KiB, so that aliases of a long string count its bytes.
    public var maxAliasNodes: Int = 1_000_000
    /// Longest string or key, in bytes (LC1105).
    public var maxScalarBytes: Int = 16 << 20
    /// Most documents in one YAML stream (LC1212).
    public var maxDocuments: Int = 10_000
    /// Most steps one schema `pattern` may take on one value (LC2012).
    public var maxPatternSteps: Int = 1_000_000
    /// Deepest nesting of schema evaluations, subschema within subschema and reference after
    /// reference, on one document (LC2014).
    public var maxSchemaDepth: Int = 100_000
    /// Most subschemas one validation of one document may evaluate, plus 16 for each byte of
    /// the document (LC2015).
    public var maxSchemaSteps: Int = 1_000_000

    public init() {}

    public static let `default` = Limits()

    /// The limits `--limit` names, with what each bounds, for help and errors.
    public static let names: [(name: String, help: String)] = [
        ("depth", "nesting of lists and mappings (default 512)"),
        ("aliases", "nodes YAML aliases may produce in one document, a string counting one per KiB (default 1000000)"),
        ("scalar-size", "bytes in one string or key, with K, M or G (default 16M)"),
        ("documents", "documents in one YAML stream (default 10000)"),
        ("pattern-steps", "steps one schema pattern may take on one value, plus 16 per character of it (default 1000000)"),
        ("schema-depth", "nesting of schema evaluations, subschema within subschema and reference after reference (default 100000)"),
        ("schema-steps", "subschemas one validation of a document may evaluate, plus 16 per byte of it (default 1000000)"),
        ("file-size", "bytes in one file, with K, M or G (default and at most 1G; same as --max-file-size)"),
    ]

    /// Sets the limit `name` from its text (`600`, or for sizes `16M`); false when either is wrong.
    public mutating func set(_ name: String, to text: String) -> Bool {
        let sized = name == "scalar-size" || name == "file-size"
        guard let value = sized ? Self.size(text) : Int(text), value > 0 else { return false }
        switch name {
        case "depth": maxDepth = value
        case "aliases": maxAliasNodes = value
        case "scalar-size": maxScalarBytes = value
        case "documents": maxDocuments = value
        case "pattern-steps": maxPatternSteps = value
        case "schema-depth": maxSchemaDepth = value
        case "schema-steps": maxSchemaSteps = value
        case "file-size":
            guard value <= Limits.default.maxFileBytes else { return false }
            maxFileBytes = value
        default: return false
        }
        return true
    }

    /// A byte count: digits with an optional K, M or G (powers of 1024); nil past 1 TiB.
    public static func size(_ text: String) -> Int? {
        var digits = Substring(text)
        var unit = 1
        switch digits.last {
        case "K", "k": unit = 1 << 10
        case "M", "m": unit = 1 << 20
        case "G", "g": unit = 1 << 30
        default: break
        }
        if unit > 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let count = Int(digits),
              count <= (1 << 40) / unit else { return nil }
        return count * unit
    }
}

extension Limits {
    /// A count with thousands separators (`1,000,000`).
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > (n < 0 ? 1 : 0) {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }

    /// LC1105 for a string or key of `bytes` bytes.
    static func scalarTooLong(_ bytes: Int, limits: Limits, at span: SourceSpan, pointer: JSONPointer) -> Diagnostic {
        Diagnostic(.scalarTooLong, "a string of \(grouped(bytes)) bytes is longer than the limit of \(grouped(limits.maxScalarBytes))",
                   at: span, pointer: pointer,
                   fixIts: [FixIt("keep large data out of the config, or raise the limit with --limit scalar-size=SIZE")])
    }
}
