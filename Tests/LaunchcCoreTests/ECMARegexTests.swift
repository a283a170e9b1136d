@testable import LaunchcCore
import Testing

/// launchc's own regular-expression engine, case by case and against Swift's `Regex` on every
/// pattern of every bundled schema.
@Suite struct ECMARegexTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool? {
        try ECMARegex(pattern).matches(text)
    }

    @Test func basics() throws {
        #expect(try matches("b", "abc") == true)  // not anchored
        #expect(try matches("^b", "abc") == false)
        #expect(try matches("c$", "abc") == true)
        #expect(try matches("^a.c$", "a\nc") == false)  // '.' is not a line terminator
        #expect(try matches("^[a-z]{2,3}$", "abcd") == false)
        #expect(try matches("^[a-z]{2,3}$", "abc") == true)
        #expect(try matches("^a{2}$", "aa") == true)
        #expect(try matches("^a{2,}$", "aaaa") == true)
        #expect(try matches("^(ab|cd)+$", "abcdab") == true)
        #expect(try matches("^(ab|cd)+$", "abc") == false)
        #expect(try matches("^(a*)*$", "aaab") == false)  // an empty loop ends
        #expect(try matches("^(a|)*b$", "aab") == true)
        #expect(try matches("^[^a-c]+$", "def") == true)
        #expect(try matches("^[\\d\\-]+$", "12-3") == true)
        #expect(try matches("^[\\w-]+$", "a_b-9") == true)
        #expect(try matches("^\\S+$", "a b") == false)
        #expect(try matches("^\\s$", "\u{00A0}") == true)
        #expect(try matches("\\bfoo\\b", "a foo b") == true)
        #expect(try matches("\\bfoo\\b", "afoob") == false)
        #expect(try matches("^(?=.*\\d)[a-z\\d]+$", "abc1") == true)
        #expect(try matches("^(?!.*\\d)[a-z\\d]+$", "abc1") == false)
        #expect(try matches("^\\u00e9$", "é") == true)
        #expect(try matches("^\\ud83d\\udc32$", "🐲") == true)
        #expect(try matches("^.$", "🐲") == true)  // one scalar
        #expect(try matches("^a{,2}$", "a{,2}") == true)  // not a quantifier: literal (Annex B)
        #expect(try matches("^[]$", "") == false)
        #expect(try matches("^[^]$", "\n") == true)
        #expect(try matches("^a+?b$", "aaab") == true)
        #expect(try matches("^\\d{3}$", "١٢٣") == false)  // ASCII digits only
        #expect(try matches("(?i)^ABC$", "abc") == true)
        #expect(try matches("^[\\p{L}\\p{N}_-]+$", "été_2-ß") == true)
        #expect(try matches("^\\p{Lu}\\P{Lu}$", "Ab") == true)
        #expect(try matches("^\\p{Lu}$", "a") == false)
        #expect(try matches("^[\\p{Z}]$", "\u{3000}") == true)
    }

    @Test func capturesAndAnchoredMatches() throws {
        let regex = try ECMARegex("(?<account>[\\w-]+)\\.dkr\\.ecr\\.(?<region>[\\w-]+)\\.amazonaws\\.com/(?<repository>[\\.\\/\\w-]+):?(?<tag>.*)$")
        let text = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/launch:v1"
        let scalars = Array(text.unicodeScalars.map(\.value))
        guard case .match(let groups) = regex.firstMatch(in: scalars, anchored: true) else {
            Issue.record("no match")
            return
        }
        func group(_ name: String) -> String? {
            guard let number = regex.names[name], let range = groups[number] else { return nil }
            return String(String.UnicodeScalarView(scalars[range].compactMap(Unicode.Scalar.init)))
        }
        #expect(group("account") == "123456789012")
        #expect(group("region") == "us-east-1")
        #expect(group("repository") == "team/launch")
        #expect(group("tag") == "v1")
    }

    @Test func unsupportedAndInvalid() {
        #expect(throws: ECMARegex.Unsupported.self) { try ECMARegex("\\p{Script=Greek}") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("(a") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("a)") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("*a") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("[b-a]") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("a{3,2}") }
    }

    /// A greedy repetition of one character runs as one instruction that gives characters back
    /// one at a time; what it leaves must be what a split per character would leave.
    @Test func greedyOneCharacterRepetitionsGiveBack() throws {
        #expect(try matches("^a*ab$", "aaab") == true)
        #expect(try matches("^a*aab$", "ab") == false)
        #expect(try matches("^[a-z]{2,3}[a-z]$", "abcd") == true)
        #expect(try matches("^[a-z]{2,3}[a-z]$", "abc") == true)
        #expect(try matches("^[a-z]{2,3}[a-z]$", "ab") == false)
        #expect(try matches("^[a-z]{2,3}[a-z]$", "abcde") == false)
        #expect(try matches("^.{0}$", "") == true)
        #expect(try matches("x.*y", "-x-y-\nz") == true)
        #expect(try matches("x.*y", "x\ny") == false)
        #expect(try matches("(?i)^A+b$", "aAaB") == true)
        #expect(try matches("^\\S{1,3}\\S$", "abcd") == true)
        #expect(try matches("^\\S{1,3}\\S$", "abcde") == false)
        let regex = try ECMARegex("^(a*)(a+)$")
        #expect(regex.firstMatch(in: ECMARegex.scalars("aaaa")) == .match([0..<4, 0..<3, 3..<4]))
    }

    /// Backreferences and lookbehind run on this engine too, so that every pattern of a user's
    /// schema has a step budget.
    @Test func backreferencesAndLookbehind() throws {
        #expect(try matches("^(a+)b\\1$", "aabaa") == true)
        #expect(try matches("^(a+)b\\1$", "aaba") == false)
        #expect(try matches("^(?<x>[a-z])\\k<x>$", "bb") == true)
        #expect(try matches("^(?<x>[a-z])\\k<x>$", "bc") == false)
        #expect(try matches("^(?:(a)|b)\\1$", "b") == true)  // a group that took no part matches empty
        #expect(try matches("(?i)^(a)\\1$", "aA") == true)
        #expect(try matches("^\\2(a)(b)$", "ab") == true)  // a forward reference is empty
        #expect(try matches("(?<=\\$)\\d+", "cost $42") == true)
        #expect(try matches("(?<=\\$)\\d+", "cost 42") == false)
        #expect(try matches("(?<!\\$)\\b\\d+", "$42") == false)
        #expect(try matches("(?<!\\$)\\b\\d+", "a 42") == true)
        #expect(try matches("^.*(?<=\\.ya?ml)$", "queue.yml") == true)
        #expect(try matches("^.*(?<=\\.ya?ml)$", "queue.json") == false)
        // ECMA-262 details: a positive lookahead keeps its groups; each iteration of a loop starts
        // with its groups unset; a backreference inside a lookbehind is refused (it would mean
        // something else left to right).
        #expect(try matches("^(?=(a+))\\1b$", "aaab") == true)
        #expect(try matches("^(?:(a)|b)*\\1$", "ab") == true)
        #expect(try matches("^(?:(a)|b)*\\1$", "ba") == false)
        #expect(throws: ECMARegex.Unsupported.self) { try ECMARegex("(?<=\\1(a))b") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("(a)\\2") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("(?<n>a)\\k<m>") }
        // Catastrophic through a backreference too: bounded.
        #expect(try ECMARegex("^(a*)*\\1b$", stepBudget: 100_000).matches(String(repeating: "a", count: 40)) == nil)
    }

    @Test func catastrophicPatternsStopAtTheBudget() throws {
        let regex = try ECMARegex("^(a+)+$", stepBudget: 100_000)
        #expect(regex.matches(String(repeating: "a", count: 40) + "!") == nil)
    }

    /// Every pattern of every bundled schema, on every string of the fixtures and a few more:
    /// the same verdict as Swift's `Regex`.
    @Test func agreesWithSwiftRegexOnTheBundledPatterns() throws {
        var patterns = Set<String>()
        func collect(_ node: Node) {
            switch node.value {
            case .object(let members):
                for member in members {
                    if member.key == "pattern", case .string(let p) = member.value.value { patterns.insert(p) }
                    if member.key == "patternProperties", case .object(let keys) = member.value.value { keys.forEach { patterns.insert($0.key) } }
                    collect(member.value)
                }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        for id in BundledSchemas.ids { if let document = BundledSchemas.document(id: id) { collect(document) } }
        var texts: Set<String> = ["", "a", "A-1", "-", "abc_def", "arn:aws:iam::123456789012:role/SageMaker", "s3://bucket/key/part",
                                  "ml.p3.2xlarge", "日本", "a\nb", " ", String(repeating: "x", count: 300), "123", "a b", "é", "🐲",
                                  "https://example.com/x?y=1", "us-east-1", "projects/p/locations/l", "UPPER", "with.dot", "a/b/c"]
        func strings(_ node: Node) {
            switch node.value {
            case .string(let s): texts.insert(s)
            case .object(let members): members.forEach { texts.insert($0.key); strings($0.value) }
            case .array(let items): items.forEach(strings)
            default: break
            }
        }
        for folder in ["sagemaker", "gcp-vertex", "kubernetes", "agent", "queue", "launch-spec", "valid", "local-container"] {
            for name in Package.fixtures(in: folder) {
                if let source = try? Package.source("fixtures/\(folder)/\(name)") {
                    DocumentParser.parse(source).documents.forEach { strings($0.root) }
                }
            }
        }
        var disagreements: [String] = []
        for pattern in patterns.sorted() {
            guard let ours = try? ECMARegex(pattern) else {
                Issue.record("/\(pattern)/ is left to Swift's Regex")
                continue
            }
            let swift = try Regex(pattern).matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
            for text in texts where ours.matches(text) != ((try? swift.firstMatch(in: text)) != nil) {
                disagreements.append("/\(pattern)/ on \(text.debugDescription)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
}

extension ECMARegexTests {
    /// Malformed or oversized patterns are refused, never a crash or a silent misreading.
    @Test func malformedAndOversizedPatterns() {
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("[a-\\") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("\\") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("{3,2}y") }
        #expect(throws: ECMARegex.SyntaxError.self) { try ECMARegex("{2}") }
        #expect(throws: ECMARegex.Unsupported.self) { try ECMARegex("(?:(?:(?:a{100}){100}){100}){100}") }
        #expect((try? ECMARegex("^{a}$"))?.matches("{a}") == true)
    }
}
