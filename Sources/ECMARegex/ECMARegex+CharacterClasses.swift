extension ECMARegex {
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

        func computedContains(_ c: UInt32) -> Bool {
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

        func has(_ c: UInt32) -> Bool {
            ranges.contains { $0.contains(c) } || complements.contains { class_ in !class_.contains { $0.contains(c) } }
                || (unicodeWord && c >= 0x80 && Self.isUnicodeWord(c))
                || (!properties.isEmpty && hasProperty(c))
        }

        func hasProperty(_ c: UInt32) -> Bool {
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
}
