import Testing
@testable import LaunchcCore

/// Document strings compare scalar by scalar, as JSON, JSON Schema and the agent's Python do,
/// never by Swift's canonical equivalence: "ä" (U+00E4) and "a" + U+0308 are two strings, and so
/// are "Kind" and "\u{212A}ind" (KELVIN SIGN).
@Suite struct ScalarEqualityTests {
    static let composed = "\u{E4}"
    static let decomposed = "a\u{308}"
    static let kelvin = "\u{212A}ind"

    @Test func swiftWouldCallThemEqual() {
        // The premise: these pairs are == in Swift, so launchc must not use == on them.
        #expect(Self.composed == Self.decomposed)
        #expect(Self.kelvin == "Kind")
        #expect(!Self.composed.hasSameScalars(as: Self.decomposed))
        #expect(!Self.kelvin.hasSameScalars(as: "Kind"))
        #expect("Kind".hasSameScalars(as: "Kind"))
        #expect(ScalarKey(Self.composed) != ScalarKey(Self.decomposed))
        #expect(Set([ScalarKey(Self.composed), ScalarKey(Self.decomposed), ScalarKey(Self.composed)]).count == 2)
    }

    @Test func valuesAndKeys() {
        let a = Node(.string(Self.composed), range: .at(0))
        let b = Node(.string(Self.decomposed), range: .at(0))
        #expect(a != b)
        let object = parseJSON("{\"\(Self.kelvin)\": 1, \"\(Self.composed)\": 2}").documents[0].root
        #expect(object["Kind"] == nil)
        #expect(object[Self.kelvin] != nil)
        #expect(object[Self.decomposed] == nil)
        #expect(object.resolve(JSONPointer(tokens: [Self.decomposed])) == nil)
        let other = parseJSON("{\"Kind\": 1, \"\(Self.decomposed)\": 2}").documents[0].root
        #expect(object != other)
    }

    /// Canonically equivalent keys are two keys, in YAML and JSON alike (the agent keeps both);
    /// a key written twice exactly is a duplicate.
    @Test(arguments: ["yaml", "json"]) func duplicateKeys(_ format: String) {
        let text = format == "json" ? "{\"\(Self.composed)\": 1, \"\(Self.decomposed)\": 2, \"Kind\": 3, \"\(Self.kelvin)\": 4}\n"
            : "\(Self.composed): 1\n\(Self.decomposed): 2\nKind: 3\n\(Self.kelvin): 4\n"
        let parsed = DocumentParser.parse(SourceFile(path: "t.\(format)", text: text))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        guard case .object(let members)? = parsed.documents.first?.root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key.unicodeScalars.count) == [1, 2, 4, 4])
        let twice = DocumentParser.parse(SourceFile(path: "t.yaml", text: "\(Self.decomposed): 1\n\(Self.decomposed): 2\n"))
        #expect(twice.diagnostics.map(\.code) == ["LC1101"])
        // A mapping long enough for the parser's key index, and merge keys, keep both too.
        let long = (0..<20).map { "k\($0): \($0)\n" }.joined() + "\(Self.composed): 1\n\(Self.decomposed): 2\n"
        #expect(DocumentParser.parse(SourceFile(path: "t.yaml", text: long)).diagnostics.isEmpty)
        let merged = DocumentParser.parse(SourceFile(path: "t.yaml", text: "base: &b {\(Self.composed): 1}\nuse:\n  <<: *b\n  \(Self.decomposed): 2\n"))
        #expect(merged.documents[0].root["use"].map { if case .object(let m) = $0.value { m.count } else { 0 } } == 2)
    }

    /// The schema keywords that compare strings: enum, const, uniqueItems, properties (short
    /// and hashed lists), required, dependentRequired, dependentSchemas, propertyNames, pattern.
    @Test func schemaKeywords() {
        let c = Self.composed, d = Self.decomposed
        func check(_ schema: String, _ instance: String) -> [String] {
            SchemaEngineTests.Harness(schema).check(instance)
        }
        #expect(check("{enum: [\(c)]}", "\(d)") == ["enum : \"\(d)\" is not one of \"\(c)\""])
        #expect(check("{enum: [\(c)]}", "\(c)") == [])
        let longEnum = "{enum: [" + (0..<20).map { "v\($0)" }.joined(separator: ", ") + ", \(c)]}"
        #expect(check(longEnum, "\(d)").count == 1)
        #expect(check(longEnum, "\(c)") == [])
        #expect(check("{const: \(c)}", "\(d)") == ["const : \"\(d)\" must be \"\(c)\""])
        #expect(check("{const: {\(c): 1}}", "{\(d): 1}").count == 1)
        #expect(check("{uniqueItems: true}", "[\(c), \(d)]") == [])
        #expect(check("{uniqueItems: true}", "[\(d), \(d)]") == ["uniqueItems /1: item 1 repeats item 0; items must be unique"])
        #expect(check("{properties: {\(c): {type: integer}}, additionalProperties: false}", "{\(d): 1}") == ["additionalProperties /\(d): unknown key '\(d)'"])
        let many = (0..<10).map { "p\($0): {}" }.joined(separator: ", ")
        #expect(check("{properties: {\(many), \(c): {type: integer}}, additionalProperties: false}", "{\(d): 1}") == ["additionalProperties /\(d): unknown key '\(d)'"])
        #expect(check("{properties: {\(many), \(c): {type: integer}}, additionalProperties: false}", "{\(c): x}") == ["type /\(c): expected integer, found string"])
        #expect(check("{required: [\(c)]}", "{\(d): 1}") == ["required : missing required key '\(c)'"])
        #expect(check("{dependentRequired: {\(c): [b]}}", "{\(d): 1}") == [])
        #expect(check("{dependentSchemas: {\(c): false}}", "{\(d): 1}") == [])
        #expect(check("{propertyNames: {const: \(c)}}", "{\(d): 1}") == ["const /\(d): key '\(d)': \"\(d)\" must be \"\(c)\""])
        #expect(check("{pattern: '^\(c)$'}", "\(d)") == ["pattern : \"\(d)\" does not match /^\(c)$/"])
        #expect(check("{pattern: '^\(c)$'}", "\(c)") == [])
        #expect(check("{patternProperties: {'^\(c)$': {type: integer}}, additionalProperties: false}", "{\(d): 1}") == ["additionalProperties /\(d): unknown key '\(d)'"])
        // Kubernetes' `kind` and SageMaker's `KmsKeyId`: a KELVIN SIGN is not a K.
        #expect(check("{properties: {Kind: {}}, additionalProperties: false}", "{\(Self.kelvin): 1}") == ["additionalProperties /\(Self.kelvin): unknown key '\(Self.kelvin)'"])
    }

    /// uniqueItems by hash: JSON Schema's equality (1 and 1.0, key order), and linear time.
    @Test func uniqueItemsByHash() {
        let h = SchemaEngineTests.Harness("{uniqueItems: true}")
        #expect(h.check("[1, 1.0]") == ["uniqueItems /1: item 1 repeats item 0; items must be unique"])
        #expect(h.check("[{a: 1, b: [2]}, {b: [2.0], a: 1}]") == ["uniqueItems /1: item 1 repeats item 0; items must be unique"])
        #expect(h.check("[.nan, .nan]").count == 1)
        #expect(h.check("[0, -0.0]").count == 1)
        #expect(h.check("[9007199254740993, 9007199254740992]") == [])
        let many = "[" + (0..<50_000).map(String.init).joined(separator: ", ") + ", 7]"
        #expect(h.check(many) == ["uniqueItems /50000: item 50000 repeats item 7; items must be unique"])
    }
}
