/// How a plain (unquoted, untagged) YAML scalar is read.
///
/// launchc reads YAML 1.2 with the core schema (YAML 1.2.2 §10.3). The W&B UI, the agent's own
/// PyYAML and many other tools read YAML 1.1, so `YAML11` below reads the same text the way
/// PyYAML does, and `LC1209` is reported exactly when the two readings differ.
enum CoreSchema {
    enum Resolved: Equatable {
        case value(Value)
        case integerOutOfRange
        case numberOutOfRange
    }

    static func resolve(_ text: String) -> Resolved {
        var storage = text
        return storage.withUTF8 { resolve(bytes: $0, text: text) }
    }

    private static func resolve(bytes b: UnsafeBufferPointer<UInt8>, text: String) -> Resolved {
        guard let first = b.first else { return .value(.null) }
        // Most plain scalars are words; settle them without looking further.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            break
        case UInt8(ascii: "~"):
            return .value(b.count == 1 ? .null : .string(text))
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return .value(b.count == 4 && (text == "null" || text == "Null" || text == "NULL") ? .null : .string(text))
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return .value(b.count == 4 && (text == "true" || text == "True" || text == "TRUE") ? .bool(true) : .string(text))
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return .value(b.count == 5 && (text == "false" || text == "False" || text == "FALSE") ? .bool(false) : .string(text))
        default:
            return .value(.string(text))
        }
        if let number = number(b, text: text) { return number }
        return .value(.string(text))
    }

    /// The core schema's int and float forms, or nil when the text is neither.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Resolved? {
        let n = b.count
        if n > 2 && b[0] == UInt8(ascii: "0") && (b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x")) {
            let hex = b[1] == UInt8(ascii: "x")
            let digits = b[2...]
            guard digits.allSatisfy({ hex ? isHexDigit($0) : ($0 >= 0x30 && $0 <= 0x37) }) else { return nil }
            guard let value = Int64(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 8) else {
                return .integerOutOfRange
            }
            return .value(.integer(value))
        }
        if let special = infinityOrNaN(b) { return .value(.number(special)) }
        guard let shape = numberShape(b) else { return nil }
        if shape == .integer {
            guard let value = Int64(text) else { return .integerOutOfRange }
            return .value(.integer(value))
        }
        guard let value = Double(text) else { return nil }
        return value.isFinite ? .value(.number(value)) : .numberOutOfRange
    }

    enum Shape { case integer, float }

    /// `[-+]?[0-9]+` is an integer; `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` a float.
    static func numberShape(_ b: UnsafeBufferPointer<UInt8>) -> Shape? {
        var i = 0
        let n = b.count
        if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
        let intStart = i
        while i < n && isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        if i == n { return intDigits > 0 ? .integer : nil }
        var fracDigits = 0
        var hasDot = false
        if b[i] == UInt8(ascii: ".") {
            hasDot = true
            i += 1
            let fracStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        guard intDigits > 0 || (hasDot && fracDigits > 0) else { return nil }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            let expStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            guard i > expStart else { return nil }
        }
        return i == n ? .float : nil
    }

    /// `[-+]?\.(inf|Inf|INF)` and `\.(nan|NaN|NAN)`.
    static func infinityOrNaN(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let s = String(decoding: b, as: UTF8.self)
        switch s {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }
}

/// How PyYAML (YAML 1.1, `yaml.SafeLoader`) reads a plain scalar, as far as it matters for
/// telling whether it disagrees with YAML 1.2. The forms follow PyYAML's implicit resolvers
/// (`resolver.py`). PyYAML is the reader that matters: the W&B agent and SDK load YAML with it.
/// (The YAML 1.1 spec also makes `y` and `n` booleans; PyYAML does not, and warning about every
/// `x:`/`y:` key would be noise.)
enum YAML11 {
    enum Reading: Equatable {
        case null
        case bool(Bool)
        /// nil when the integer does not fit 64 bits.
        case integer(Int64?)
        case float(Double)
        case timestamp
        case string
    }

    static func read(_ text: String) -> Reading {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        let b = Array(text.utf8)
        guard let first = b.first, CoreSchema.isDigit(first) || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") else { return .string }
        if let value = integer(b) { return .integer(value) }
        if let value = float(b) { return .float(value) }
        if isTimestamp(b) { return .timestamp }
        return .string
    }

