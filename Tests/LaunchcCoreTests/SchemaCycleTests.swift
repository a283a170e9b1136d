import Foundation
import Testing
@testable import LaunchcCore

/// Schemas that reach themselves without reading into the value, and evaluation too deep for
/// the limit or the stack (issue 16, "never crash"): refused or stopped with a finding, never a
/// stack overflow.
@Suite struct SchemaCycleTests {
    /// The compile errors of a JSON schema, as "pointer: message" plus each note.
    static func compileErrors(_ json: String) -> [String] {
        var compiler = SchemaCompiler()
        let root = DocumentParser.parse(SourceFile(path: "s.json", text: json), format: .json).documents[0].root
        compiler.add(root, uri: "https://launchc.test/s.json")
        compiler.finish()
        return compiler.errors.flatMap { error in
            ["\(error.kind == .cycle ? "cycle" : "invalid") \(error.location.pointer): \(error.message)"] + error.notes.map { "  \($0.message)" }
        }
    }

    /// Every in-place keyword closes a cycle; each is found when the schema is compiled, and
    /// the error sits at the reference that starts it.
    @Test(arguments: [
        (##"{"$ref": "#"}"##, "/$ref", "# --$ref--> #"),
        (##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/c"}, "c": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##,
         "/$defs/a/$ref", "#/$defs/a --$ref--> #/$defs/b --$ref--> #/$defs/c --$ref--> #/$defs/a"),
        (##"{"allOf": [{"$ref": "#"}]}"##, "/allOf/0/$ref", "#/allOf/0 --$ref--> # --allOf/0--> #/allOf/0"),
        (##"{"anyOf": [true, {"$ref": "#"}]}"##, "/anyOf/1/$ref", "#/anyOf/1 --$ref--> # --anyOf/1--> #/anyOf/1"),
        (##"{"oneOf": [{"$ref": "#"}]}"##, "/oneOf/0/$ref", "#/oneOf/0 --$ref--> # --oneOf/0--> #/oneOf/0"),
        (##"{"not": {"$ref": "#"}}"##, "/not/$ref", "#/not --$ref--> # --not--> #/not"),
        (##"{"if": {"$ref": "#"}}"##, "/if/$ref", "#/if --$ref--> # --if--> #/if"),
        (##"{"if": true, "then": {"$ref": "#"}}"##, "/then/$ref", "#/then --$ref--> # --then--> #/then"),
        (##"{"if": false, "else": {"$ref": "#"}}"##, "/else/$ref", "#/else --$ref--> # --else--> #/else"),
        (##"{"dependentSchemas": {"a/b": {"$ref": "#"}}}"##, "/dependentSchemas/a~1b/$ref",
         "#/dependentSchemas/a~1b --$ref--> # --dependentSchemas/a~1b--> #/dependentSchemas/a~1b"),
        (##"{"$defs": {"x": {"$anchor": "x", "allOf": [{"$ref": "#x"}]}}, "$ref": "#x"}"##, "/$defs/x/allOf/0/$ref",
         "#/$defs/x/allOf/0 --$ref--> #/$defs/x --allOf/0--> #/$defs/x/allOf/0"),
        // A $dynamicRef whose first target has no $dynamicAnchor of that name is a plain $ref.
        (##"{"$defs": {"a": {"$dynamicRef": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##, "/$defs/a/$dynamicRef", "#/$defs/a --$dynamicRef--> #/$defs/a"),
    ])
    func cyclesAreFoundWhenCompiled(_ schema: String, _ at: String, _ cycle: String) {
        let errors = Self.compileErrors(schema)
        let keyword = at.hasSuffix("$dynamicRef") ? "$dynamicRef" : "$ref"
        #expect(errors.first == "cycle \(at): '\(keyword)' leads back to the schema it is in without reading into the value: evaluation would never end")
        #expect(errors.dropFirst().first?.hasSuffix(": " + cycle) == true, "\(errors)")
    }

    /// Recursion that steps into the value, and the same schema applied twice at one place,
    /// are not cycles (the suite's infinite-loop-detection case among them).
    @Test(arguments: [
        ##"{"properties": {"a": {"$ref": "#"}}, "items": {"$ref": "#"}, "additionalProperties": {"$ref": "#"}}"##,
        ##"{"propertyNames": {"$ref": "#"}, "contains": {"$ref": "#"}, "prefixItems": [{"$ref": "#"}], "unevaluatedProperties": {"$ref": "#"}}"##,
        ##"{"$defs": {"int": {"type": "integer"}}, "allOf": [{"properties": {"foo": {"$ref": "#/$defs/int"}}}, {"additionalProperties": {"$ref": "#/$defs/int"}}]}"##,
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"}}, "allOf": [{"$ref": "#/$defs/a"}, {"$ref": "#/$defs/a"}]}"##,
    ])
    func recursionIntoTheValueIsNoCycle(_ schema: String) {
        #expect(Self.compileErrors(schema) == [])
    }

    /// A cycle that only the dynamic scope closes is found when a document reaches it, and the
    /// validator stops there.
    @Test func dynamicCyclesStopTheValidator() throws {
        var compiler = SchemaCompiler()
        let json = ##"{"$dynamicAnchor": "node", "if": {"type": "array"}, "then": {"$dynamicRef": "#node"}}"##
        let root = compiler.add(DocumentParser.parse(SourceFile(path: "s.json", text: json), format: .json).documents[0].root,
                                uri: "https://launchc.test/s.json")
        compiler.finish()
        #expect(compiler.errors.isEmpty)
        let validator = SchemaValidator(compiler.set)
        let number = Node(.integer(1), range: .at(0))
        #expect(validator.isValid(number, against: root))
        let array = Node(.array([]), range: .at(0))
        #expect(validator.validate(array, against: root).isEmpty)
        #expect(!validator.isValid(array, against: root))
        guard case .cycle(let nodes, let pointer, _)? = validator.stopped else {
            Issue.record("expected a cycle, got \(String(describing: validator.stopped))")
            return
        }
        #expect(SchemaCycles.describe(nodes, in: compiler.set, home: "https://launchc.test/s.json") == "# --then--> #/then --$dynamicRef--> #")
        #expect(pointer == .root)
        // The validator is reusable: the next document starts afresh.
        #expect(validator.isValid(number, against: root))
    }

    /// A chain of `links` references ending in `{"type": "string"}`.
    static func chain(_ links: Int) -> String {
        "{\"$ref\": \"#/$defs/d0\", \"$defs\": {" + (0..<links).map { "\"d\($0)\": {\"$ref\": \"#/$defs/d\($0 + 1)\"}" }.joined(separator: ", ")
            + ", \"d\(links)\": {\"type\": \"string\"}}}"
    }

    static func chainValidator(_ links: Int, maxDepth: Int = Limits.default.maxSchemaDepth) -> (SchemaValidator, Int) {
        var compiler = SchemaCompiler()
        let root = compiler.add(DocumentParser.parse(SourceFile(path: "s.json", text: chain(links)), format: .json).documents[0].root,
                                uri: "https://launchc.test/s.json")
        compiler.finish()
        var limits = Limits.default
        limits.maxSchemaDepth = maxDepth
        return (SchemaValidator(compiler.set, limits: limits), root)
    }

    /// 20,000 links validate on a thread with launchc's stack, to the end of the chain.
    @Test func longChainsValidate() {
        let failures = ThreadStack.run { () -> [String] in
            let (validator, root) = Self.chainValidator(20_000)
            #expect(validator.stopped == nil)
            return validator.validate(Node(.integer(1), range: .at(0)), against: root).map(\.message)
        }
        #expect(failures == ["expected string, found integer"])
    }

    /// The limit stops a chain at its depth; a small stack stops it before it overflows.
    @Test func depthIsBoundedByTheLimitAndByTheStack() {
        let (limited, root) = Self.chainValidator(500, maxDepth: 100)
        #expect(limited.validate(Node(.integer(1), range: .at(0)), against: root).isEmpty)
        guard case .tooDeep(_, _, _, let depth, let stack)? = limited.stopped else {
            Issue.record("expected the limit to stop it")
            return
        }
        #expect(depth == 100 && !stack)
        // 4 MiB of stack holds far fewer than 100,000 evaluations: the guard stops first.
        let stopped = ThreadStack.run(size: 4 << 20) { () -> SchemaValidator.Stop? in
            let (validator, root) = Self.chainValidator(100_000)
            _ = validator.validate(Node(.integer(1), range: .at(0)), against: root)
            return validator.stopped
        }
        guard case .tooDeep(_, _, _, let reached, let byStack)? = stopped else {
            Issue.record("expected the stack guard to stop it, got \(String(describing: stopped))")
            return
        }
        #expect(byStack && reached > 100 && reached < 100_000)
    }

    /// Alternatives that repeat the same references double the work at each level; the step
    /// budget (plus 16 per byte of the document) stops them, and a normal schema is far below it.
    @Test func exponentialAlternativesRunOutOfSteps() {
        let levels = 40
        let defs = (0..<levels).map { "\"d\($0)\": {\"anyOf\": [{\"$ref\": \"#/$defs/d\($0 + 1)\"}, {\"$ref\": \"#/$defs/d\($0 + 1)\"}]}" }
        let json = "{\"$ref\": \"#/$defs/d0\", \"$defs\": {" + defs.joined(separator: ", ") + ", \"d\(levels)\": {\"type\": \"string\"}}}"
        var compiler = SchemaCompiler()
        let root = compiler.add(DocumentParser.parse(SourceFile(path: "s.json", text: json), format: .json).documents[0].root,
                                uri: "https://launchc.test/s.json")
        compiler.finish()
        var limits = Limits.default
        limits.maxSchemaSteps = 10_000
        let validator = SchemaValidator(compiler.set, limits: limits)
        let document = parseJSON("[1, 2]").documents[0].root
        #expect(validator.validate(document, against: root).isEmpty)
        guard case .tooCostly(_, _, _, let steps)? = validator.stopped else {
            Issue.record("expected the budget to stop it, got \(String(describing: validator.stopped))")
            return
        }
        #expect(steps == 10_000 + 16 * 6)
        // Eight levels fit: 2^9 evaluations decide the value.
        let shallow = SchemaEngineTests.Harness("{$defs: {a: {anyOf: [{$ref: '#/$defs/b'}, {type: integer}]}, b: {anyOf: [{type: string}, {type: 'null'}]}}, $ref: '#/$defs/a'}")
        #expect(shallow.check("1.5") == ["anyOf : the value matches none of the allowed forms"])
    }

    /// The bundled schemas have no cycle (the compiler does not look for them at start-up).
    @Test func bundledSchemasHaveNoCycle() throws {
        for entry in BundledSchemas.catalog {
            var compiler = SchemaCompiler(loader: BundledSchemas.loader)
            let document = try #require(BundledSchemas.document(id: entry.id))
            compiler.add(document, uri: entry.id)
            compiler.finish()
            #expect(compiler.errors.isEmpty, "\(entry.name): \(compiler.errors)")
        }
    }
}

extension CLITests {
    /// Through the binary: a 20,000-link chain is followed to its end, a cycle exits 2.
    @Test func schemaChainsAndCyclesThroughTheCommand() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("launchc-chain-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let chain = directory.appendingPathComponent("chain.json").path
        let document = directory.appendingPathComponent("d.json").path
        try SchemaCycleTests.chain(20_000).write(toFile: chain, atomically: true, encoding: .utf8)
        try "{}\n".write(toFile: document, atomically: true, encoding: .utf8)
        let run = try launchc(["check", "--color", "never", "--no-config", "--kind", "data", "--schema", chain, document])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("\(document):1:1: error[LC2001]: expected string, found object\n"), "\(run.stdout)")
        #expect(run.stdout.contains("= note: required by \(chain)#/$defs/d20000\n"), "\(run.stdout)")
        let limited = try launchc(["check", "--color", "never", "--no-config", "--kind", "data", "--limit", "schema-depth=1000", "--schema", chain, document])
        #expect(limited.status == 1)
        #expect(limited.stdout.hasPrefix("\(document):1:1: error[LC2014]: evaluating the schema reached the limit of 1,000 nested subschemas at the document; not decided, so it fails\n"),
                "\(limited.stdout)")
        let cycle = directory.appendingPathComponent("cycle.json").path
        try ##"{"$defs": {"a": {"oneOf": [{"$ref": "#"}]}}, "$ref": "#/$defs/a"}"##.write(toFile: cycle, atomically: true, encoding: .utf8)
        let refused = try launchc(["check", "--color", "never", "--no-config", "--kind", "data", "--schema", cycle, document])
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            \(cycle):1:54: error[LC2013]: '$ref' leads back to the schema it is in without reading into the value: evaluation would never end
               1 | {"$defs": {"a": {"oneOf": [{"$ref": "#"}]}}, "$ref": "#/$defs/a"}
                 |                                                      ^~~~~~~~~~~
                 = note: the cycle, which reaches it again after 2 other subschemas: # --$ref--> #/$defs/a --oneOf/0--> #/$defs/a/oneOf/0 --$ref--> #
            \(cycle):1:37: note: '$ref' here continues the cycle
               1 | {"$defs": {"a": {"oneOf": [{"$ref": "#"}]}}, "$ref": "#/$defs/a"}
                 |                                     ^~~


            """)
    }
}
