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
final class ECMARegex: Sendable {
    /// A construct this engine leaves to Swift's `Regex`.
    struct Unsupported: Error {}
    /// Not a regular expression at all.
    struct SyntaxError: Error {}

    private let program: [Instruction]
    private let sets: [CharacterSet]
    private let lookarounds: [[Instruction]]
    private let registers: Int
    /// Capture groups, not counting the whole match.
    let captureCount: Int
    /// Named groups and their numbers.
    let names: [String: Int]
    private let anchoredAtStart: Bool
    private let ignoreCase: Bool
    private let python: Bool
    /// Instructions one match may run before giving up (`nil` then), against catastrophic backtracking.
    let stepBudget: Int

    init(_ pattern: String, python: Bool = false, stepBudget: Int = 5_000_000) throws {
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

    enum Outcome: Equatable {
        /// The capture groups' ranges in scalar offsets, `[0]` the whole match.
        case match([Range<Int>?])
        case noMatch
        /// The step budget ran out.
        case tooCostly
    }

    /// Whether the pattern matches somewhere in the text (nil: the step budget ran out).
    /// - Parameter stepBudget: instructions this match may run (the regex's own budget by default).
    func matches(_ text: String, stepBudget: Int? = nil) -> Bool? {
        var scratch = Scratch(self)
        return search(Self.scalars(text), anchored: false, budget: stepBudget ?? self.stepBudget, scratch: &scratch)
    }

    /// The text's Unicode scalar values; ASCII text (the usual case) is widened byte by byte.
    static func scalars(_ text: String) -> [UInt32] {
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
    func firstMatch(in input: [UInt32], anchored: Bool = false) -> Outcome {
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
    private struct Scratch {
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
    private func search(_ input: [UInt32], anchored: Bool, budget: Int, scratch: inout Scratch) -> Bool? {
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

    // MARK: The machine

    enum Instruction: Sendable {
        case char(UInt32)
        case any
        case set(Int)
        /// A greedy repetition of one character matcher (`.*`, `[a-z]{1,64}`): takes as many as
        /// it can, up to `max`, in one step, and gives them back one at a time on backtracking.
        case repeated(Atom, min: Int, max: Int)
        /// Try the first target, then (on failure) the second.
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case start, end
        case boundary(Bool)
        /// Lookahead (or lookbehind): a sub-program, negated or not.
        case look(Int, negate: Bool, behind: Bool)
        /// In a lookbehind's sub-program: succeeds only where the lookbehind started.
        case endsHere
        /// Unsets the capture slots from the first to the last (inclusive), undone on backtracking.
        case clear(Int, Int)
        case backreference(Int)
        /// Loop guards: remember the position, and fail an iteration that consumed nothing.
        case mark(Int)
        case progress(Int)
        case match
    }

    /// What matches one character.
    enum Atom: Sendable {
        case char(UInt32)
        case any
        case set(Int)
    }

    private enum Frame {
        case branch(pc: Int, position: Int)
        /// A `repeated` that may give back characters: resume at `pc` from `next`, then
        /// `next - 1`, ... down to `low`.
        case retreat(pc: Int, low: Int, next: Int)
        case restoreSlot(Int, Int)
        case restoreRegister(Int, Int)
    }

    /// Runs `program` from `start`. The stack is left as it was found (empty at the top level),
    /// so a lookahead runs on the same scratch above its caller's frames.
    private func run(_ program: [Instruction], _ input: [UInt32], at start: Int, scratch: inout Scratch, steps: inout Int) -> Bool? {
        let base = scratch.stack.count
        defer { scratch.stack.removeSubrange(base...) }
        var pc = 0
        var position = start
        while true {
            steps -= 1
            if steps < 0 { return nil }
            var failed = false
            switch program[pc] {
            case .char(let c):
                if position < input.count && fold(input[position]) == c { position += 1; pc += 1 } else { failed = true }
            case .any:
                if position < input.count && !Self.isLineTerminator(input[position]) { position += 1; pc += 1 } else { failed = true }
            case .set(let index):
                if position < input.count && sets[index].contains(input[position]) { position += 1; pc += 1 } else { failed = true }
            case .repeated(let atom, let min, let max):
                let from = position
                let limit = input.count - from < max ? input.count : from + max
                while position < limit && matches(atom, input[position]) { position += 1 }
                steps -= position - from
                if position - from < min {
                    failed = true
                } else {
                    if position - from > min { scratch.stack.append(.retreat(pc: pc + 1, low: from + min, next: position - 1)) }
                    pc += 1
                }
            case .split(let first, let second):
                scratch.stack.append(.branch(pc: second, position: position))
                pc = first
            case .jump(let target):
                pc = target
            case .save(let slot):
                if slot < scratch.slots.count {
                    scratch.stack.append(.restoreSlot(slot, scratch.slots[slot]))
                    scratch.slots[slot] = position
                }
                pc += 1
            case .start:
                if position == 0 { pc += 1 } else { failed = true }
            case .end:
                if position == input.count || (python && position == input.count - 1 && input[position] == 0x0A) { pc += 1 } else { failed = true }
            case .boundary(let wanted):
                let before = position > 0 && Self.isWord(input[position - 1])
                let after = position < input.count && Self.isWord(input[position])
                if (before != after) == wanted { pc += 1 } else { failed = true }
            case .look(let index, let negate, let behind):
                // Groups inside a lookaround are not kept.
                let slots = scratch.slots
                var outcome: Bool? = false
                if behind {
                    // Some start at or before here from which the sub-pattern ends exactly here.
                    scratch.ends.append(position)
                    var from = position
                    while from >= 0 {
                        outcome = run(lookarounds[index], input, at: from, scratch: &scratch, steps: &steps)
                        if outcome != false { break }
                        from -= 1
                    }
                    scratch.ends.removeLast()
                } else {
                    outcome = run(lookarounds[index], input, at: position, scratch: &scratch, steps: &steps)
                }
                guard let found = outcome else { return nil }
                if found && !negate && !behind {
                    // A positive lookahead's groups are kept (as ECMA-262 says), and undone on
                    // backtracking like any other save.
                    for slot in scratch.slots.indices where scratch.slots[slot] != slots[slot] {
                        scratch.stack.append(.restoreSlot(slot, slots[slot]))
                    }
                } else {
                    scratch.slots = slots
                }
                if found != negate { pc += 1 } else { failed = true }
            case .endsHere:
                if position == scratch.ends.last { pc += 1 } else { failed = true }
            case .clear(let first, let last):
                for slot in first...min(last, scratch.slots.count - 1) where scratch.slots[slot] >= 0 {
                    scratch.stack.append(.restoreSlot(slot, scratch.slots[slot]))
                    scratch.slots[slot] = -1
                }
                pc += 1
            case .backreference(let group):
                let (from, to) = (scratch.slots[2 * group], scratch.slots[2 * group + 1])
                // The comparison is charged whether or not it matches.
                if from >= 0 && to >= 0 { steps -= to - from }
                if from < 0 || to < 0 {
                    pc += 1  // a group that took part in no match matches the empty string
                } else if position + (to - from) <= input.count,
                          (0..<(to - from)).allSatisfy({ fold(input[from + $0]) == fold(input[position + $0]) }) {
                    position += to - from
                    pc += 1
                } else {
                    failed = true
                }
            case .mark(let register):
                scratch.stack.append(.restoreRegister(register, scratch.registers[register]))
                scratch.registers[register] = position
                pc += 1
            case .progress(let register):
                if scratch.registers[register] != position { pc += 1 } else { failed = true }
            case .match:
                return true
            }
            guard failed else { continue }
            // Back to the last choice, undoing what was recorded since.
            var resumed = false
            while scratch.stack.count > base {
                switch scratch.stack.removeLast() {
                case .restoreSlot(let slot, let old): scratch.slots[slot] = old
                case .restoreRegister(let register, let old): scratch.registers[register] = old
                case .branch(let target, let at):
                    pc = target
                    position = at
                    resumed = true
                case .retreat(let target, let low, let next):
                    if next > low { scratch.stack.append(.retreat(pc: target, low: low, next: next - 1)) }
                    pc = target
                    position = next
                    resumed = true
                }
                if resumed { break }
            }
            if !resumed { return false }
        }
    }

    private func fold(_ c: UInt32) -> UInt32 { ignoreCase ? Self.lower(c) : c }

    private func matches(_ atom: Atom, _ c: UInt32) -> Bool {
        switch atom {
        case .char(let expected): return fold(c) == expected
        case .any: return !Self.isLineTerminator(c)
        case .set(let index): return sets[index].contains(c)
        }
    }

    static func lower(_ c: UInt32) -> UInt32 { (0x41...0x5A).contains(c) ? c + 0x20 : c }
    static func isWord(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F }
    static func isLineTerminator(_ c: UInt32) -> Bool { c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 }

    // MARK: Character classes

    struct CharacterSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        /// Classes whose complement is in the set (`\D`, `\W`, `\S` inside brackets).
        var complements: [[ClosedRange<UInt32>]] = []
        var negated = false
        var ignoreCase = false
        /// `\w` as Python reads it: non-ASCII letters and digits too.
        var unicodeWord = false
        /// `\p{…}` (and, negated, `\P{…}`) property escapes.
        var properties: [(property: Property, negated: Bool)] = []

        /// Membership of the ASCII scalars, bit c of (low, high), filled by `sealed()`.
        var asciiLow: UInt64 = 0
        var asciiHigh: UInt64 = 0

        /// The set with its ASCII membership precomputed, as the machine uses it.
        func sealed() -> CharacterSet {
            var copy = self
            for c in UInt32(0)..<128 where computedContains(c) {
                if c < 64 { copy.asciiLow |= 1 << UInt64(c) } else { copy.asciiHigh |= 1 << UInt64(c - 64) }
            }
            return copy
        }

        func contains(_ c: UInt32) -> Bool {
            if c < 64 { return asciiLow >> UInt64(c) & 1 != 0 }
            if c < 128 { return asciiHigh >> UInt64(c - 64) & 1 != 0 }
            return computedContains(c)
        }

        private func computedContains(_ c: UInt32) -> Bool {
            var found = has(c)
            if !found && ignoreCase {
                if (0x41...0x5A).contains(c) { found = has(c + 0x20) } else if (0x61...0x7A).contains(c) { found = has(c - 0x20) }
                // A property escape under /iu (ECMA-262's CharacterSetMatcher): the character
                // matches when any character that folds to the same one has the property. `\P{…}`
                // is the complement before folding, so `(?i)\P{Lu}` matches `A` (through `a`).
                if !found && !properties.isEmpty {
                    var other = UnicodeTables.nextInCaseOrbit(c)
                    while other != c && !found {
                        found = hasProperty(other)
                        other = UnicodeTables.nextInCaseOrbit(other)
                    }
                }
            }
            return found != negated
        }

        private func has(_ c: UInt32) -> Bool {
            ranges.contains { $0.contains(c) } || complements.contains { class_ in !class_.contains { $0.contains(c) } }
                || (unicodeWord && c >= 0x80 && Self.isUnicodeWord(c))
                || (!properties.isEmpty && hasProperty(c))
        }

        private func hasProperty(_ c: UInt32) -> Bool {
            properties.contains { $0.property.contains(c) != $0.negated }
        }

        /// The general category of a scalar, as its index in `categoryNames`.
        static func category(_ c: UInt32) -> Int {
            guard let scalar = Unicode.Scalar(c) else { return 27 }  // Cs
            switch scalar.properties.generalCategory {
            case .uppercaseLetter: return 0
            case .lowercaseLetter: return 1
            case .titlecaseLetter: return 2
            case .modifierLetter: return 3
            case .otherLetter: return 4
            case .nonspacingMark: return 5
            case .spacingMark: return 6
            case .enclosingMark: return 7
            case .decimalNumber: return 8
            case .letterNumber: return 9
            case .otherNumber: return 10
            case .connectorPunctuation: return 11
            case .dashPunctuation: return 12
            case .openPunctuation: return 13
            case .closePunctuation: return 14
            case .initialPunctuation: return 15
            case .finalPunctuation: return 16
            case .otherPunctuation: return 17
            case .mathSymbol: return 18
            case .currencySymbol: return 19
            case .modifierSymbol: return 20
            case .otherSymbol: return 21
            case .spaceSeparator: return 22
            case .lineSeparator: return 23
            case .paragraphSeparator: return 24
            case .control: return 25
            case .format: return 26
            case .surrogate: return 27
            case .privateUse: return 28
            case .unassigned: return 29
            @unknown default: return 29
            }
        }

        /// The general categories' short names, in the order of `category(_:)`'s indexes.
        static let categoryNames: [String] = [
            "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
            "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn",
        ]

        static func isUnicodeWord(_ c: UInt32) -> Bool {
            guard let scalar = Unicode.Scalar(c) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return scalar.properties.numericType != nil
            }
        }

        static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
        static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        static let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                                   0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF]
    }

    // MARK: Unicode properties

    /// What one `\p{…}` stands for (`\P{…}` is its complement).
    enum Property: Sendable, Equatable {
        /// General_Category values, as a bit set of `CharacterSet.categoryNames`' indexes.
        case categories(UInt32)
        /// Script, and Script_Extensions, equal to or containing a script (an index of `UnicodeTables.scriptNames`).
        case script(UInt8)
        case scriptExtensions(UInt8)
        case binary(BinaryProperty)

        func contains(_ c: UInt32) -> Bool {
            switch self {
            case .categories(let bits): return bits & (1 << CharacterSet.category(c)) != 0
            case .script(let script): return UnicodeTables.script(of: c) == script
            case .scriptExtensions(let script): return UnicodeTables.scriptExtensions(of: c, contain: script)
            case .binary(let property): return property.contains(c)
            }
        }

        /// The property of `\p{name}` or `\p{name=value}`, nil when ECMA-262 has no such one: a
        /// lone name is a General_Category value or a binary property; `name=value` is one of
        /// General_Category, Script or Script_Extensions (or gc, sc, scx) with one of its values.
        /// Names are matched exactly, as ECMA-262 says (no loose matching of case, spaces or `-`).
        static func named(_ name: String, value: String?) -> Property? {
            guard let value else {
                if let bits = generalCategories[name] { return .categories(bits) }
                return BinaryProperty.named[name].map { .binary($0) }
            }
            switch name {
            case "General_Category", "gc": return generalCategories[value].map { .categories($0) }
            case "Script", "sc": return UnicodeTables.scriptIndexes[value].map { .script($0) }
            case "Script_Extensions", "scx": return UnicodeTables.scriptIndexes[value].map { .scriptExtensions($0) }
            default: return nil
            }
        }

        /// Every General_Category value by each name PropertyValueAliases.txt gives it (short,
        /// long, other aliases), as ECMA-262 takes them; a group (C, L, LC, M, N, P, S, Z) is the
        /// union of its members.
        static let generalCategories: [String: UInt32] = {
            let values: [(names: [String], members: [String])] = [
                (["C", "Other"], ["Cc", "Cf", "Cn", "Co", "Cs"]),
                (["Cc", "Control", "cntrl"], ["Cc"]),
                (["Cf", "Format"], ["Cf"]),
                (["Cn", "Unassigned"], ["Cn"]),
                (["Co", "Private_Use"], ["Co"]),
                (["Cs", "Surrogate"], ["Cs"]),
                (["L", "Letter"], ["Ll", "Lm", "Lo", "Lt", "Lu"]),
                (["LC", "Cased_Letter"], ["Ll", "Lt", "Lu"]),
                (["Ll", "Lowercase_Letter"], ["Ll"]),
                (["Lm", "Modifier_Letter"], ["Lm"]),
                (["Lo", "Other_Letter"], ["Lo"]),
                (["Lt", "Titlecase_Letter"], ["Lt"]),
                (["Lu", "Uppercase_Letter"], ["Lu"]),
                (["M", "Mark", "Combining_Mark"], ["Mc", "Me", "Mn"]),
                (["Mc", "Spacing_Mark"], ["Mc"]),
                (["Me", "Enclosing_Mark"], ["Me"]),
                (["Mn", "Nonspacing_Mark"], ["Mn"]),
                (["N", "Number"], ["Nd", "Nl", "No"]),
                (["Nd", "Decimal_Number", "digit"], ["Nd"]),
                (["Nl", "Letter_Number"], ["Nl"]),
                (["No", "Other_Number"], ["No"]),
                (["P", "Punctuation", "punct"], ["Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps"]),
                (["Pc", "Connector_Punctuation"], ["Pc"]),
                (["Pd", "Dash_Punctuation"], ["Pd"]),
                (["Pe", "Close_Punctuation"], ["Pe"]),
                (["Pf", "Final_Punctuation"], ["Pf"]),
                (["Pi", "Initial_Punctuation"], ["Pi"]),
                (["Po", "Other_Punctuation"], ["Po"]),
                (["Ps", "Open_Punctuation"], ["Ps"]),
                (["S", "Symbol"], ["Sc", "Sk", "Sm", "So"]),
                (["Sc", "Currency_Symbol"], ["Sc"]),
                (["Sk", "Modifier_Symbol"], ["Sk"]),
                (["Sm", "Math_Symbol"], ["Sm"]),
                (["So", "Other_Symbol"], ["So"]),
                (["Z", "Separator"], ["Zl", "Zp", "Zs"]),
                (["Zl", "Line_Separator"], ["Zl"]),
                (["Zp", "Paragraph_Separator"], ["Zp"]),
                (["Zs", "Space_Separator"], ["Zs"]),
            ]
            var table: [String: UInt32] = [:]
            for (names, members) in values {
                let bits = members.reduce(UInt32(0)) { $0 | 1 << CharacterSet.categoryNames.firstIndex(of: $1)! }
                for name in names { table[name] = bits }
            }
            return table
        }()
    }

    /// The binary Unicode properties of ECMA-262's table, each by its name and the alias the
    /// table gives it (`ASCII_Hex_Digit`, `AHex`). Swift's `Unicode.Scalar.Properties` answers
    /// all but four: ASCII and Any need no data; Emoji_Component, Extended_Pictographic and
    /// Regional_Indicator come from `UnicodeTables`.
    enum BinaryProperty: CaseIterable, Sendable {
        case ascii, asciiHexDigit, alphabetic, any, assigned, bidiControl, bidiMirrored, caseIgnorable, cased
        case changesWhenCasefolded, changesWhenCasemapped, changesWhenLowercased, changesWhenNFKCCasefolded
        case changesWhenTitlecased, changesWhenUppercased, dash, defaultIgnorableCodePoint, deprecated, diacritic
        case emoji, emojiComponent, emojiModifier, emojiModifierBase, emojiPresentation, extendedPictographic
        case extender, graphemeBase, graphemeExtend, hexDigit, idsBinaryOperator, idsTrinaryOperator
        case idContinue, idStart, ideographic, joinControl, logicalOrderException, lowercase, math
        case noncharacterCodePoint, patternSyntax, patternWhiteSpace, quotationMark, radical, regionalIndicator
        case sentenceTerminal, softDotted, terminalPunctuation, unifiedIdeograph, uppercase, variationSelector
        case whiteSpace, xidContinue, xidStart

        /// Its names in ECMA-262's table: the property's, then its alias where it has one.
        var names: [String] {
            switch self {
            case .ascii: return ["ASCII"]
            case .asciiHexDigit: return ["ASCII_Hex_Digit", "AHex"]
            case .alphabetic: return ["Alphabetic", "Alpha"]
            case .any: return ["Any"]
            case .assigned: return ["Assigned"]
            case .bidiControl: return ["Bidi_Control", "Bidi_C"]
            case .bidiMirrored: return ["Bidi_Mirrored", "Bidi_M"]
            case .caseIgnorable: return ["Case_Ignorable", "CI"]
            case .cased: return ["Cased"]
            case .changesWhenCasefolded: return ["Changes_When_Casefolded", "CWCF"]
            case .changesWhenCasemapped: return ["Changes_When_Casemapped", "CWCM"]
            case .changesWhenLowercased: return ["Changes_When_Lowercased", "CWL"]
            case .changesWhenNFKCCasefolded: return ["Changes_When_NFKC_Casefolded", "CWKCF"]
            case .changesWhenTitlecased: return ["Changes_When_Titlecased", "CWT"]
            case .changesWhenUppercased: return ["Changes_When_Uppercased", "CWU"]
            case .dash: return ["Dash"]
            case .defaultIgnorableCodePoint: return ["Default_Ignorable_Code_Point", "DI"]
            case .deprecated: return ["Deprecated", "Dep"]
            case .diacritic: return ["Diacritic", "Dia"]
            case .emoji: return ["Emoji"]
            case .emojiComponent: return ["Emoji_Component", "EComp"]
            case .emojiModifier: return ["Emoji_Modifier", "EMod"]
            case .emojiModifierBase: return ["Emoji_Modifier_Base", "EBase"]
            case .emojiPresentation: return ["Emoji_Presentation", "EPres"]
            case .extendedPictographic: return ["Extended_Pictographic", "ExtPict"]
            case .extender: return ["Extender", "Ext"]
            case .graphemeBase: return ["Grapheme_Base", "Gr_Base"]
            case .graphemeExtend: return ["Grapheme_Extend", "Gr_Ext"]
            case .hexDigit: return ["Hex_Digit", "Hex"]
            case .idsBinaryOperator: return ["IDS_Binary_Operator", "IDSB"]
            case .idsTrinaryOperator: return ["IDS_Trinary_Operator", "IDST"]
            case .idContinue: return ["ID_Continue", "IDC"]
            case .idStart: return ["ID_Start", "IDS"]
            case .ideographic: return ["Ideographic", "Ideo"]
            case .joinControl: return ["Join_Control", "Join_C"]
            case .logicalOrderException: return ["Logical_Order_Exception", "LOE"]
            case .lowercase: return ["Lowercase", "Lower"]
            case .math: return ["Math"]
            case .noncharacterCodePoint: return ["Noncharacter_Code_Point", "NChar"]
            case .patternSyntax: return ["Pattern_Syntax", "Pat_Syn"]
            case .patternWhiteSpace: return ["Pattern_White_Space", "Pat_WS"]
            case .quotationMark: return ["Quotation_Mark", "QMark"]
            case .radical: return ["Radical"]
            case .regionalIndicator: return ["Regional_Indicator", "RI"]
            case .sentenceTerminal: return ["Sentence_Terminal", "STerm"]
            case .softDotted: return ["Soft_Dotted", "SD"]
            case .terminalPunctuation: return ["Terminal_Punctuation", "Term"]
            case .unifiedIdeograph: return ["Unified_Ideograph", "UIdeo"]
            case .uppercase: return ["Uppercase", "Upper"]
            case .variationSelector: return ["Variation_Selector", "VS"]
            case .whiteSpace: return ["White_Space", "space"]
            case .xidContinue: return ["XID_Continue", "XIDC"]
            case .xidStart: return ["XID_Start", "XIDS"]
            }
        }

        /// Every property by each of its names.
        static let named: [String: BinaryProperty] = {
            var table: [String: BinaryProperty] = [:]
            for property in allCases { for name in property.names { table[name] = property } }
            return table
        }()

        func contains(_ c: UInt32) -> Bool {
            switch self {
            case .ascii: return c < 0x80
            case .any: return true
            case .emojiComponent: return UnicodeTables.contains(UnicodeTables.emojiComponent, c)
            case .extendedPictographic: return UnicodeTables.contains(UnicodeTables.extendedPictographic, c)
            case .regionalIndicator: return UnicodeTables.contains(UnicodeTables.regionalIndicator, c)
            default: break
            }
            // A surrogate (no scalar) is assigned (Cs) and has none of the other properties.
            guard let scalar = Unicode.Scalar(c) else { return self == .assigned }
            let p = scalar.properties
            switch self {
            case .ascii, .any, .emojiComponent, .extendedPictographic, .regionalIndicator: return false  // above
            case .asciiHexDigit: return p.isASCIIHexDigit
            case .alphabetic: return p.isAlphabetic
            case .assigned: return p.generalCategory != .unassigned
            case .bidiControl: return p.isBidiControl
            case .bidiMirrored: return p.isBidiMirrored
            case .caseIgnorable: return p.isCaseIgnorable
            case .cased: return p.isCased
            case .changesWhenCasefolded: return p.changesWhenCaseFolded
            case .changesWhenCasemapped: return p.changesWhenCaseMapped
            case .changesWhenLowercased: return p.changesWhenLowercased
            case .changesWhenNFKCCasefolded: return p.changesWhenNFKCCaseFolded
            case .changesWhenTitlecased: return p.changesWhenTitlecased
            case .changesWhenUppercased: return p.changesWhenUppercased
            case .dash: return p.isDash
            case .defaultIgnorableCodePoint: return p.isDefaultIgnorableCodePoint
            case .deprecated: return p.isDeprecated
            case .diacritic: return p.isDiacritic
            case .emoji: return p.isEmoji
            case .emojiModifier: return p.isEmojiModifier
            case .emojiModifierBase: return p.isEmojiModifierBase
            case .emojiPresentation: return p.isEmojiPresentation
            case .extender: return p.isExtender
            case .graphemeBase: return p.isGraphemeBase
            case .graphemeExtend: return p.isGraphemeExtend
            case .hexDigit: return p.isHexDigit
            case .idsBinaryOperator: return p.isIDSBinaryOperator
            case .idsTrinaryOperator: return p.isIDSTrinaryOperator
            case .idContinue: return p.isIDContinue
            case .idStart: return p.isIDStart
            case .ideographic: return p.isIdeographic
            case .joinControl: return p.isJoinControl
            case .logicalOrderException: return p.isLogicalOrderException
            case .lowercase: return p.isLowercase
            case .math: return p.isMath
            case .noncharacterCodePoint: return p.isNoncharacterCodePoint
            case .patternSyntax: return p.isPatternSyntax
            case .patternWhiteSpace: return p.isPatternWhitespace
            case .quotationMark: return p.isQuotationMark
            case .radical: return p.isRadical
            case .sentenceTerminal: return p.isSentenceTerminal
            case .softDotted: return p.isSoftDotted
            case .terminalPunctuation: return p.isTerminalPunctuation
            case .unifiedIdeograph: return p.isUnifiedIdeograph
            case .uppercase: return p.isUppercase
            case .variationSelector: return p.isVariationSelector
            case .whiteSpace: return p.isWhitespace
            case .xidContinue: return p.isXIDContinue
            case .xidStart: return p.isXIDStart
            }
        }
    }

    // MARK: Parsing

    indirect enum Node {
        case empty
        case char(UInt32)
        case any
        case set(CharacterSet)
        case start, end
        case boundary(Bool)
        case group(Node, capture: Int?)
        case look(Node, negate: Bool, behind: Bool)
        /// `\1`, `\k<name>`: the text a group captured (empty when it captured nothing).
        case backreference(Int)
        case concat([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?, greedy: Bool)
    }

    struct Parser {
        let source: [UInt32]
        var index = 0
        var captures = 0
        var names: [String: Int] = [:]
        var ignoreCase = false
        let python: Bool
        /// Backreferences by number and by name, as read.
        var references: [Int] = []
        var namedReferences: [String] = []

        init(_ source: [UInt32], python: Bool) {
            self.source = source
            self.python = python
        }

        mutating func parse() throws -> Node {
            // A leading (?i), as Python and PCRE write case-insensitivity.
            if source.starts(with: Array("(?i)".unicodeScalars.map(\.value))) { ignoreCase = true; index = 4 }
            let node = try alternation()
            guard index == source.count else { throw SyntaxError() }
            // Every backreference names a group of the pattern (before or after it).
            guard references.allSatisfy({ $0 <= captures }), namedReferences.allSatisfy({ names[$0] != nil }) else { throw SyntaxError() }
            return namedReferences.isEmpty ? node : Self.resolvingNames(node, names: namedReferences.map { names[$0]! })
        }

        /// `\k<name>` is parsed as `backreference(-1 - i)` for the i-th named reference; this
        /// puts the group numbers in.
        static func resolvingNames(_ node: Node, names: [Int]) -> Node {
            switch node {
            case .backreference(let n) where n < 0: return .backreference(names[-1 - n])
            case .group(let inner, let capture): return .group(resolvingNames(inner, names: names), capture: capture)
            case .look(let inner, let negate, let behind): return .look(resolvingNames(inner, names: names), negate: negate, behind: behind)
            case .concat(let items): return .concat(items.map { resolvingNames($0, names: names) })
            case .alternation(let items): return .alternation(items.map { resolvingNames($0, names: names) })
            case .repetition(let inner, let min, let max, let greedy):
                return .repetition(resolvingNames(inner, names: names), min: min, max: max, greedy: greedy)
            default: return node
            }
        }

        private var peek: UInt32? { index < source.count ? source[index] : nil }

        private mutating func eat(_ c: Character) -> Bool {
            guard peek == c.unicodeScalars.first!.value else { return false }
            index += 1
            return true
        }

        private mutating func alternation() throws -> Node {
            var branches = [try concatenation()]
            while eat("|") { branches.append(try concatenation()) }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func concatenation() throws -> Node {
            var items: [Node] = []
            while let c = peek, c != 0x7C, c != 0x29 {  // '|' ')'
                var atom = try self.atom()
                if let (min, max) = try quantifier() {
                    if case .start = atom { throw Unsupported() }
                    if case .end = atom { throw Unsupported() }
                    if case .boundary = atom { throw Unsupported() }
                    if case .look = atom { throw Unsupported() }
                    let greedy = !eat("?")
                    atom = .repetition(atom, min: min, max: max, greedy: greedy)
                }
                items.append(atom)
            }
            return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
        }

        /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`; a `{` that is not a quantifier is a literal (Annex B).
        private mutating func quantifier() throws -> (Int, Int?)? {
            guard let c = peek else { return nil }
            switch c {
            case 0x2A: index += 1; return (0, nil)
            case 0x2B: index += 1; return (1, nil)
            case 0x3F: index += 1; return (0, 1)
            case 0x7B:
                let save = index
                index += 1
                guard let low = number() else { index = save; return nil }
                var high: Int? = low
                if eat(",") { high = number() }
                guard eat("}") else { index = save; return nil }
                if let high, high < low { throw SyntaxError() }
                return (low, high)
            default: return nil
            }
        }

        private mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let c = peek, (0x30...0x39).contains(c) {
                value = min(value * 10 + Int(c - 0x30), 100_000)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        private mutating func atom() throws -> Node {
            let c = source[index]
            index += 1
            switch c {
            case 0x2E: return .any
            case 0x5E: return .start
            case 0x24: return .end
            case 0x5B: return .set(try characterClass())
            case 0x5C: return try escape()
            case 0x2A, 0x2B, 0x3F: throw SyntaxError()  // a quantifier with nothing to repeat
            case 0x7B:
                // A '{' that would be a quantifier has nothing to repeat; any other is a literal.
                let save = index
                index -= 1
                let quantified: Bool
                do { quantified = try quantifier() != nil } catch { throw SyntaxError() }
                if quantified { throw SyntaxError() }
                index = save
                return .char(c)
            case 0x28: return try group()
            default: return .char(ignoreCase ? ECMARegex.lower(c) : c)
            }
        }

        private mutating func group() throws -> Node {
            if eat("?") {
                if eat(":") { return try close(.group(try alternation(), capture: nil)) }
                if eat("=") { return try close(.look(try alternation(), negate: false, behind: false)) }
                if eat("!") { return try close(.look(try alternation(), negate: true, behind: false)) }
                if eat("<") {
                    // A lookbehind is matched left to right here, which gives backreferences
                    // inside it another meaning than ECMA's right-to-left: refused.
                    if eat("=") { return try close(.look(try lookbehind(), negate: false, behind: true)) }
                    if eat("!") { return try close(.look(try lookbehind(), negate: true, behind: true)) }
                    var name = ""
                    while let c = peek, c != 0x3E, let scalar = Unicode.Scalar(c) { name.unicodeScalars.append(scalar); index += 1 }
                    guard eat(">"), !name.isEmpty else { throw SyntaxError() }
                    captures += 1
                    let number = captures
                    names[name] = number
                    return try close(.group(try alternation(), capture: number))
                }
                throw Unsupported()
            }
            captures += 1
            let number = captures
            return try close(.group(try alternation(), capture: number))
        }

        private mutating func lookbehind() throws -> Node {
            let before = references.count + namedReferences.count
            let inner = try alternation()
            if references.count + namedReferences.count > before { throw Unsupported() }
            return inner
        }

        private mutating func close(_ node: Node) throws -> Node {
            guard eat(")") else { throw SyntaxError() }
            return node
        }

        private mutating func escape() throws -> Node {
            guard let c = peek else { throw SyntaxError() }
            index += 1
            switch c {
            case 0x64: return .set(CharacterSet(ranges: CharacterSet.digit))
            case 0x44: return .set(CharacterSet(ranges: CharacterSet.digit, negated: true))
            case 0x77: return .set(CharacterSet(ranges: CharacterSet.word, unicodeWord: python))
            case 0x57:
                if python { throw Unsupported() }
                return .set(CharacterSet(ranges: CharacterSet.word, negated: true))
            case 0x73: return .set(CharacterSet(ranges: CharacterSet.space))
            case 0x53: return .set(CharacterSet(ranges: CharacterSet.space, negated: true))
            case 0x62: return .boundary(true)
            case 0x42: return .boundary(false)
            case 0x70, 0x50:
                var set = CharacterSet()
                set.properties.append((try property(), c == 0x50))
                return .set(set)
            case 0x31...0x39:
                // A group number (checked against the groups once the whole pattern is read).
                var number = Int(c - 0x30)
                while let d = peek, (0x30...0x39).contains(d), number < 100_000 { number = number * 10 + Int(d - 0x30); index += 1 }
                references.append(number)
                return .backreference(number)
            case 0x6B where peek == 0x3C:
                index += 1
                var name = ""
                while let c = peek, c != 0x3E, let scalar = Unicode.Scalar(c) { name.unicodeScalars.append(scalar); index += 1 }
                guard eat(">"), !name.isEmpty else { throw SyntaxError() }
                namedReferences.append(name)
                return .backreference(-namedReferences.count)  // the i-th name as -1 - i; see resolvingNames
            default:
                index -= 1
                let scalar = try characterEscape(inClass: false)
                return .char(ignoreCase ? ECMARegex.lower(scalar) : scalar)
            }
        }

        /// The character an escape stands for (after the backslash).
        private mutating func characterEscape(inClass: Bool) throws -> UInt32 {
            guard index < source.count else { throw SyntaxError() }
            let c = source[index]
            index += 1
            switch c {
            case 0x74: return 0x09
            case 0x6E: return 0x0A
            case 0x76: return 0x0B
            case 0x66: return 0x0C
            case 0x72: return 0x0D
            case 0x62 where inClass: return 0x08
            case 0x30:
                if let next = peek, (0x30...0x39).contains(next) { throw Unsupported() }  // legacy octal
                return 0
            case 0x31...0x39:
                if inClass { throw Unsupported() }  // legacy octal in a class
                throw SyntaxError()  // escape() reads backreferences before this
            case 0x78: return try hex(2)
            case 0x75:
                if peek == 0x7B {
                    // `\u{…}` (u mode): one to six hex digits naming a scalar up to U+10FFFF.
                    index += 1
                    var value: UInt32 = 0
                    var digits = 0
                    while let d = peek, let v = Self.hexValue(d) {
                        index += 1
                        digits += 1
                        value = value &* 16 &+ v
                        guard value <= 0x10FFFF else { throw SyntaxError() }
                    }
                    guard digits > 0, eat("}") else { throw SyntaxError() }
                    return value
                }
                let unit = try hex(4)
                // A surrogate pair written as two escapes is one scalar.
                if (0xD800...0xDBFF).contains(unit), source[index...].starts(with: [0x5C, 0x75]) {
                    let save = index
                    index += 2
                    if let low = try? hex(4), (0xDC00...0xDFFF).contains(low) {
                        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    index = save
                }
                return unit
            case 0x63:
                // `\cX`: the control character of an ASCII letter (its code modulo 32).
                guard let letter = peek, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else { throw SyntaxError() }
                index += 1
                return letter % 32
            case 0x6B: throw SyntaxError()  // \k without <name>
            default:
                // An identity escape: the character itself (letters and digits are not, in ECMA).
                if (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) { throw Unsupported() }
                return c
            }
        }

        /// The `{…}` after `\p` or `\P`: ECMA-262's UnicodePropertyValueExpression, `{name}` or
        /// `{name=value}` of letters, digits and `_`. A name ECMA-262 does not list is a syntax
        /// error (`\p` without braces stays unsupported: outside `u` mode it is a `p`).
        private mutating func property() throws -> Property {
            guard eat("{") else { throw Unsupported() }
            var name = ""
            var value: String?
            while true {
                guard let c = peek else { throw SyntaxError() }
                index += 1
                if c == 0x7D { break }
                if c == 0x3D && value == nil { value = ""; continue }
                guard (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F else { throw SyntaxError() }
                let scalar = Unicode.Scalar(UInt8(c))
                if value == nil { name.unicodeScalars.append(scalar) } else { value!.unicodeScalars.append(scalar) }
            }
            guard let property = Property.named(name, value: value) else { throw SyntaxError() }
            return property
        }

        private mutating func hex(_ count: Int) throws -> UInt32 {
            guard index + count <= source.count else { throw SyntaxError() }
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = Self.hexValue(source[index]) else { throw SyntaxError() }
                value = value * 16 + digit
                index += 1
            }
            return value
        }

        static func hexValue(_ c: UInt32) -> UInt32? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }

        private mutating func characterClass() throws -> CharacterSet {
            var set = CharacterSet(ignoreCase: ignoreCase)
            if eat("^") { set.negated = true }
            while true {
                guard let c = peek else { throw SyntaxError() }
                if c == 0x5D { index += 1; return set }
                // One class item: a character (maybe the start of a range) or a class escape.
                var low: UInt32
                if c == 0x5C {
                    index += 1
                    guard let e = peek else { throw SyntaxError() }
                    switch e {
                    case 0x64, 0x77, 0x73:
                        index += 1
                        set.ranges += e == 0x64 ? CharacterSet.digit : e == 0x77 ? CharacterSet.word : CharacterSet.space
                        if e == 0x77 && python { set.unicodeWord = true }
                        continue
                    case 0x44, 0x57, 0x53:
                        if e == 0x57 && python { throw Unsupported() }
                        index += 1
                        set.complements.append(e == 0x44 ? CharacterSet.digit : e == 0x57 ? CharacterSet.word : CharacterSet.space)
                        continue
                    case 0x70, 0x50:
                        index += 1
                        set.properties.append((try property(), e == 0x50))
                        // A property escape cannot start a range: `u` mode has no Annex B reading
                        // of `[\p{L}-z]` (nor of `[a-\p{L}]`, below).
                        if peek == 0x2D, index + 1 < source.count, source[index + 1] != 0x5D { throw SyntaxError() }
                        continue
                    case 0x2D: index += 1; low = 0x2D
                    default: low = try characterEscape(inClass: true)
                    }
                } else {
                    index += 1
                    low = c
                }
                // A range, unless the '-' is last or the other end is a class escape (then both are literal).
                if peek == 0x2D, index + 1 < source.count, source[index + 1] != 0x5D {
                    let save = index
                    index += 1
                    var high = source[index]
                    if high == 0x5C {
                        index += 1
                        if let e = peek, e == 0x70 || e == 0x50 { throw SyntaxError() }
                        if let e = peek, [0x64, 0x77, 0x73, 0x44, 0x57, 0x53].contains(e) { index = save; set.ranges.append(low...low); continue }
                        high = try characterEscape(inClass: true)
                    } else {
                        index += 1
                    }
                    guard low <= high else { throw SyntaxError() }
                    set.ranges.append(low...high)
                } else {
                    set.ranges.append(low...low)
                }
            }
        }
    }

    // MARK: Compiling

    struct Compiler {
        let ignoreCase: Bool
        var program: [Instruction] = []
        var sets: [CharacterSet] = []
        var lookarounds: [[Instruction]] = []
        var registers = 0

        init(ignoreCase: Bool) { self.ignoreCase = ignoreCase }

        mutating func emit(_ node: Node) {
            switch node {
            case .empty: break
            case .char(let c): program.append(.char(c))
            case .any: program.append(.any)
            case .set(let set):
                program.append(.set(add(set)))
            case .start: program.append(.start)
            case .end: program.append(.end)
            case .boundary(let wanted): program.append(.boundary(wanted))
            case .group(let inner, let capture):
                if let capture { program.append(.save(2 * capture)) }
                emit(inner)
                if let capture { program.append(.save(2 * capture + 1)) }
            case .look(let inner, let negate, let behind):
                var sub = Compiler(ignoreCase: ignoreCase)
                sub.sets = sets
                sub.lookarounds = lookarounds
                sub.registers = registers
                sub.emit(inner)
                if behind { sub.program.append(.endsHere) }
                sub.program.append(.match)
                sets = sub.sets
                registers = sub.registers
                lookarounds = sub.lookarounds + [sub.program]
                program.append(.look(lookarounds.count - 1, negate: negate, behind: behind))
            case .backreference(let group):
                program.append(.backreference(group))
            case .concat(let items):
                items.forEach { emit($0) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (i, branch) in branches.enumerated() {
                    if i < branches.count - 1 {
                        let split = program.count
                        program.append(.split(split + 1, -1))
                        emit(branch)
                        jumps.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        emit(branch)
                    }
                }
                for j in jumps { program[j] = .jump(program.count) }
            case .repetition(let inner, let min, let max, true) where Self.isAtom(inner):
                let atom: Atom
                switch inner {
                case .char(let c): atom = .char(c)
                case .set(let set): atom = .set(add(set))
                default: atom = .any
                }
                program.append(.repeated(atom, min: min, max: max ?? Int.max))
            case .repetition(let inner, let min, let max, let greedy):
                // Each iteration starts with the groups inside it unset (ECMA-262's RepeatMatcher).
                let groups = Self.captures(in: inner)
                func iteration() {
                    if let first = groups.first, let last = groups.last { program.append(.clear(2 * first, 2 * last + 1)) }
                    emit(inner)
                }
                for _ in 0..<min {
                    iteration()
                    if program.count > 60_000 { return }  // too large: init throws Unsupported
                }
                if let max {
                    // Each optional copy: split over it, and over the rest.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        program.append(.split(-1, -1))
                        iteration()
                        if program.count > 60_000 { return }
                    }
                    for s in splits { program[s] = greedy ? .split(s + 1, program.count) : .split(program.count, s + 1) }
                } else {
                    let canBeEmpty = Self.canMatchEmpty(inner)
                    let loop = program.count
                    program.append(.split(-1, -1))
                    let register = registers
                    if canBeEmpty { registers += 1; program.append(.mark(register)) }
                    iteration()
                    if canBeEmpty { program.append(.progress(register)) }
                    program.append(.jump(loop))
                    program[loop] = greedy ? .split(loop + 1, program.count) : .split(program.count, loop + 1)
                }
            }
        }

        /// The numbers of the capturing groups inside a node, in order (they are consecutive).
        static func captures(in node: Node) -> [Int] {
            switch node {
            case .group(let inner, let capture): return (capture.map { [$0] } ?? []) + captures(in: inner)
            case .look(let inner, _, _): return captures(in: inner)
            case .concat(let items), .alternation(let items): return items.flatMap(captures(in:))
            case .repetition(let inner, _, _, _): return captures(in: inner)
            default: return []
            }
        }

        /// Whether a node matches exactly one character.
        static func isAtom(_ node: Node) -> Bool {
            switch node {
            case .char, .any, .set: return true
            default: return false
            }
        }

        /// Adds a set to the program's sets, returning its index.
        private mutating func add(_ set: CharacterSet) -> Int {
            var set = set
            set.ignoreCase = ignoreCase
            sets.append(set.sealed())
            return sets.count - 1
        }

        static func canMatchEmpty(_ node: Node) -> Bool {
            switch node {
            case .char, .any, .set: return false
            case .empty, .start, .end, .boundary, .look, .backreference: return true
            case .group(let inner, _): return canMatchEmpty(inner)
            case .concat(let items): return items.allSatisfy(canMatchEmpty)
            case .alternation(let branches): return branches.contains(where: canMatchEmpty)
            case .repetition(let inner, let min, _, _): return min == 0 || canMatchEmpty(inner)
            }
        }
    }
}

/// Unicode data that Swift's standard library does not give, for ECMARegex's property escapes:
/// Script, Script_Extensions, three binary properties and simple case folding, as sorted runs
/// and ranges in `UnicodeTables.generated.swift` (scripts/gen-unicode-tables.py, `make
/// generate-unicode`), of the Unicode version of the standard library's own properties. Each
/// lookup is a binary search.
enum UnicodeTables {
    /// Each name of each script (long, short, other aliases), to its index in `scriptNames`.
    static let scriptIndexes: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for (index, names) in scriptNames.enumerated() {
            for name in [names.long, names.short] + names.aliases { table[name] = UInt8(index) }
        }
        return table
    }()

    /// The index of the last of `starts` (ascending, the first 0) at or below `c`.
    @inline(__always)
    static func run(_ starts: [UInt32], _ c: UInt32) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= c { low = middle } else { high = middle }
        }
        return low
    }

    /// The Script of a code point, as an index of `scriptNames`.
    static func script(of c: UInt32) -> UInt8 {
        scriptValues[run(scriptStarts, c)]
    }

    /// Whether a code point's Script_Extensions hold a script.
    static func scriptExtensions(of c: UInt32, contain script: UInt8) -> Bool {
        let set = Int(extensionValues[run(extensionStarts, c)])
        if set == 0 { return self.script(of: c) == script }
        return extensionMembers[Int(extensionOffsets[set - 1])..<Int(extensionOffsets[set])].contains(script)
    }

    /// Whether `c` is in ranges given as ascending (first, last) pairs.
    static func contains(_ ranges: [UInt32], _ c: UInt32) -> Bool {
        var low = 0
        var high = ranges.count / 2
        while low < high {
            let middle = (low + high) / 2
            if c < ranges[2 * middle] { high = middle } else if c > ranges[2 * middle + 1] { low = middle + 1 } else { return true }
        }
        return false
    }

    /// The next code point after `c` in the cycle of those that simple case folding makes equal
    /// to it (`K`, `k`, U+212A KELVIN SIGN, then `K` again); `c` itself when it folds alone.
    static func nextInCaseOrbit(_ c: UInt32) -> UInt32 {
        guard c >= caseOrbitFirst[0] else { return c }
        let i = run(caseOrbitFirst, c)
        guard c <= caseOrbitLast[i] else { return c }
        let delta = (c - caseOrbitFirst[i]) % 2 == 0 ? caseOrbitEven[i] : caseOrbitOdd[i]
        return UInt32(Int64(c) + Int64(delta))
    }
}
