#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// `pattern` and `patternProperties` regular expressions, compiled once, with the schema set.
///
/// JSON Schema patterns are ECMA-262 regular expressions. Swift's `Regex`, with matching on
/// Unicode scalars (not grapheme clusters) and ASCII-only `\d` and `\w`, agrees with ECMA-262
/// on the syntax configuration uses; constructs it does not parse (`[^]`, `\cX`) make the
/// schema fail to compile rather than match wrongly. Patterns are not anchored.
///
/// Parsing a pattern costs far more than most checks use it, so the bundled schemas' patterns
/// (tested to compile) are parsed on their first match; a user's are parsed when their schema
/// is compiled, so that a bad one is reported then.
final class SchemaPattern: @unchecked Sendable {
    let source: String
    // `Regex` is not declared Sendable; a compiled one is never mutated, each match runs on its
    // own state, and `compiled` is only written under `lock`, once.
    private var compiled: Regex<AnyRegexOutput>?
    private let lock: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)

    /// A pattern parsed on first use.
    init(lazy source: String) {
        self.source = source
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    /// A pattern parsed now; nil when launchc cannot run it.
    convenience init?(_ source: String) {
        self.init(lazy: source)
        guard regex() != nil else { return nil }
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    private func regex() -> Regex<AnyRegexOutput>? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if compiled == nil, let regex = try? Regex(source) {
            compiled = regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
        }
        return compiled
    }

    /// Whether the text matches somewhere; a pattern that cannot be parsed matches everything
    /// (it was reported when its schema was compiled, or it is a bundled one, which tests parse).
    func matches(_ text: String) -> Bool {
        guard let regex = regex() else { return true }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
