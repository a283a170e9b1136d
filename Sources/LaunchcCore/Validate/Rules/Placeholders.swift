/// Values still as a documentation example wrote them: `<queue-name>`, `<your-region>`,
/// `s3://your-bucket/launch`, `YOUR_PROJECT_ID`, `<REQUIRED>`. The agent and the cloud APIs take
/// them as written, so each is an error (LC1107) naming the value to fill in; a schema finding at
/// the same value (a pattern it cannot match, a URI of no known form) says the same thing and is
/// dropped.
enum Placeholders {
    static func check(_ root: Node, file: SourceFile, schemaFindings: [Diagnostic]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var stack: [(node: Node, tokens: [String])] = [(root, [])]
        while let (node, tokens) = stack.popLast() {
            switch node.value {
            case .object(let members):
                // Prose may show a placeholder as an example of what to write.
                for member in members.reversed() where member.key != "description" { stack.append((member.value, tokens + [member.key])) }
            case .array(let items):
                for (index, item) in items.enumerated().reversed() { stack.append((item, tokens + [String(index)])) }
            case .string(let text):
                guard let placeholder = placeholder(in: text) else { continue }
                found.append(Diagnostic(
                    .placeholderValue, "'\(placeholder)' is a placeholder from an example, not a value; the agent would use it as written",
                    at: SourceSpan(file: file, range: node.range), pointer: JSONPointer(tokens: tokens),
                    fixIts: [FixIt(help(placeholder, key: tokens.last { JSONPointer.arrayIndex($0) == nil }))]))
            default:
                continue
            }
        }
        // Whatever else is said about a placeholder (a pattern it cannot match, a URI of no
        // known form) follows from it: the value is reported once.
        let places = found.compactMap(\.span.range)
        return schemaFindings.filter { finding in !places.contains { $0 == finding.span.range } } + found
    }

    /// The placeholder in `text`, if any: an `<…>` of letters, digits, spaces, `-`, `_` and `.`
    /// that starts with a letter, or a word starting `your-`/`your_` (any case).
    static func placeholder(in text: String) -> Substring? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "y") || $0 == UInt8(ascii: "Y") }) else { return nil }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var previous: Unicode.Scalar?
        while index < scalars.endIndex {
            let c = scalars[index]
            if c == "<" {
                var end = scalars.index(after: index)
                if end < scalars.endIndex, scalars[end].properties.isAlphabetic, scalars[end].isASCII {
                    while end < scalars.endIndex, isPlaceholderCharacter(scalars[end]) { end = scalars.index(after: end) }
                    // Two characters at least: `a<b>c` is not an example's placeholder.
                    if end < scalars.endIndex, scalars[end] == ">", scalars.distance(from: index, to: end) > 2 {
                        return Substring(scalars[index...end])
                    }
                }
            } else if c == "y" || c == "Y", !(previous.map(isWordCharacter) ?? false), hasYourPrefix(scalars[index...]) {
                var end = scalars.index(index, offsetBy: 5)
                if end < scalars.endIndex, isWordCharacter(scalars[end]) {
                    while end < scalars.endIndex, isWordCharacter(scalars[end]) || scalars[end] == "-" || scalars[end] == "_" { end = scalars.index(after: end) }
                    return Substring(scalars[index..<end])
                }
            }
            previous = c
            index = scalars.index(after: index)
        }
        return nil
    }

    /// What to fill in: the placeholder's own words where they say it (`<queue-name>`: "the real
    /// queue name"), else the key's name (`<REQUIRED>` at `staging_bucket`).
    static func help(_ placeholder: Substring, key: String?) -> String {
        let words = name(of: placeholder)
        let generic: Set<String> = ["", "required", "value", "todo", "fill in", "fill me in", "replace me", "changeme", "string"]
        let place = key.map { " for '\($0)'" } ?? ""
        return generic.contains(words) ? "replace it with the real value\(place)" : "replace it with the real \(words)\(place)"
    }

    /// "queue name" for `<queue-name>`, "region" for `<your-region>`, "project id" for `YOUR_PROJECT_ID`.
    static func name(of placeholder: Substring) -> String {
        var inner = placeholder
        if inner.hasPrefix("<") && inner.hasSuffix(">") { inner = inner.dropFirst().dropLast() }
        if inner.lowercased().hasPrefix("your-") || inner.lowercased().hasPrefix("your_") { inner = inner.dropFirst(5) }
        let words = inner.split { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." }
        return words.map { $0.lowercased() }.joined(separator: " ")
    }

    /// Whether the text starts `your-` or `your_`, in any case, compared in place.
    private static func hasYourPrefix(_ rest: Substring.UnicodeScalarView) -> Bool {
        var i = rest.startIndex
        for expected in "your".unicodeScalars {
            // ASCII letters compare case-blind with their 0x20 bit set.
            guard i < rest.endIndex, rest[i].value | 0x20 == expected.value else { return false }
            i = rest.index(after: i)
        }
        return i < rest.endIndex && (rest[i] == "-" || rest[i] == "_")
    }

    private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))
    }

    private static func isPlaceholderCharacter(_ c: Unicode.Scalar) -> Bool {
        isWordCharacter(c) || c == "-" || c == "_" || c == " " || c == "."
    }
}
