import Testing
@testable import LaunchcCore

/// launchc's own cases for the JSON Schema engine, a round per keyword. (The official suite
/// runs in `make conformance`.)
@Suite struct SchemaEngineTests {
    /// Compiles a schema written as YAML and validates YAML instances against it.
    struct Harness {
        let validator: SchemaValidator
        let root: Int
        let errors: [SchemaError]

        init(_ schema: String) {
            var compiler = SchemaCompiler(loader: BundledSchemas.loader)
            let node = parseYAML(schema).root ?? Node(.bool(true), range: .at(0))
            root = compiler.add(node, uri: "https://launchc.test/schema.json")
            compiler.finish()
            errors = compiler.errors
            validator = SchemaValidator(compiler.set)
        }

        func failures(_ instance: String) -> [SchemaFailure] {
            validator.validate(parseYAML(instance).root ?? Node(.null, range: .at(0)), against: root)
        }

        /// "keyword pointer: message" for each failure.
        func check(_ instance: String) -> [String] {
            failures(instance).map { "\($0.keyword) \($0.pointer): \($0.message)" }
        }
    }

    @Test func type() {
        let h = Harness("type: [string, 'null']")
        #expect(h.check("x") == [])
        #expect(h.check("~") == [])
        #expect(h.check("1") == ["type : expected null or string, found integer"])
        let integer = Harness("type: integer")
        #expect(integer.check("1.0") == [])
        #expect(integer.check("1.5") == ["type : expected integer, found number"])
    }

    @Test func enumAndConst() {
        let h = Harness("properties: {mode: {enum: [FIFO, priority]}, v: {const: {a: [1]}}}")
        #expect(h.check("{mode: FIFO, v: {a: [1.0]}}") == [])
        #expect(h.check("{mode: fifo}") == [#"enum /mode: "fifo" is not one of "FIFO", "priority""#])
        #expect(h.check("{v: {a: [2]}}") == [#"const /v: {"a":[2]} must be {"a":[1]}"#])
    }

    @Test func numericBounds() {
        let h = Harness("{minimum: 1, maximum: 10, exclusiveMaximum: 10, multipleOf: 0.5}")
        #expect(h.check("9.5") == [])
        #expect(h.check("0") == ["minimum : 0 is less than the minimum 1"])
        #expect(h.check("10") == ["exclusiveMaximum : 10 must be less than 10"])
        #expect(h.check("3.3") == ["multipleOf : 3.3 is not a multiple of 0.5"])
        #expect(Harness("multipleOf: 0.01").check("0.07") == [])
        #expect(Harness("maximum: 9223372036854775807").check("9223372036854775807") == [])
        #expect(Harness("exclusiveMinimum: 0").check("0") == ["exclusiveMinimum : 0 must be greater than 0"])
    }

    @Test func stringKeywords() {
        let h = Harness("{minLength: 2, maxLength: 3, pattern: '^ml\\.'}")
        #expect(h.check("ml.") == [])
        #expect(h.check("日本") == [#"pattern : "日本" does not match /^ml\./"#])  // two characters, six bytes
        #expect(h.check("m") == [#"minLength : "m" is shorter than 2 characters"#, #"pattern : "m" does not match /^ml\./"#])
        #expect(Harness("pattern: 'b'").check("abc") == [])  // patterns are not anchored
        #expect(Harness("pattern: '^\\d+$'").check("\u{0664}") == [#"pattern : "٤" does not match /^\d+$/"#])
    }