    /// Whether a plain scalar can possibly read differently in YAML 1.1; a cheap filter run on
    /// every plain scalar before the full comparison.
    static func mayDiffer(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "0"):
            // Plain decimals ("12", "0", "0.001", "3.") read the same in both versions; a leading
            // zero before a digit (octal in 1.1), exponents, '_' and ':' need the full check.
            var second = true
            var dots = 0
            for c in utf8.dropFirst() {
                if c == UInt8(ascii: ".") { dots += 1; second = false; continue }
                if !CoreSchema.isDigit(c) { return true }
                if second && first == UInt8(ascii: "0") { return true }
                second = false
            }
            return dots > 1
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."): return true
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return utf8.count <= 3 && utf8.count >= 2
        default: return false
        }
    }

    private static func integer(_ b: [UInt8]) -> Int64?? {
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { negative = b[0] == UInt8(ascii: "-"); i = 1 }
        let body = Array(b[i...])
        guard let lead = body.first else { return nil }
        func value(_ digits: ArraySlice<UInt8>, radix: Int, valid: (UInt8) -> Bool) -> Int64?? {
            guard !digits.isEmpty, digits.allSatisfy({ valid($0) || $0 == UInt8(ascii: "_") }) else { return nil }
            let clean = String(decoding: digits.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
            if clean.isEmpty { return .some(0) }
            return .some(Int64((negative ? "-" : "") + clean, radix: radix))
        }
        if body.count > 2 && lead == UInt8(ascii: "0") && body[1] == UInt8(ascii: "b") {
            return value(body[2...], radix: 2) { $0 == 0x30 || $0 == 0x31 }
        }
        if body.count > 2 && lead == UInt8(ascii: "0") && body[1] == UInt8(ascii: "x") {
            return value(body[2...], radix: 16, valid: CoreSchema.isHexDigit)
        }
        if lead == UInt8(ascii: "0") {
            return body.count == 1 ? .some(0) : value(body[1...], radix: 8) { $0 >= 0x30 && $0 <= 0x37 }
        }
        guard CoreSchema.isDigit(lead) else { return nil }
        if let colon = body.firstIndex(of: UInt8(ascii: ":")) {
            // Base 60: [1-9][0-9_]*(:[0-5]?[0-9])+
            guard let head = value(body[..<colon], radix: 10, valid: CoreSchema.isDigit), var total = head else {
                return nil
            }
            for part in body[(colon + 1)...].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
                guard (1...2).contains(part.count), part.allSatisfy(CoreSchema.isDigit),
                      part.count == 1 || part.first! <= UInt8(ascii: "5") else { return nil }
                let digit = Int64(String(decoding: part, as: UTF8.self))!
                let (times, o1) = total.multipliedReportingOverflow(by: 60)
                let (sum, o2) = times.addingReportingOverflow(negative ? -digit : digit)
                if o1 || o2 { return .some(nil) }
                total = sum
            }
            return .some(total)
        }
        return value(body[...], radix: 10, valid: CoreSchema.isDigit)
    }

    private static func float(_ b: [UInt8]) -> Double? {
        let text = String(decoding: b, as: UTF8.self)
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var i = 0
        var sign = ""
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { sign = String(UnicodeScalar(b[0])); i = 1 }
        let body = b[i...]
        if body.contains(UInt8(ascii: ":")) { return nil }  // base-60 floats: too rare to model
        // [0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?  or (unsigned) \.[0-9_]+([eE][-+][0-9]+)?
        guard let dot = body.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let whole = body[..<dot]
        if whole.isEmpty && !sign.isEmpty { return nil }
        if let lead = whole.first, !CoreSchema.isDigit(lead) { return nil }
        guard whole.allSatisfy({ CoreSchema.isDigit($0) || $0 == UInt8(ascii: "_") }) else { return nil }
        var rest = body[(dot + 1)...]
        let fraction = rest.prefix { CoreSchema.isDigit($0) || $0 == UInt8(ascii: "_") }
        if whole.isEmpty && fraction.isEmpty { return nil }
        rest = rest[fraction.endIndex...]
        if let e = rest.first {
            guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E"), rest.count >= 3,
                  rest[rest.startIndex + 1] == UInt8(ascii: "-") || rest[rest.startIndex + 1] == UInt8(ascii: "+"),
                  rest.dropFirst(2).allSatisfy(CoreSchema.isDigit) else { return nil }
        }
        return Double(String(decoding: b.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
    }

    /// `YYYY-MM-DD`, optionally followed by a time: PyYAML reads these as dates.
    private static func isTimestamp(_ b: [UInt8]) -> Bool {
        guard b.count >= 8, b[0...3].allSatisfy(CoreSchema.isDigit), b[4] == UInt8(ascii: "-") else { return false }
        var i = 5
        func digits(_ most: Int) -> Int {
            var k = 0
            while k < most && i < b.count && CoreSchema.isDigit(b[i]) { i += 1; k += 1 }
            return k
        }
        guard digits(2) >= 1, i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard digits(2) >= 1 else { return false }
        if i == b.count { return b.count == 10 }  // the date-only form has two-digit month and day
        return b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ")
    }
}
