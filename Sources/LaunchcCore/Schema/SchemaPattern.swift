/// `pattern` and `patternProperties` regular expressions, compiled once, with the schema set.
///
/// JSON Schema patterns are ECMA-262 regular expressions, matched on Unicode scalars and not
/// anchored. launchc runs them with its own small engine (`ECMARegex`), which parses a pattern
/// in microseconds. A pattern using what that engine leaves out (backreferences, lookbehind,
/// scripts in `\p{…}`) runs on Swift's `Regex`, with matching on Unicode scalars and ASCII-only `\d` and
/// `\w`; constructs neither parses (`\cX`, say) make the schema fail to compile rather than
/// match wrongly.
///
/// The bundled schemas' patterns (tested to compile) are compiled on their first match; a
/// user's are compiled with their schema, so that a bad one is reported then.
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

    /// A pattern compiled on first use.
    init(lazy source: String) {
        self.source = source
    }

    /// A pattern compiled now; nil when launchc cannot run it.
    convenience init?(_ source: String) {
        self.init(lazy: source)
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
        } else if let regex = try? Regex(source) {
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
