/// Loads schema documents and compiles them into a `SchemaSet`.
///
/// Compilation walks the keywords that hold subschemas, registers every `$id`, `$anchor` and
/// `$dynamicAnchor`, then resolves references until nothing is left to resolve: a pointer into
/// a part no keyword compiled (say, under an unknown keyword) is compiled when first
/// referenced, and a document not loaded yet is asked of the `loader`.
public struct SchemaCompiler {
    public static let draft2020 = "https://json-schema.org/draft/2020-12/schema"
    static let validationVocabulary = "https://json-schema.org/draft/2020-12/vocab/validation"

    /// Fetches a document by absolute URI (without fragment), or nil.
    public var loader: (String) -> Node?
    public private(set) var set = SchemaSet()
    private var documents: [(uri: String, root: Node)] = []
    private var pending: [(node: Int, reference: URIReference, written: String, dynamic: Bool)] = []
    public private(set) var errors: [SchemaError] = []

    /// Parse `pattern`s on first use rather than now (for schemas known to compile).
    public var deferPatterns = false

    /// Look for subschemas that reach themselves without reading into the value
    /// (`SchemaCycles`) when finishing; off for the bundled schemas, which a test keeps free
    /// of them, so that start-up does not pay for the search.
    public var findsCycles = true

    public init(loader: @escaping (String) -> Node? = { _ in nil }) {
        self.loader = loader
    }

    /// Adds a document under its retrieval URI and returns its root node's index.
    @discardableResult
    public mutating func add(_ root: Node, uri: String) -> Int {
        let base = URIReference(uri).withoutFragment
        if let existing = set.locations[base.description + "#"] { return existing }
        documents.append((base.description, root))
        let vocabulary = validationVocabularyEnabled(root)
        let index = compile(root, base: base, resource: nil, document: documents.count - 1, pointer: [], resourcePointer: [],
                            resourcePointerText: "", validation: vocabulary)
        // A document whose $id differs from where it was found is reachable both ways.
        if set.locations[base.description + "#"] == nil { set.locations[base.description + "#"] = index }
        return index
    }

    /// Resolves every reference; call after adding documents and before validating.
    public mutating func finish() {
        while let (node, reference, written, dynamic) = pending.popLast() {
            guard let target = resolve(reference) else {
                let keyword = dynamic ? "$dynamicRef" : "$ref"
                var location = set.nodes[node].location
                location.pointer = location.pointer.appending(keyword)
                errors.append(SchemaError(location: location, message: "\(keyword) '\(written)' leads to no schema"))
                continue
            }
            if dynamic {
                set.nodes[node].dynamicRef = target
                // Dynamic only when the initial target declares the same $dynamicAnchor.
                if let name = reference.fragment, !name.isEmpty, !name.hasPrefix("/"),
                   set.resources[set.nodes[target].resource].dynamicAnchors[name] == target {
                    set.nodes[node].dynamicAnchor = name
                }
            } else {
                set.nodes[node].ref = target
            }
        }
        if findsCycles {
            errors += SchemaCycles.find(in: set).map { SchemaCycles.error($0, in: set) }
        }
    }

    // MARK: Vocabularies

    /// False when the document names a metaschema whose `$vocabulary` leaves out validation.
    private mutating func validationVocabularyEnabled(_ root: Node) -> Bool {
        guard case .string(let metaURI)? = root["$schema"]?.value, metaURI != Self.draft2020 else { return true }
        let uri = URIReference(metaURI).withoutFragment.description
        guard let meta = documents.first(where: { $0.uri == uri })?.root ?? loader(uri) else { return true }
        guard case .object(let vocabularies)? = meta["$vocabulary"]?.value else { return true }
        return vocabularies.contains(key: Self.validationVocabulary)
    }

    // MARK: Resolution

