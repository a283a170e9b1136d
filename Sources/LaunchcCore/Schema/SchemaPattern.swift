/// `pattern` and `patternProperties` regular expressions, compiled once, with the schema set.
///
/// JSON Schema patterns are ECMA-262 regular expressions. Swift's `Regex`, with matching on
/// Unicode scalars (not grapheme clusters) and ASCII-only `\d` and `\w`, agrees with ECMA-262
/// on the syntax configuration uses; constructs it does not parse (`[^]`, `\cX`) make the
/// schema fail to compile rather than match wrongly. Patterns are not anchored.
struct SchemaPattern: @unchecked Sendable {
    // `Regex` is not declared Sendable; a compiled one is never mutated, and each match runs
    // on its own state.
    let regex: Regex<AnyRegexOutput>

    init?(_ pattern: String) {
        guard let regex = try? Regex(pattern) else { return nil }
        self.regex = regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
    }

    func matches(_ text: String) -> Bool { (try? regex.firstMatch(in: text)) != nil }
}
