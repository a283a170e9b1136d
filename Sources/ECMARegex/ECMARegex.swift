/// A small backtracking matcher for the ECMA-262 regular expressions that JSON Schema's
/// `pattern` and configuration checks use: literals, `.`, classes with ranges and `\d \w \s`
/// (ASCII `\d \w`, ECMA's white space), anchors, `\b`, groups (capturing, named,
/// non-capturing), backreferences, lookahead and lookbehind, alternation, and greedy or lazy
/// quantifiers; a leading `(?i)`
/// folds ASCII case (of literals and ranges). It matches on Unicode scalars. With `python`, `\w` and `$` mean what they
/// mean in Python's `re` (any Unicode letter or digit; the end, or before a final newline), for
/// the patterns launchc copies from the W&B agent.
///
/// Parsing a pattern costs microseconds where Swift's `Regex` costs milliseconds, which
/// matters when a check uses a handful of a schema's hundreds of patterns once each.
///
/// `\p{…}` and `\P{…}` are ECMA-262's Unicode property escapes (of `u` mode), in full: a
/// General_Category value by any name or alias PropertyValueAliases.txt gives it (`L`, `Letter`,
/// `LC`, `Cased_Letter`, `digit`, ...), alone or as `General_Category=`/`gc=`; `Script=`/`sc=` and
/// `Script_Extensions=`/`scx=` with a script's long or short name; and every binary property of
/// ECMA-262's table (`ASCII`, `Alphabetic`/`Alpha`, `Any`, ..., `XID_Start`/`XIDS`). Names are
/// exact (no loose matching): any other name, or a property without its value, is a
/// `SyntaxError`, and so is a property escape at either end of a class range. Swift's
/// `Unicode.Scalar.Properties` answers the general category and most binary properties; the rest
/// (scripts, Emoji_Component, Extended_Pictographic, Regional_Indicator, case folding) come from
/// `UnicodeTables`, generated for the same Unicode version. Under `(?i)` a property escape
/// matches as ECMA-262's `/iu` says: a character matches when some character that simple case
/// folding makes equal to it is in the set (so `\p{Lu}` matches `a`, and `\P{Lu}` matches `A`).
///
/// `\u{…}` and `\cX` are read as in `u` mode. What it does not implement (other inline flags,
/// legacy octal escapes) throws `ECMARegex.Unsupported`: a user's schema is then refused, and a
/// bundled schema's pattern falls back to Swift's `Regex` (see `SchemaPattern`).
/// A class, so that handing a compiled pattern around costs one reference count.
public final class ECMARegex: Sendable {
    /// A construct this engine leaves to Swift's `Regex`.
    public struct Unsupported: Error {}
    /// Not a regular expression at all.
    public struct SyntaxError: Error {}

    let program: [Instruction]
    let sets: [CharacterSet]
    let lookarounds: [[Instruction]]
    let registers: Int
    /// Capture groups, not counting the whole match.
    public let captureCount: Int
    /// Named groups and their numbers.
    public let names: [String: Int]
    let anchoredAtStart: Bool
    let ignoreCase: Bool
    let python: Bool
    /// Instructions one match may run before giving up (`nil` then), against catastrophic backtracking.
    public let stepBudget: Int

    public init(_ pattern: String, python: Bool = false, stepBudget: Int = 5_000_000) throws {
        self.stepBudget = stepBudget
        var parser = Parser(Array(pattern.unicodeScalars.map(\.value)), python: python)
        let tree = try parser.parse()
        var compiler = Compiler(ignoreCase: parser.ignoreCase)
        compiler.emit(tree)
        compiler.program += [.save(1), .match]
        guard compiler.program.count + compiler.lookarounds.reduce(0, { $0 + $1.count }) <= 50_000 else { throw Unsupported() }
        program = compiler.program
        sets = compiler.sets
        lookarounds = compiler.lookarounds
        registers = compiler.registers
        captureCount = parser.captures
        names = parser.names
        ignoreCase = parser.ignoreCase
        self.python = python
        if case .concat(let items) = tree, case .start? = items.first { anchoredAtStart = true } else if case .start = tree { anchoredAtStart = true } else { anchoredAtStart = false }
    }

    public enum Outcome: Equatable, Sendable {
        /// The capture groups' ranges in scalar offsets, `[0]` the whole match.
        case match([Range<Int>?])
        case noMatch
        /// The step budget ran out.
        case tooCostly
    }

    /// Whether the pattern matches somewhere in the text (nil: the step budget ran out).
    /// - Parameter stepBudget: instructions this match may run (the regex's own budget by default).
    public func matches(_ text: String, stepBudget: Int? = nil) -> Bool? {
        var scratch = Scratch(self)
        return search(Self.scalars(text), anchored: false, budget: stepBudget ?? self.stepBudget, scratch: &scratch)
    }

    /// The text's Unicode scalar values; ASCII text (the usual case) is widened byte by byte.
    public static func scalars(_ text: String) -> [UInt32] {
        let utf8 = text.utf8
        if let ascii = utf8.withContiguousStorageIfAvailable({ bytes -> [UInt32]? in
            var isASCII = true
            for byte in bytes where byte >= 0x80 { isASCII = false; break }
            guard isASCII else { return nil }
            return [UInt32](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for (i, byte) in bytes.enumerated() { buffer[i] = UInt32(byte) }
                count = bytes.count
            }
        }), let ascii {
            return ascii
        }
        return text.unicodeScalars.map(\.value)
    }

    /// The first match, trying each start in turn (only the first when `anchored`, as Python's `re.match`).
    public func firstMatch(in input: [UInt32], anchored: Bool = false) -> Outcome {
        var scratch = Scratch(self)
        switch search(input, anchored: anchored, budget: stepBudget, scratch: &scratch) {
        case nil: return .tooCostly
        case false?: return .noMatch
        case true?:
            let slots = scratch.slots
            return .match((0...captureCount).map { i in slots[2 * i] >= 0 && slots[2 * i + 1] >= 0 ? slots[2 * i]..<slots[2 * i + 1] : nil })
        }
    }

    /// What one search writes, allocated once for all its start positions and its lookaheads:
    /// backtracking undoes every save, so the slots are all -1 again after a failed start and the
    /// stack is empty; a loop's register is always marked before it is read.
    struct Scratch {
        var slots: [Int]
        var registers: [Int]
        var stack: [Frame] = []
        /// Where each lookbehind being tried must end, innermost last.
        var ends: [Int] = []

        init(_ regex: ECMARegex) {
            slots = [Int](repeating: -1, count: (regex.captureCount + 1) * 2)
            registers = [Int](repeating: -1, count: regex.registers)
            stack.reserveCapacity(64)
        }
    }

    /// Whether the program matches from some start (nil: the step budget ran out); on a match,
    /// `scratch.slots` holds the groups, with the whole match's start in slot 0.
    func search(_ input: [UInt32], anchored: Bool, budget: Int, scratch: inout Scratch) -> Bool? {
        // Steps count down from the budget.
        var steps = budget
        let last = anchored || anchoredAtStart ? 0 : input.count
        var start = 0
        while start <= last {
            switch run(program, input, at: start, scratch: &scratch, steps: &steps) {
            case nil: return nil
            case true?:
                scratch.slots[0] = start
                return true
            case false?: start += 1
            }
        }
        return false
    }

}
