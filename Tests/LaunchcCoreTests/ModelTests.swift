import Testing
@testable import LaunchcCore

@Suite struct ModelTests {
    @Test func equalityIgnoresPositionsAndKeyOrder() {
        let a = Node(.object([Member(key: "x", keyRange: .at(1), value: Node(.integer(1), range: .at(2)))]), range: .at(0))
        let b = Node(.object([Member(key: "x", keyRange: .at(9), value: Node(.number(1.0), range: .at(9)))]), range: .at(9))
        #expect(a == b)
        #expect(Node(.string("1"), range: .at(0)) != Node(.integer(1), range: .at(0)))
        #expect(parseJSON(#"{"a":1,"b":2}"#).root == parseJSON(#"{"b":2,"a":1}"#).root)
    }

    @Test func jsonPointers() throws {
        let root = try #require(parseJSON(#"{"a/b": {"m~n": [10, 20]}, "": 1}"#).root)
        let pointer = JSONPointer(tokens: ["a/b", "m~n", "1"])
        #expect(pointer.description == "/a~1b/m~0n/1")
        #expect(JSONPointer(pointer.description) == pointer)
        #expect(root.resolve(pointer)?.value == .integer(20))
        #expect(root.resolve("/")?.value == .integer(1))
        #expect(root.resolve("/a~1b/m~0n/01") == nil)
        #expect(root.resolve("/a~1b/m~0n/2") == nil)
        #expect(root.resolve(.root) == root)
    }

    @Test func lineTableHandlesEveryLineBreak() {
        let file = SourceFile(path: "t", text: "a\r\nb\rc\nd")
        let converter = SourceLocationConverter(file: file)
        #expect(converter.lineStarts == [0, 3, 5, 7])
        #expect(converter.location(of: 3) == SourceLocation(line: 2, column: 1, offset: 3))
        #expect(converter.location(of: 8) == SourceLocation(line: 4, column: 2, offset: 8))
        #expect(converter.contentRange(ofLine: 0) == 0..<1)
    }

    @Test func canonicalJSON() {
        let root = parseYAML("s: \"q\\\"\\\\\\n\\t\\u0001é\"\nf: [0.1, 1.0, 1e-7, -0.0, 1e300]\ne: {}\nl: []\n").root!
        #expect(CanonicalJSON.string(root, indent: nil) == #"{"s":"q\"\\\n\t\u0001é","f":[0.1,1.0,1e-07,-0.0,1e+300],"e":{},"l":[]}"#)
        #expect(CanonicalJSON.string(root["e"]!) == "{}")
        #expect(CanonicalJSON.string(parseYAML("a: [1]").root!) == "{\n  \"a\": [\n    1\n  ]\n}")
    }

    @Test(arguments: [
        ([0xC0, 0x80], 0), ([0x61, 0xED, 0xA0, 0x80], 1), ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x61, 0x62, 0xE2, 0x82], 2), ([0xE2, 0x28, 0xA1], 0), ([0x80], 0),
        (Array("0123456789abcdef\u{FF}".utf8) + [0xFF], 18),
    ] as [([UInt8], Int)])
    func invalidUTF8IsFoundAtItsFirstByte(_ bytes: [UInt8], _ offset: Int) {
        guard let (found, _) = EncodingCheck.firstProblem(bytes) else { Issue.record("not found"); return }
        #expect(found == offset)
    }

    @Test func validUTF8AndNULs() {
        #expect(EncodingCheck.firstProblem(Array("ascii only, long enough to use words: é 日本 😀 \u{10FFFF}".utf8)) == nil)
        let nul = EncodingCheck.firstProblem(Array("0123456789".utf8) + [0] + Array("abc".utf8))
        #expect(nul?.0 == 10)
    }

    @Test func explainCoversEveryCode() {
        #expect(Set(DiagnosticID.all.map(\.code)).count == DiagnosticID.all.count)
        for id in DiagnosticID.all {
            #expect(id.code.count == 6 && id.code.hasPrefix("LC"))
            #expect(!id.explanation.isEmpty && !id.bad.isEmpty && !id.good.isEmpty)
            #expect(DiagnosticID.lookup(id.code.lowercased()) == id)
            #expect(DiagnosticID.lookup(id.name) == id)
        }
        #expect(Explanation.list().split(separator: "\n").count == DiagnosticID.all.count)
    }

    @Test func excerptsOfLongLinesKeepTheHighlightInView() {
        let line = Array(String(repeating: "x", count: 500).utf8) + Array("TARGET".utf8)
        let excerpt = Excerpt(line: line[...], lineStart: 0, highlight: 500..<506)
        #expect(excerpt.text.hasPrefix("…"))
        #expect(excerpt.text.count <= Excerpt.maxWidth + 2)
        let marked = Array(excerpt.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(marked[excerpt.markerColumn..<(excerpt.markerColumn + 6)])) == "TARGET")
        #expect(excerpt.markerWidth == 6)
    }

    /// Markers line up in a terminal: wide characters take two cells, combining marks none.
    @Test func excerptsAlignByDisplayWidth() {
        let text = "k: 日本語 é́ 🚀 x"
        let line = Array(text.utf8)
        func excerpt(_ word: String) -> Excerpt {
            let start = line.firstRange(of: Array(word.utf8))!.lowerBound
            return Excerpt(line: line[...], lineStart: 0, highlight: start..<(start + word.utf8.count))
        }
        #expect(excerpt("日本語").markerColumn == 3)
        #expect(excerpt("日本語").markerWidth == 6)
        #expect(excerpt("é́").markerColumn == 10)
        #expect(excerpt("é́").markerWidth == 1)
        #expect(excerpt("🚀").markerColumn == 12)
        #expect(excerpt("🚀").markerWidth == 2)
        #expect(excerpt("x").markerColumn == 15)
    }

    @Test func filesOverTheSizeLimitAreRefusedUnread() throws {
        var limits = Limits()
        limits.maxFileBytes = 100
        let report = Checker.check(.file(Package.path("fixtures/valid/scalars.yaml")), options: CheckOptions(limits: limits))
        #expect(report.diagnostics.map(\.code) == ["LC1006"])
        #expect(report.diagnostics.first?.message.hasSuffix("scalars.yaml' is larger than the 100 bytes launchc reads") == true)
        #expect(!report.unreadable)
    }

    @Test func excerptsExpandTabs() {
        let excerpt = Excerpt(line: Array("\tkey: v".utf8)[...], lineStart: 0, highlight: 1..<4)
        #expect(excerpt.text == "    key: v")
        #expect(excerpt.markerColumn == 4)
        #expect(excerpt.markerWidth == 3)
    }
}
