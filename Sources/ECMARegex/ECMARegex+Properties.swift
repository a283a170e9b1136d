extension ECMARegex {
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
}
