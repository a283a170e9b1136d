import Testing
@testable import LaunchcCore

@Suite struct YAMLParserTests {
    @Test(arguments: [
        ("~", Value.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("n", .string("n")), ("nULL", .string("nULL")), ("tRUE", .string("tRUE")),
        ("0", .integer(0)), ("-17", .integer(-17)), ("+17", .integer(17)), ("010", .integer(10)),
        ("0o17", .integer(15)), ("0x1F", .integer(31)), ("0x1f", .integer(31)), ("0o8", .string("0o8")),
        ("0b101", .string("0b101")), ("1_000", .string("1_000")), ("1:20", .string("1:20")),
        ("9223372036854775807", .integer(.max)), ("-9223372036854775808", .integer(.min)),
        ("1.5", .number(1.5)), (".5", .number(0.5)), ("5.", .number(5)), ("-.5e3", .number(-500)),
        ("1e3", .number(1000)), ("1E-2", .number(0.01)), (".", .string(".")), ("-", .string("-")),
        ("1e", .string("1e")), ("1.2.3", .string("1.2.3")), ("2024-01-31", .string("2024-01-31")),
        (".inf", .number(.infinity)), ("-.Inf", .number(-.infinity)), ("+.INF", .number(.infinity)),
        (".infinity", .string(".infinity")),
    ])
    func coreSchemaScalars(_ text: String, _ expected: Value) {
        #expect(CoreSchema.resolve(text) == .value(expected))
    }

    @Test func coreSchemaNaNAndOverflow() {
        guard case .value(.number(let d)) = CoreSchema.resolve(".NaN") else { Issue.record("not a number"); return }
        #expect(d.isNaN)
        #expect(CoreSchema.resolve("9223372036854775808") == .integerOutOfRange)
        #expect(CoreSchema.resolve("0x10000000000000000") == .integerOutOfRange)
        #expect(CoreSchema.resolve("1e999") == .numberOutOfRange)
    }

    @Test(arguments: [
        ("yes", YAML11.Reading.bool(true)), ("Off", .bool(false)), ("y", .string), ("010", .integer(8)),
        ("0b1010", .integer(10)), ("1_000", .integer(1000)), ("1:20", .integer(80)), ("-1:00:01", .integer(-3601)),
        ("0x_1F", .integer(31)), ("1e3", .string), ("1.0e+3", .float(1000)), ("1.0e3", .string), ("+.5", .string),
        ("2024-01-31", .timestamp), ("2024-1-3 10:00:00", .timestamp), ("2024-1-3", .string), ("09", .string),
        ("0", .integer(0)), ("12", .integer(12)), ("~", .null), ("0o17", .string),
    ])
    func pyyamlReadings(_ text: String, _ expected: YAML11.Reading) {
        #expect(YAML11.read(text) == expected)
    }

    @Test func ambiguousScalarsWarnOnlyWhenReadingsDiffer() {
        let result = parseYAML("a: yes\nb: 0x1F\nc: 12\nd: 1.5\ne: \"yes\"\nf: !!str off\ng: 07\nh: 08\n")
        #expect(result.codes == ["LC1209", "LC1209"])
        #expect(result.diagnostics.map(\.pointer) == ["/a", "/h"])
        #expect(result.diagnostics[1].message == "'08' is the integer 8 in YAML 1.2 but a string in YAML 1.1 (PyYAML)")
    }

    @Test func octalLookalikeWithSameValueDoesNotWarn() {
        // "07" is 7 in both versions (octal 7 is 7), so there is nothing to warn about.
        let result = parseYAML("g: 07\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root == Node(.object([Member(key: "g", keyRange: .at(0), value: Node(.integer(7), range: .at(0)))]), range: .at(0)))
    }

    @Test func ambiguousScalarFixItQuotes() throws {
        let m = Marked("run:\n  flag: ⟨s⟩off⟨e⟩\n")
        let result = DocumentParser.parse(m.file)
        let fix = try #require(result.diagnostics.first?.fixIts.first)
        #expect(fix.edits == [TextEdit(range: SourceRange(start: m["s"], end: m["e"]), replacement: "'off'")])
    }

    @Test func tagsAreApplied() {
        let result = parseYAML("a: !!str 12\nb: !!int '12'\nc: !!float 2\nd: !!bool true\ne: !!null ''\nf: ! 12\ng: !!map {}\nh: !!seq []\n")
        #expect(result.diagnostics.isEmpty)
        #expect(CanonicalJSON.string(result.root!, indent: nil) == #"{"a":"12","b":12,"c":2.0,"d":true,"e":null,"f":"12","g":{},"h":[]}"#)
    }

    @Test func unknownAndMismatchedTagsAreErrors() {
        let result = parseYAML("a: !Ref x\nb: !!int x\nc: !!python/object:os.system x\nd: !!binary aGk=\n")
        #expect(result.codes == ["LC1203", "LC1204", "LC1203", "LC1203"])
    }

    @Test func anchorsAliasesAndMerges() {
        let result = parseYAML("""
            base: &b {x: 1, y: 2, z: 3}
            more: &m {y: 20, w: 40}
            one:
              x: 10
              <<: *b
            two:
              <<: [*m, *b]
              z: 30
            alias: *b
            """)
        #expect(result.diagnostics.isEmpty)
        let root = result.root!
        // Explicit keys win; earlier mappings in a merge list win over later ones.
        #expect(CanonicalJSON.string(root["one"]!, indent: nil) == #"{"x":10,"y":2,"z":3}"#)
        #expect(CanonicalJSON.string(root["two"]!, indent: nil) == #"{"y":20,"w":40,"x":1,"z":30}"#)
        #expect(root["alias"] == root["base"])
    }

    @Test func aliasKeepsTheAliasPositionAndItsChildrenTheAnchorsPositions() throws {
        let m = Marked("a: &x {k: ⟨v⟩1}\nb: ⟨alias⟩*x⟨aliasEnd⟩\n")
        let root = try #require(DocumentParser.parse(m.file).root)
        let b = try #require(root["b"])
        #expect(b.range == SourceRange(start: m["alias"], end: m["aliasEnd"]))
        #expect(b["k"]?.range.start == m["v"])
    }

    @Test func duplicateKeysPointAtBothOccurrencesAndTheLastValueWins() throws {
        let m = Marked("⟨first⟩key: 1\nother: 2\n⟨second⟩key: 3\n")
        let result = DocumentParser.parse(m.file)
        let d = try #require(result.diagnostics.first)
        #expect(d.code == "LC1101")
        #expect(d.span.range == SourceRange(start: m["second"], end: m["second"] + 3))
        #expect(d.notes.first?.span?.range == SourceRange(start: m["first"], end: m["first"] + 3))
        #expect(d.pointer == "/key")
        #expect(CanonicalJSON.string(result.root!, indent: nil) == #"{"key":3,"other":2}"#)
    }

    @Test func duplicateKeysInLargeMappingsUseTheIndex() {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\nk39: again\n"
        let result = parseYAML(text)
        #expect(result.codes == ["LC1101", "LC1101"])
        #expect(result.diagnostics.map { $0.notes.first?.message } == ["'k7' is first defined here", "'k39' is first defined here"])
    }

    @Test func mergedKeysDoNotCountAsDuplicates() {
        #expect(parseYAML("b: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n").diagnostics.isEmpty)
    }

    @Test func positionsCountBytesAfterMultibyteCharacters() throws {
        let m = Marked("⟨k⟩kää: [⟨x⟩x, ⟨jp⟩\"日本\"⟨jpEnd⟩]\n😀: ⟨v⟩v\n")
        let result = DocumentParser.parse(m.file)
        let root = try #require(result.root)
        #expect(root["kää"]?[0]?.range.start == m["x"])
        #expect(root["kää"]?[1]?.range == SourceRange(start: m["jp"], end: m["jpEnd"]))
        #expect(root["😀"]?.range.start == m["v"])
        let converter = SourceLocationConverter(file: m.file)
        #expect(converter.location(of: m["jp"]).column == 10)
        #expect(converter.location(of: m["v"]).line == 2)
        #expect(converter.location(of: m["v"]).column == 4)
    }

    @Test func byteOrderMarkIsSkippedButCountsInOffsets() throws {
        let file = SourceFile(path: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        let result = DocumentParser.parse(file)
        let root = try #require(result.root)
        #expect(root["a"]?.range == SourceRange(start: 6, end: 7))
        #expect(SourceLocationConverter(file: file).location(of: 6).column == 4)
    }

    @Test func multiDocumentStreams() {
        let result = parseYAML("a: 1\n---\nb: 2\n--- 3\n")
        #expect(result.documents.count == 3)
        #expect(result.documents.map(\.start) == [0, 5, 14])
        #expect(result.documents[2].root == Node(.integer(3), range: .at(0)))
    }

    @Test func nestingLimitStopsAtTheFirstNodePastIt() throws {
        var limits = Limits()
        limits.maxDepth = 3
        let m = Marked("a:\n  b:\n    c:\n      ⟨d⟩d: 1\n")
        #expect(DocumentParser.parse(m.file, limits: limits).diagnostics.isEmpty == false)
        let d = try #require(DocumentParser.parse(m.file, limits: limits).diagnostics.first)
        #expect(d.code == "LC1104")
        #expect(d.span.range?.start == m["d"])
        #expect(d.pointer == "/a/b/c")
    }

    @Test func aliasExpansionIsBounded() {
        var limits = Limits()
        limits.maxAliasNodes = 100
        let text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b]\n"
        let result = parseYAML(text, limits: limits)
        #expect(result.codes == ["LC1210"])
        #expect(result.documents.isEmpty)
        #expect(parseYAML(text).diagnostics.isEmpty)
    }

    @Test func recursiveAndUndefinedAliases() {
        #expect(parseYAML("a: &a [*a]\n").codes == ["LC1207"])
        #expect(parseYAML("a: *nope\n").codes == ["LC1206"])
        // An anchor may be redefined; an alias takes the latest definition.
        let result = parseYAML("a: &x 1\nb: &x 2\nc: *x\n")
        #expect(result.root?["c"] == Node(.integer(2), range: .at(0)))
    }

    @Test func nonStringKeys() {
        #expect(parseYAML("? [a]\n: 1\nb: 2\n").codes == ["LC1205"])
        #expect(parseYAML("x: &m {a: 1}\n*m : 2\n").codes == ["LC1205"])
        let scalars = parseYAML("1: a\ntrue: b\n~: c\n")
        #expect(CanonicalJSON.string(scalars.root!, indent: nil) == #"{"1":"a","true":"b","~":"c"}"#)
    }

    @Test func syntaxErrorsCarryContext() throws {
        let m = Marked("⟨ctx⟩a: [1, 2\nb: ⟨problem⟩3\n")
        let d = try #require(DocumentParser.parse(m.file).diagnostics.first)
        #expect(d.code == "LC1201")
        #expect(d.notes.first?.span?.range?.start == m["ctx"] + 3)
    }
}

/// An agent config's plain values as PyYAML (YAML 1.1) types them, positions kept.
@Suite struct PyYAMLReadingTests {
    @Test func agentValuesTakePyYAMLsReading() throws {
        let file = SourceFile(path: "launch-config.yaml", text: "max_jobs: 010\nqueues: ['010']\nverbosity: 1e3\nsecure_mode: on\n")
        let parsed = DocumentParser.parse(file)
        #expect(parsed.codes == ["LC1209", "LC1209", "LC1209"])
        let root = try #require(parsed.root)
        let retyped = PyYAMLReading.retype(root, with: PyYAMLReading.values(for: parsed.diagnostics, in: file))
        #expect(retyped["max_jobs"]?.value == .integer(8))
        #expect(retyped["max_jobs"]?.range == root["max_jobs"]?.range)
        #expect(retyped["queues"]?[0]?.value == .string("010"))
        #expect(retyped["verbosity"]?.value == .string("1e3"))
        #expect(retyped["secure_mode"]?.value == .bool(true))
        let finding = PyYAMLReading.agentFinding(parsed.diagnostics[0], file: file)
        #expect(finding.message == "'010' is the integer 8 to the agent, which reads YAML 1.1 (PyYAML), but the integer 10 in YAML 1.2")
        #expect(finding.fixIts.first?.edits.map(\.replacement) == ["8"])
        #expect(finding.fixIts.first?.isSafe == true)
        // Another kind keeps YAML 1.2, and the help keeps its meaning there.
        let queueConfig = Checker.check(SourceFile(path: "c.yaml", text: "MaxRuntime: 010\n"), options: CheckOptions(classifier: Classifier(kind: .data)))
        #expect(queueConfig.diagnostics.first?.fixIts.first?.message == "write 10, which every YAML version reads the same")
    }
}