    private mutating func resolve(_ reference: URIReference) -> Int? {
        if let hit = set.locations[reference.description] { return hit }
        let resourceURI = reference.withoutFragment.description
        let fragment = reference.fragment ?? ""
        if fragment.isEmpty, let hit = set.locations[resourceURI + "#"] { return hit }
        var resourceIndex = set.resourceByBase[resourceURI]
        if resourceIndex == nil, let document = loader(resourceURI) {
            add(document, uri: resourceURI)
            if let hit = set.locations[reference.description] ?? (fragment.isEmpty ? set.locations[resourceURI + "#"] : nil) {
                return hit
            }
            resourceIndex = set.resourceByBase[resourceURI]
        }
        guard fragment.hasPrefix("/"), let r = resourceIndex else { return nil }
        // A pointer to a part that no keyword compiled: compile it where it stands.
        let tokens = JSONPointer(percentDecoded(fragment)).tokens
        let resource = set.resources[r]
        guard let target = resource.root.resolve(JSONPointer(tokens: tokens)) else { return nil }
        return compile(target, base: resource.base, resource: r, document: resource.document,
                       pointer: resource.pointer + tokens, resourcePointer: tokens,
                       resourcePointerText: JSONPointer(tokens: tokens).description, validation: resource.validationVocabulary)
    }

