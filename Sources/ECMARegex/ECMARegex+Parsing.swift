extension ECMARegex {
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

        var peek: UInt32? { index < source.count ? source[index] : nil }

        mutating func eat(_ c: Character) -> Bool {
            guard peek == c.unicodeScalars.first!.value else { return false }
            index += 1
            return true
        }

        mutating func alternation() throws -> Node {
            var branches = [try concatenation()]
            while eat("|") { branches.append(try concatenation()) }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func concatenation() throws -> Node {
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
        mutating func quantifier() throws -> (Int, Int?)? {
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

        mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let c = peek, (0x30...0x39).contains(c) {
                value = min(value * 10 + Int(c - 0x30), 100_000)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func atom() throws -> Node {
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

        mutating func group() throws -> Node {
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

        mutating func lookbehind() throws -> Node {
            let before = references.count + namedReferences.count
            let inner = try alternation()
            if references.count + namedReferences.count > before { throw Unsupported() }
            return inner
        }

        mutating func close(_ node: Node) throws -> Node {
            guard eat(")") else { throw SyntaxError() }
            return node
        }

        mutating func escape() throws -> Node {
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
        mutating func characterEscape(inClass: Bool) throws -> UInt32 {
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
        mutating func property() throws -> Property {
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

        mutating func hex(_ count: Int) throws -> UInt32 {
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

        mutating func characterClass() throws -> CharacterSet {
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
}
