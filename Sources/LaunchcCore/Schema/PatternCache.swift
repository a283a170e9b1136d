/// `pattern` and `patternProperties` regular expressions, compiled once per validator.
///
/// JSON Schema patterns are ECMA-262 regular expressions. Swift's `Regex`, with matching on
/// Unicode scalars (not grapheme clusters) and ASCII-only `\d` and `\w`, agrees with ECMA-262
/// on the syntax configuration uses; constructs it does not parse (`[^]`, `\cX`) make the
/// schema fail to compile rather than match wrongly. Patterns are not anchored.
final class PatternCache {
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    static func compile(_ pattern: String) -> Regex<AnyRegexOutput>? {
        guard let regex = try? Regex(pattern) else { return nil }
        return regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
    }

    func matches(_ pattern: String, _ text: String) -> Bool {
        let regex: Regex<AnyRegexOutput>
        if let cached = compiled[pattern] {
            regex = cached
        } else {
            guard let made = Self.compile(pattern) else { return true }
            compiled[pattern] = made
            regex = made
        }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