    private func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let c = utf8.popFirst() {
            if c == UInt8(ascii: "%"), utf8.count >= 2, let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(c)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Compilation

    /// Compiles a pattern into the set once; false when launchc cannot run it. With
    /// `deferPatterns` (the bundled schemas, whose patterns tests compile), a pattern is only
    /// parsed when a value is first matched against it.
    private mutating func compilePattern(_ pattern: String) -> SchemaPattern? {
        if let known = set.patterns[pattern] { return known }
        let compiled = deferPatterns ? SchemaPattern(lazy: pattern) : SchemaPattern(pattern)
        set.patterns[pattern] = compiled
        return compiled
    }

    /// `resourcePointerText` is `resourcePointer` as a JSON Pointer, and `baseText` the base as
    /// text, both passed down so that each node costs one string, not a rebuild of its path.
    private mutating func compile(_ schema: Node, base parentBase: URIReference, baseText parentBaseText: String? = nil,
                                  resource parentResource: Int?, document: Int, pointer: [String],
                                  resourcePointer parentResourcePointer: [String], resourcePointerText parentPointerText: String,
                                  validation: Bool) -> Int {
        var base = parentBase
        var baseText = parentBaseText
        var resource = parentResource
        var resourcePointer = parentResourcePointer
        var resourcePointerText = parentPointerText
        var isRoot = false
        let id = schema["$id"]
        if case .string(let text)? = id?.value {
            base = parentBase.resolving(text).withoutFragment
            baseText = nil
        }
        // A document's root (resource is nil only there, with an empty resource pointer), or an
        // embedded resource with its own $id, starts a schema resource.
        if resource == nil || id != nil {
            set.resources.append(SchemaResource(base: base, root: schema, document: document, pointer: pointer,
                                                validationVocabulary: validation))
            resource = set.resources.count - 1
            let text = baseText ?? base.description
            baseText = text
            if set.resourceByBase[text] == nil { set.resourceByBase[text] = resource }
            resourcePointer = []
            resourcePointerText = ""
            isRoot = true
        }
        let r = resource!
        let baseString = baseText ?? base.description
        let fragmentKey = baseString + "#" + resourcePointerText
        if let existing = set.locations[fragmentKey] { return existing }

        let index = set.nodes.count
        let node = SchemaNode(resource: r, location: SchemaLocation(document: documents[document].uri,
                                                                   pointer: JSONPointer(tokens: pointer)))
        node.validation = validation
        set.nodes.append(node)
        set.locations[fragmentKey] = index
        if isRoot {
            set.locations[baseString + "#"] = index
            // An embedded resource is also reachable by pointer through the one around it.
            if let outer = parentResource {
                set.locations[set.resources[outer].base.description + "#" + parentPointerText] = index
            }
        }

        guard case .object(let members) = schema.value else {
            if case .bool(let b) = schema.value {
                set.nodes[index].constant = b
            } else {
                errors.append(SchemaError(location: node.location, message: "a schema must be an object or a boolean, not \(schema.value.typeName)"))
                set.nodes[index].constant = true
            }
            return index
        }

        func sub(_ value: Node, _ tokens: [String]) -> Int {
            var text = resourcePointerText
            for token in tokens { text += "/" + JSONPointer.escape(token) }
            return compile(value, base: base, baseText: baseString, resource: r, document: document, pointer: pointer + tokens,
                           resourcePointer: resourcePointer + tokens, resourcePointerText: text, validation: validation)
        }
        func subs(_ keyword: String, _ value: Node) -> [Int] {
            guard case .array(let items) = value.value else {
                fail(keyword, "must be an array of schemas"); return []
            }
            return items.enumerated().map { sub($0.element, [keyword, String($0.offset)]) }
        }
        func named(_ keyword: String, _ value: Node) -> [(String, Int)] {
            guard case .object(let entries) = value.value else {
                fail(keyword, "must be an object of schemas"); return []
            }
            return entries.map { ($0.key, sub($0.value, [keyword, $0.key])) }
        }
        func count(_ keyword: String, _ value: Node) -> Int? {
            switch value.value {
            case .integer(let i) where i >= 0: return Int(i)
            case .number(let d) where d >= 0 && d == d.rounded() && d < 9e18: return Int(d)
            default: fail(keyword, "must be a non-negative integer"); return nil
            }
        }
        func number(_ keyword: String, _ value: Node) -> Value? {
            switch value.value {
            case .integer, .number: return value.value
            default: fail(keyword, "must be a number"); return nil
            }
        }
        func fail(_ keyword: String, _ message: String) {
            errors.append(SchemaError(location: SchemaLocation(document: documents[document].uri,
                                                               pointer: JSONPointer(tokens: pointer + [keyword])),
                                      message: "'\(keyword)' \(message)"))
        }

        // Identifiers first, so that references compiled below can find them.
        if case .string(let anchor)? = schema["$anchor"]?.value {
            set.locations[baseString + "#" + anchor] = index
        }
        if case .string(let anchor)? = schema["$dynamicAnchor"]?.value {
            set.locations[baseString + "#" + anchor] = index
            set.resources[r].dynamicAnchors[anchor] = index
        }

        let n = set.nodes[index]
        for member in members {
            let v = member.value
            switch member.key {
            case "$ref", "$dynamicRef":
                guard case .string(let text) = v.value else { fail(member.key, "must be a string"); continue }
                pending.append((index, base.resolving(text), text, member.key == "$dynamicRef"))
            case "$defs":
                _ = named("$defs", v)
            case "allOf": n.allOf = subs("allOf", v)
            case "anyOf": n.anyOf = subs("anyOf", v)
            case "oneOf": n.oneOf = subs("oneOf", v)
            case "prefixItems": n.prefixItems = subs("prefixItems", v)
            case "not":
                n.not = sub(v, ["not"])
                if case .object(let inner) = v.value, inner.isEmpty { n.forbidsKey = true }
                if case .bool(true) = v.value { n.forbidsKey = true }
            case "if": n.ifSchema = sub(v, ["if"])
            case "then": n.thenSchema = sub(v, ["then"])
            case "else": n.elseSchema = sub(v, ["else"])
            case "items": n.items = sub(v, ["items"])
            case "contains": n.contains = sub(v, ["contains"])
            case "additionalProperties": n.additionalProperties = sub(v, ["additionalProperties"])
            case "propertyNames": n.propertyNames = sub(v, ["propertyNames"])
            case "unevaluatedItems": n.unevaluatedItems = sub(v, ["unevaluatedItems"])
            case "unevaluatedProperties":
                n.unevaluatedProperties = sub(v, ["unevaluatedProperties"])
                set.collectsEvaluatedProperties = true
            case "properties":
                n.properties = named("properties", v)
                if n.properties.count > 8 {
                    n.propertyTable = Dictionary(n.properties.map { (ScalarKey($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
                }
            case "patternProperties": n.patternProperties = named("patternProperties", v)
            case "dependentSchemas": n.dependentSchemas = named("dependentSchemas", v)
            case "type":
                var types = TypeSet()
                let names: [Node]
                if case .array(let items) = v.value { names = items } else { names = [v] }
                for name in names {
                    guard case .string(let s) = name.value, let t = TypeSet.names.first(where: { $0.0 == s }) else {
                        fail("type", "names an unknown type"); continue
                    }
                    types.insert(t.1)
                }
                n.types = types
            case "enum":
                guard case .array(let items) = v.value else { fail("enum", "must be an array"); continue }
                n.enumValues = items.map(\.value)
                if items.count > 16 { n.enumTable = Set(items.map { HashedValue($0.value) }) }
            case "const":
                n.constValue = v.value
            case "multipleOf":
                if let value = number("multipleOf", v) {
                    if value.doubleValue <= 0 { fail("multipleOf", "must be greater than 0") } else { n.multipleOf = value }
                }
            case "maximum": n.maximum = number("maximum", v)
            case "exclusiveMaximum": n.exclusiveMaximum = number("exclusiveMaximum", v)
            case "minimum": n.minimum = number("minimum", v)
            case "exclusiveMinimum": n.exclusiveMinimum = number("exclusiveMinimum", v)
            case "maxLength": n.maxLength = count("maxLength", v)
            case "minLength": n.minLength = count("minLength", v)
            case "maxItems": n.maxItems = count("maxItems", v)
            case "minItems": n.minItems = count("minItems", v)
            case "maxContains": n.maxContains = count("maxContains", v)
            case "minContains": n.minContains = count("minContains", v)
            case "maxProperties": n.maxProperties = count("maxProperties", v)
            case "minProperties": n.minProperties = count("minProperties", v)
            case "uniqueItems":
                if case .bool(let b) = v.value { n.uniqueItems = b } else { fail("uniqueItems", "must be a boolean") }
            case "pattern":
                guard case .string(let p) = v.value else { fail("pattern", "must be a string"); continue }
                n.patternMatcher = compilePattern(p)
                if n.patternMatcher == nil { fail("pattern", "is not a regular expression launchc can run: /\(p)/") }
                n.pattern = p
            case "required":
                guard case .array(let items) = v.value else { fail("required", "must be an array of strings"); continue }
                n.required = items.compactMap { if case .string(let s) = $0.value { return s } else { return nil } }
            case "dependentRequired":
                guard case .object(let entries) = v.value else { fail("dependentRequired", "must be an object"); continue }
                n.dependentRequired = entries.map { entry in
                    guard case .array(let names) = entry.value.value else { return (entry.key, []) }
                    return (entry.key, names.compactMap { if case .string(let s) = $0.value { return s } else { return nil } })
                }
            case "description":
                if case .string(let text) = v.value { n.description = text }
            case "x-launchc-aliases":
                guard case .object(let entries) = v.value else { fail(member.key, "must be an object of strings"); continue }
                for entry in entries {
                    if case .string(let target) = entry.value.value { n.aliases[entry.key] = target } else { fail(member.key, "values must be strings") }
                }
            case "x-launchc-code", "x-launchc-message":
                var entries: [String: String] = [:]
                switch v.value {
                case .string(let text): entries[""] = text
                case .object(let byKeyword):
                    for entry in byKeyword {
                        if case .string(let text) = entry.value.value { entries[entry.key] = text } else { fail(member.key, "values must be strings") }
                    }
                default: fail(member.key, "must be a string or an object of strings by keyword")
                }
                if member.key == "x-launchc-code" {
                    for code in entries.values where DiagnosticID.lookup(code) == nil { fail(member.key, "names an unknown code '\(code)'") }
                    n.launchcCodes = entries
                } else {
                    n.launchcMessages = entries
                }
            default:
                // Annotations (title, description, default, examples, format, content*, ...),
                // $schema, $id, $anchor, $comment, $vocabulary, and unknown keywords.
                break
            }
        }
        // Patterns of patternProperties are compiled here too.
        n.patternPropertyMatchers = n.patternProperties.map { compilePattern($0.0) }
        for ((p, _), matcher) in zip(n.patternProperties, n.patternPropertyMatchers) where matcher == nil {
            fail("patternProperties", "holds a key that is not a regular expression launchc can run: /\(p)/")
        }
        return index
    }
}

extension Value {
    /// Numbers as doubles, for comparisons that do not need 64-bit exactness.
    var doubleValue: Double {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return .nan
        }
    }
}
