internal import ECMARegex

/// `pattern` and `patternProperties` regular expressions, compiled once, with the schema set.
///
/// JSON Schema patterns are ECMA-262 regular expressions, matched on Unicode scalars and not
/// anchored. launchc runs them with its own small engine (`ECMARegex`), which parses a pattern
/// in microseconds and gives each match a step budget (`--limit pattern-steps`). What that
/// engine leaves out (legacy octal escapes, inline flags other than a leading `(?i)`, a
/// backreference inside a lookbehind) makes a user's schema fail to compile: a pattern launchc
/// cannot stop is a pattern it does not run. The bundled schemas'
/// patterns may also fall back to Swift's `Regex` (tests compile and run every one of them).
///
/// The bundled schemas' patterns are compiled on their first match; a user's are compiled with
/// their schema, so that a bad one is reported then.
final class SchemaPattern: @unchecked Sendable {
    let source: String
    private enum Engine {
        case own(ECMARegex)
        case swift(Regex<AnyRegexOutput>)
        case invalid
    }
    // `Regex` is not declared Sendable; a compiled one is never mutated, each match runs on its
    // own state, and `engine` is only written under `lock`, once.
    private var engine: Engine?
    private let lock = Lock()

    /// Whether every match has a step budget: only `ECMARegex` then, never Swift's `Regex`,
    /// which cannot be stopped. So for a user's schema; the bundled ones are trusted.
    private let bounded: Bool

    /// A bundled schema's pattern, compiled on first use.
    init(lazy source: String) {
        self.source = source
        bounded = false
    }

    /// A user's pattern, compiled now; nil when launchc cannot run it within a step budget.
    init?(_ source: String) {
        self.source = source
        bounded = true
        if case .invalid = compiled() { return nil }
    }

    private func compiled() -> Engine {
        lock.withLock { compiledLocked() }
    }

    private func compiledLocked() -> Engine {
        if let engine { return engine }
        let made: Engine
        if let own = try? ECMARegex(source) {
            made = .own(own)
        } else if !bounded, let regex = try? Regex(source) {
            made = .swift(regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters())
        } else {
            made = .invalid
        }
        engine = made
        return made
    }

    enum Outcome {
        case match, noMatch
        /// The match ran past its step budget: not decided.
        case tooCostly
    }

    /// Whether the text matches somewhere, within `steps` steps of `ECMARegex`. A pattern that cannot be compiled matches
    /// everything (it was reported when its schema was compiled, or it is a bundled one, which
    /// tests compile).
    func match(_ text: String, steps: Int) -> Outcome {
        switch compiled() {
        case .own(let regex):
            guard let found = regex.matches(text, stepBudget: steps) else { return .tooCostly }
            return found ? .match : .noMatch
        case .swift(let regex): return (try? regex.firstMatch(in: text)) != nil ? .match : .noMatch
        case .invalid: return .match
        }
    }

    /// `match` with the default budget, undecided counted as a match (for the bundled schemas,
    /// whose patterns are simple).
    func matches(_ text: String) -> Bool {
        match(text, steps: Limits.default.maxPatternSteps) != .noMatch
    }
}