    @Test func objectKeywords() {
        let h = Harness("""
            required: [RoleArn]
            properties: {RoleArn: {type: string}}
            patternProperties: {'^x-': true}
            additionalProperties: false
            dependentRequired: {VolumeKmsKeyId: [VolumeSizeInGB]}
            propertyNames: {maxLength: 14}
            maxProperties: 3
            """)
        #expect(h.check("{RoleArn: arn, x-note: 1}") == [])
        #expect(h.check("{x-note: 1}") == ["required : missing required key 'RoleArn'"])
        let m = Marked("{RoleArn: a, ⟨key⟩Rolearn⟨end⟩: b}")
        let unknown = h.failures(m.text)
        #expect(unknown.map(\.message) == ["unknown key 'Rolearn'"])
        // The finding is at the key, not at its value.
        #expect(unknown.first?.range == SourceRange(start: m["key"], end: m["end"]))
        #expect(h.check("{RoleArn: a, VolumeKmsKeyId: k}").contains(
            "dependentRequired : 'VolumeKmsKeyId' needs 'VolumeSizeInGB' beside it"))
        #expect(h.check("{RoleArn: a, x-a-very-long-name: 1}") == [
            #"maxLength /x-a-very-long-name: key 'x-a-very-long-name': "x-a-very-long-name" is longer than 14 characters"#])
    }

    @Test func arrayKeywords() {
        let h = Harness("{prefixItems: [{type: string}], items: {type: integer}, minItems: 2, uniqueItems: true}")
        #expect(h.check("[a, 1, 2]") == [])
        #expect(h.check("[a]") == ["minItems : fewer than 2 items"])
        #expect(h.check("[a, 1, 1.0]") == ["uniqueItems /2: item 2 repeats item 1; items must be unique"])
        #expect(h.check("[a, b]") == ["type /1: expected integer, found string"])
        let contains = Harness("{contains: {const: gpu}, minContains: 2, maxContains: 3}")
        #expect(contains.check("[gpu, cpu, gpu]") == [])
        #expect(contains.check("[gpu, cpu]") == ["contains : fewer than 2 items match the required form"])
        #expect(contains.check("[gpu, gpu, gpu, gpu]") == ["maxContains : more than 3 items match"])
    }

    @Test func applicators() {
        let h = Harness("""
            allOf: [{required: [a]}]
            anyOf: [{required: [b]}, {required: [c]}]
            oneOf: [{required: [d]}, {required: [e]}]
            not: {required: [f]}
            if: {properties: {kind: {const: gpu}}}
            then: {required: [count]}
            else: {not: {required: [count]}}
            """)
        #expect(h.check("{a: 1, b: 1, d: 1, kind: gpu, count: 1}") == [])
        let failures = h.failures("{b: 1, d: 1, e: 1, f: 1, kind: gpu}")
        #expect(failures.map(\.keyword) == ["required", "oneOf", "not", "required"])
        #expect(failures[1].message == "the value matches more than one of the exclusive forms (1, 2)")
        let anyOf = h.failures("{a: 1, d: 1, kind: cpu}")
        #expect(anyOf.map(\.keyword) == ["anyOf"])
        #expect(anyOf[0].branches.map { $0.failures.map(\.message) } == [["missing required key 'b'"], ["missing required key 'c'"]])
    }

    /// A partial document (a launch spec's resource_args) passes what it cannot decide, but
    /// not by failing a `not`: "at most one of a, b" holds for a value with only `a`.
    @Test func relaxationsDoNotFailANegatedForm() {
        let h = Harness("not: {anyOf: [{type: object, required: [a, b]}, {type: string, pattern: '^x'}]}")
        let validator = h.validator
        validator.ignoresRequired = true
        validator.defersPlaceholders = true
        let check = { (text: String) in validator.validate(parseYAML(text).root ?? Node(.null, range: .at(0)), against: h.root).map(\.keyword) }
        #expect(check("{a: 1}") == [])
        #expect(check("{a: 1, b: 2}") == ["not"])
        #expect(check("'${run_id}'") == [])
        #expect(check("x${run_id}") == ["not"])
    }

    @Test func dependentSchemas() {
        let h = Harness("dependentSchemas: {kaniko: {required: [build-context-store]}}")
        #expect(h.check("{kaniko: {}}") == ["required : missing required key 'build-context-store'"])
        #expect(h.check("{docker: {}}") == [])
    }

    @Test func referencesAnchorsAndDefs() {
        let h = Harness("""
            $defs:
              arn: {$anchor: arn, type: string, pattern: '^arn:'}
              role: {$ref: '#arn'}
              tree: {type: object, properties: {child: {$ref: '#/$defs/tree'}, leaf: {$ref: '#/$defs/role'}}}
            $ref: '#/$defs/tree'
            """)
        #expect(h.errors.isEmpty)
        #expect(h.check("{child: {child: {leaf: 'arn:aws'}}}") == [])
        #expect(h.check("{child: {leaf: role}}") == [#"pattern /child/leaf: "role" does not match /^arn:/"#])
        #expect(Harness("$ref: '#/$defs/missing'").errors.map(\.message) == ["$ref '#/$defs/missing' leads to no schema"])
    }

    @Test func dynamicReferences() {
        // A generic list whose item type an extending schema fills in through $dynamicAnchor.
        let h = Harness("""
            $id: https://launchc.test/strings
            $ref: list
            $defs:
              item: {$dynamicAnchor: item, type: string}
              list:
                $id: list
                type: array
                items: {$dynamicRef: '#item'}
                $defs: {item: {$dynamicAnchor: item}}
            """)
        #expect(h.errors.isEmpty)
        #expect(h.check("[a, b]") == [])
        #expect(h.check("[a, 1]") == ["type /1: expected string, found integer"])
    }

    @Test func unevaluated() {
        let h = Harness("""
            allOf: [{properties: {a: true}}]
            anyOf: [{properties: {b: true}, required: [b]}, {properties: {c: true}, required: [c]}]
            unevaluatedProperties: false
            """)
        #expect(h.check("{a: 1, b: 2}") == [])
        #expect(h.check("{a: 1, b: 2, d: 3}") == ["unevaluatedProperties /d: unknown key 'd'"])
        let items = Harness("{prefixItems: [true], contains: {type: string}, unevaluatedItems: false}")
        #expect(items.check("[1, x]") == [])
        #expect(items.check("[1, x, 2]") == ["unevaluatedItems /2: unexpected item 2"])
    }

    @Test func booleanSchemas() {
        #expect(Harness("true").check("{a: 1}") == [])
        #expect(Harness("false").check("1") == ["false : no value is allowed here"])
    }

    @Test func schemaErrorsAreReported() {
        #expect(Harness("{type: strin}").errors.map(\.message) == ["'type' names an unknown type"])
        #expect(Harness("{minLength: -1}").errors.map(\.message) == ["'minLength' must be a non-negative integer"])
        #expect(Harness("{pattern: '[z-a]'}").errors.map(\.message) == ["'pattern' is not a regular expression launchc can run: /[z-a]/"])
        #expect(Harness("{multipleOf: 0}").errors.map(\.message) == ["'multipleOf' must be greater than 0"])
    }

    @Test func extensionsCarryCodeAndMessage() {
        let h = Harness("{properties: {RoleArn: {type: string, x-launchc-code: LC2001, x-launchc-message: RoleArn must be a string}}}")
        let failure = h.failures("{RoleArn: 1}").first
        #expect(failure.map { h.validator.set.nodes[$0.schema].launchc("type").code } == "LC2001")
        #expect(failure.map { h.validator.set.nodes[$0.schema].launchc("type").message } == "RoleArn must be a string")
        let byKeyword = Harness("{additionalProperties: false, x-launchc-code: {additionalProperties: LC1001}, x-launchc-message: {additionalProperties: '{key} is ignored'}}")
        let node = byKeyword.validator.set.nodes[byKeyword.root]
        #expect(node.launchc("additionalProperties").code == "LC1001")
        #expect(node.launchc("type").code == nil)
        #expect(Harness("{x-launchc-code: LC9999}").errors.map(\.message) == ["'x-launchc-code' names an unknown code 'LC9999'"])
    }

    /// The bundled schemas' patterns are parsed on first use at run time; here every one of them
    /// is parsed now, so that none can fail later.
    @Test(arguments: BundledSchemas.ids)
    func bundledSchemasCompileWithEveryPattern(_ id: String) throws {
        var compiler = SchemaCompiler(loader: BundledSchemas.loader)
        compiler.add(try #require(BundledSchemas.document(id: id)), uri: id)
        compiler.finish()
        #expect(compiler.errors.isEmpty, "\(compiler.errors)")
        #expect(!compiler.deferPatterns)
    }

    /// The bundled schemas are read with `TrustedJSON`; it must read them exactly as the JSON
    /// parser for users' files does: the same values of the same types, at the same places.
    @Test(arguments: BundledSchemas.documents.map(\.id))
    func trustedReaderReadsTheBundledSchemasAsTheParserDoes(_ id: String) throws {
        let entry = try #require(BundledSchemas.documents.first { $0.id == id })
        for text in [entry.text] + (entry.validation.map { [$0] } ?? []) {
            let fast = try #require(TrustedJSON.parse(text))
            let parsed = DocumentParser.parse(SourceFile(path: entry.path, text: text), format: .json)
            let slow = try #require(parsed.documents.first?.root)
            #expect(parsed.diagnostics.isEmpty)
            #expect(CanonicalJSON.string(fast, indent: nil) == CanonicalJSON.string(slow, indent: nil))
            func ranges(_ node: Node) -> [SourceRange] {
                switch node.value {
                case .object(let members): return [node.range] + members.flatMap { [$0.keyRange] + ranges($0.value) }
                case .array(let items): return [node.range] + items.flatMap(ranges)
                default: return [node.range]
                }
            }
            #expect(ranges(fast) == ranges(slow))
        }
        #expect(TrustedJSON.parse("{\"a\": [1, 2.5e3, \"\\u00e9\\ud83d\\udc32\\n\", true, false, null]}") != nil)
        #expect(TrustedJSON.parse("{\"a\": }") == nil)
        #expect(TrustedJSON.parse("[1] x") == nil)
    }

    /// Both forms of each bundled schema: as written (what editors get) and the validation copy.
    @Test(arguments: BundledSchemas.ids)
    func bundledSchemasPassTheMetaschema(_ id: String) throws {
        var compiler = SchemaCompiler(loader: BundledSchemas.loader)
        let meta = try #require(BundledSchemas.document(id: SchemaCompiler.draft2020))
        let root = compiler.add(meta, uri: SchemaCompiler.draft2020)
        compiler.finish()
        #expect(compiler.errors.isEmpty)
        for schema in [try #require(BundledSchemas.annotatedDocument(id: id)), try #require(BundledSchemas.document(id: id))] {
            let failures = SchemaValidator(compiler.set).validate(schema, against: root)
            #expect(failures.isEmpty, "\(failures.map { "\($0.pointer): \($0.message)" })")
        }
    }

    /// The validation copy is the schema as written without the annotations the validator never
    /// reads (the rule of scripts/embed-schemas.py, restated): `title`, `markdownDescription`,
    /// `examples`, `$comment`, and each `description` that could not be a finding's note.
    @Test(arguments: BundledSchemas.documents.filter { $0.validation != nil }.map(\.id))
    func validationCopiesDropOnlyUnreadAnnotations(_ id: String) throws {
        let written = try #require(BundledSchemas.annotatedDocument(id: id))
        let copy = try #require(BundledSchemas.document(id: id))
        #expect(CanonicalJSON.string(Self.forValidation(written), indent: nil) == CanonicalJSON.string(copy, indent: nil))
    }

    static func forValidation(_ schema: Node) -> Node {
        guard case .object(let members) = schema.value else { return schema }
        let maps: Set<String> = ["properties", "patternProperties", "$defs", "dependentSchemas"]
        let lists: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
        let single: Set<String> = ["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames",
                                   "unevaluatedItems", "unevaluatedProperties"]
        let reporting: Set<String> = ["type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
                                      "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
                                      "uniqueItems", "contains", "maxContains", "minContains", "maxProperties", "minProperties",
                                      "required", "dependentRequired", "additionalProperties", "unevaluatedProperties",
                                      "unevaluatedItems", "anyOf", "oneOf", "not"]
        let reports = members.contains { reporting.contains($0.key) }
        var kept: [Member] = []
        for var member in members {
            switch member.key {
            case "title", "markdownDescription", "examples", "$comment":
                continue
            case "description":
                guard reports, case .string(let text) = member.value.value,
                      text.unicodeScalars.count <= (text.utf8.allSatisfy { $0 < 0x80 } ? 120 : 240) else { continue }
            case let key where maps.contains(key):
                if case .object(let entries) = member.value.value {
                    member.value.value = .object(entries.map { var e = $0; e.value = forValidation(e.value); return e })
                }
            case let key where lists.contains(key):
                if case .array(let items) = member.value.value { member.value.value = .array(items.map(forValidation)) }
            case let key where single.contains(key):
                member.value = forValidation(member.value)
            default:
                break
            }
            kept.append(member)
        }
        var out = schema
        out.value = .object(kept)
        return out
    }

    /// launchc compiles each bundled schema on its own at first use and treats a failure as a
    /// bug (a precondition); this is where such a bug must show.
    @Test(arguments: BundledSchemas.catalog.map(\.name))
    func everyBundledSchemaCompilesOnItsOwn(_ name: String) throws {
        let entry = try #require(BundledSchemas.catalog.first { $0.name == name })
        var compiler = SchemaCompiler(loader: BundledSchemas.loader)
        compiler.add(try #require(BundledSchemas.document(id: entry.id)), uri: entry.id)
        compiler.finish()
        #expect(compiler.errors.isEmpty, "\(compiler.errors.map(\.description))")
    }

    @Test func metaschemaRejectsABrokenSchema() throws {
        var compiler = SchemaCompiler(loader: BundledSchemas.loader)
        let root = compiler.add(try #require(BundledSchemas.document(id: SchemaCompiler.draft2020)), uri: SchemaCompiler.draft2020)
        compiler.finish()
        let broken = try #require(parseYAML("{type: strin, properties: {a: {minLength: -1}}}").root)
        #expect(SchemaValidator(compiler.set).validate(broken, against: root).count >= 2)
    }

    @Test func embeddedSchemasMatchTheSchemasFolder() throws {
        for entry in BundledSchemas.documents {
            let onDisk = try #require(Golden.readFile(Package.path(entry.path)), "\(entry.path) is embedded but missing")
            #expect(onDisk.hasSuffix("\n") ? String(onDisk.dropLast()) == entry.text : onDisk == entry.text,
                    "\(entry.path) changed: run 'make schemas'")
        }
    }
}
