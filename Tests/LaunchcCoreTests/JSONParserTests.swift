import Testing
@testable import LaunchcCore

@Suite struct JSONParserTests {
    /// Every node's range, cut out of the file, is itself JSON that parses to the same value.
    @Test(arguments: ["sagemaker-queue.json", "unicode.json", "queue-definition.json"])
    func everyRangeIsExact(_ name: String) throws {
        let file = try Package.source("fixtures/valid/" + name)
        let root = try #require(DocumentParser.parse(file).root)
        var checked = 0
        func visit(_ node: Node) {
            let slice = SourceFile(path: "slice.json", text: file.text(in: node.range))
            #expect(DocumentParser.parse(slice).root == node, "range \(node.range) of \(name)")
            checked += 1
            switch node.value {
            case .array(let items): items.forEach(visit)
            case .object(let members):
                for member in members {
                    let key = SourceFile(path: "key.json", text: file.text(in: member.keyRange))
                    #expect(DocumentParser.parse(key).root?.value == .string(member.key))
                    visit(member.value)
                }
            default: break
            }
        }
        visit(root)
        #expect(checked > 5)
    }

    @Test func keysKeepSourceOrder() {
        let keys = (0..<60).map { "key\(($0 * 37) % 60)" }
        let text = "{" + keys.map { "\"\($0)\": 1" }.joined(separator: ", ") + "}"
        guard case .object(let members)? = parseJSON(text).root?.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == keys)
    }

    @Test func valuesAreExact() {
        let result = parseJSON(#"{"i": 9223372036854775807, "n": -9223372036854775808, "f": 0.1, "e": 1E2, "s": "\u00e9\ud83d\ude80", "z": "a\u0000b"}"#)
        #expect(result.diagnostics.isEmpty)
        let root = result.root!
        #expect(root["i"]?.value == .integer(.max))
        #expect(root["n"]?.value == .integer(.min))
        #expect(root["f"]?.value == .number(0.1))
        #expect(root["e"]?.value == .number(100))
        #expect(root["s"]?.value == .string("é🚀"))
        #expect(root["z"]?.value == .string("a\u{0}b"))
    }

    @Test func yamlAndJSONOfTheSameDocumentAreEqual() throws {
        let yaml = try #require(parseYAML("a: [1, 2.5, true, null, x]\nb: {c: d}\n").root)
        let json = try #require(parseJSON(#"{"b": {"c": "d"}, "a": [1, 2.5, true, null, "x"]}"#).root)
        #expect(yaml == json)
    }

    @Test func topLevelScalarsAreDocuments() {
        #expect(parseJSON("42").root?.value == .integer(42))
        #expect(parseJSON(" \"x\" ").root?.range == SourceRange(start: 1, end: 4))
    }

    @Test func errorsPointAtTheOffendingToken() throws {
        let cases: [(String, String, String)] = [
            (#"{"a": ⟨x⟩tru}"#, "LC1301", "invalid token near 'tru'"),
            (#"{"a": 1⟨x⟩,}"#, "LC1303", "trailing comma before '}'"),
            (#"[1, ⟨x⟩Infinity]"#, "LC1304", "'Infinity' is not a JSON value; JSON has no NaN or Infinity"),
            (#"{"a": ⟨x⟩/* c */ 1}"#, "LC1302", "JSON does not allow comments"),
            (#"{"k": {"a": 1, ⟨x⟩"a": 2}}"#, "LC1101", "duplicate key 'a'"),
            (#"{"a": ⟨x⟩"caf"#, "LC1301", "unterminated string"),
            (#"{"a": [1, 2⟨x⟩"#, "LC1301", "unexpected end of file"),
        ]
        for (marked, code, message) in cases {
            let m = Marked(marked)
            let d = try #require(DocumentParser.parse(SourceFile(path: "t.json", text: m.text)).diagnostics.first, "\(marked)")
            #expect(d.code == code, "\(marked)")
            #expect(d.message == message, "\(marked)")
            if code == "LC1301" && message.hasPrefix("unexpected end") {
                #expect(d.span.range?.start == m.text.utf8.count)
            } else {
                #expect(d.span.range?.start == m["x"], "\(marked)")
            }
        }
    }

    @Test func duplicatePointerIsTheDuplicatedKey() throws {
        let d = try #require(parseJSON(#"{"k": {"a": 1, "a": 2}}"#).diagnostics.first)
        #expect(d.pointer == "/k/a")
    }

    @Test func nestingLimit() throws {
        var limits = Limits()
        limits.maxDepth = 2
        let m = Marked(#"{"a": {"b": ⟨x⟩[1]}}"#)
        let d = try #require(DocumentParser.parse(SourceFile(path: "t.json", text: m.text), limits: limits).diagnostics.first)
        #expect(d.code == "LC1104")
        #expect(d.span.range?.start == m["x"])
        #expect(d.pointer == "/a/b")
    }
}
