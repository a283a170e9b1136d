/// Compiled JSON Schema (draft 2020-12): every subschema of every loaded document as a flat
/// array of nodes that refer to each other by index. `$ref` cycles are plain integers. Nodes are
/// objects written only while `SchemaCompiler` builds the set; once it has finished, the set is
/// never changed, so any number of validators (and threads) can share it.
public struct SchemaSet: Sendable {
    public internal(set) var nodes: [SchemaNode] = []
    var resources: [SchemaResource] = []
    /// A resource's base URI (no fragment) → the first resource with that base.
    var resourceByBase: [String: Int] = [:]
    /// Absolute URI with fragment ("…#/pointer", "…#anchor", "…#") → node.
    var locations: [String: Int] = [:]
    /// Every `pattern` and `patternProperties` key, compiled.
    var patterns: [String: SchemaPattern] = [:]
    /// Whether any subschema has `unevaluatedProperties`: only then does validation collect
    /// the names of the properties each subschema evaluated.
    var collectsEvaluatedProperties = false
}

/// A schema resource: a document root or a subschema with its own `$id`.
struct SchemaResource: Sendable {
    var base: URIReference
    var root: Node
    /// The document it was loaded from (its index in `SchemaCompiler.documents`) and its pointer there.
    var document: Int
    var pointer: [String]
    var dynamicAnchors: [String: Int] = [:]
    var validationVocabulary: Bool
}

/// Where a compiled node came from, for messages and for `x-launchc-*` lookups.
public struct SchemaLocation: Sendable {
    /// The retrieval URI of the document.
    public var document: String
    /// JSON Pointer from the document root.
    public var pointer: JSONPointer
}

/// The instance types of the `type` keyword, as a bit set.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    var description: String {
        Self.names.filter { contains($0.1) }.map(\.0).joined(separator: " or ")
    }
}

/// One compiled subschema. Subschemas are indexes into `SchemaSet.nodes`.
///
/// A class, so that the validator reads a node without copying its many arrays; nodes are
/// only written while their set is compiled, and never after (hence `@unchecked Sendable`).
public final class SchemaNode: @unchecked Sendable {
    /// `true` or `false` schemas.
    var constant: Bool?
    var resource: Int
    public var location: SchemaLocation
    /// Keywords of the validation vocabulary apply only when the metaschema includes it.
    var validation = true

    // Core
    var ref: Int?
    var dynamicRef: Int?
    /// The anchor name when `$dynamicRef` is dynamic (its initial target has a matching `$dynamicAnchor`).
    var dynamicAnchor: String?

    // Applicators
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    /// `not: {}`: the key holding this schema may not be there at all.
    var forbidsKey = false
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var dependentSchemas: [(String, Int)] = []
    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var properties: [(String, Int)] = []
    /// For long `properties` lists: name → subschema, so that a key is found by one hash.
    var propertyTable: [ScalarKey: Int]?
    var patternProperties: [(String, Int)] = []
    /// Each of `patternProperties`' patterns, compiled (nil when it could not be).
    var patternPropertyMatchers: [SchemaPattern?] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var unevaluatedItems: Int?
    var unevaluatedProperties: Int?

    // Validation
    var types: TypeSet?
    var enumValues: [Value]?
    /// For long `enum` lists: the values as a set, so that a value is found by one hash.
    var enumTable: Set<HashedValue>?
    var constValue: Value?
    var multipleOf: Value?
    var maximum: Value?
    var exclusiveMaximum: Value?
    var minimum: Value?
    var exclusiveMinimum: Value?
    var maxLength: Int?
    var minLength: Int?
    var pattern: String?
    /// `pattern`, compiled (nil when it could not be).
    var patternMatcher: SchemaPattern?
    var maxItems: Int?
    var minItems: Int?
    var uniqueItems = false
    var maxContains: Int?
    var minContains: Int?
    var maxProperties: Int?
    var minProperties: Int?
    var required: [String] = []
    var dependentRequired: [(String, [String])] = []

    /// The schema author's `description`, shown with findings as their explanation.
    public var description: String?
    /// launchc's own extensions: the code and message to report when a keyword of this
    /// subschema fails. `x-launchc-code: LC3101` applies to every keyword;
    /// `x-launchc-code: {additionalProperties: LC3101}` to one. Messages may say `{key}` for the
    /// key concerned.
    public var launchcCodes: [String: String] = [:]
    /// `x-launchc-aliases`: wrong key → right key, for suggestions edit distance cannot make
    /// (`uri` → `destination`).
    public var aliases: [String: String] = [:]
    public var launchcMessages: [String: String] = [:]

    /// The code and message for a failure of `keyword`, if the schema sets them.
    public func launchc(_ keyword: String) -> (code: String?, message: String?) {
        (launchcCodes[keyword] ?? launchcCodes[""], launchcMessages[keyword] ?? launchcMessages[""])
    }

    init(resource: Int, location: SchemaLocation) {
        self.resource = resource
        self.location = location
    }
}

/// A schema that could not be compiled: a reference that leads nowhere, a keyword of the
/// wrong type, a pattern that is not a regular expression.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// A keyword with a value of the wrong kind, a reference to nothing, a pattern launchc cannot run.
        case invalid
        /// A subschema that reaches itself again at the same instance location (`SchemaCycles`).
        case cycle
    }

    public var location: SchemaLocation
    public var message: String
    public var kind: Kind
    /// More to say, each with the place it is about when it has one (the steps of a cycle).
    public var notes: [(message: String, location: SchemaLocation?)] = []

    public init(location: SchemaLocation, message: String, kind: Kind = .invalid) {
        self.location = location
        self.message = message
        self.kind = kind
    }

    public var description: String { "\(location.document)#\(location.pointer): \(message)" }
}
