/// The agent's macros (`${run_id}`, ...), filled exactly as wandb 0.31.0 fills them
/// (`utils.macro_sub`, `recursive_macro_sub`; reference §3): names are word characters, one pass
/// from left to right with no look at what was substituted, unknown names kept as written,
/// string values only (never keys), and a missing value printed as Python prints `None`.
public struct MacroTable: Sendable {
    /// Name → value; a nil value is substituted as `None`, as `str(None)` is.
    public private(set) var values: [String: String?]

    public init(_ values: [String: String?] = [:]) { self.values = values }

    /// The agent's built-in macros, then its process environment, which overrides them.
    public init(project: String, entity: String, runID: String, runName: String?, imageURI: String, author: String?,
                environment: [String: String] = [:]) {
        values = [
            "project_name": project.lowercased(),
            "entity_name": entity,
            "run_id": runID,
            "run_name": runName.flatMap { $0.isEmpty ? nil : $0 },
            "image_uri": imageURI,
            "author": author,
        ]
        for (name, value) in environment { values[name] = .some(value) }
    }

    /// One string with its macros filled, and the names it used.
    public func fill(_ text: String) -> (text: String, used: [String]) {
        guard text.contains("${") else { return (text, []) }
        var out = ""
        var used: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            let name = after.prefix { Self.isWordCharacter($0) }
            let end = after.index(after.startIndex, offsetBy: name.count)
            if !name.isEmpty, end < after.endIndex, after[end] == "}", let value = values[String(name)] {
                out += value ?? "None"
                used.append(String(name))
                rest = after[after.index(after: end)...]
            } else {
                // Not a macro, or not a known one: keep "${" and go on right after it.
                out += "${"
                rest = after
            }
        }
        out += rest
        return (out, used)
    }

    /// Every string value under `node` filled; keys and other values as they were.
    public func fill(_ node: Node) -> Node {
        switch node.value {
        case .string(let text): return Node(.string(fill(text).text), range: node.range)
        case .array(let items): return Node(.array(items.map(fill)), range: node.range)
        case .object(let members):
            return Node(.object(members.map { Member(key: $0.key, keyRange: $0.keyRange, value: fill($0.value)) }), range: node.range)
        default: return node
        }
    }

    /// Python's `\w` in a `str` pattern: letters, digits (Unicode) and underscore.
    static func isWordCharacter(_ c: Character) -> Bool {
        c == "_" || c.isLetter || c.isNumber
    }
}

/// Python's `int()` and `float()` on a string, as `--set-var` coerces template values
/// (reference §4): surrounding whitespace, a sign, and `_` between digits are accepted.
public enum PythonNumber {
    public static func int(_ text: String) -> Int64? {
        var s = Substring(text.trimmingPythonWhitespace())
        var negative = false
        if let first = s.first, first == "+" || first == "-" { negative = first == "-"; s = s.dropFirst() }
        guard let digits = underscoredDigits(s) else { return nil }
        return Int64((negative ? "-" : "") + digits)
    }

    public static func float(_ text: String) -> Double? {
        let s = text.trimmingPythonWhitespace()
        var body = Substring(s)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" { sign = first == "-" ? "-" : ""; body = body.dropFirst() }
        switch body.lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        // Digits with single underscores between them, in the mantissa and the exponent.
        var mantissa = body
        var exponent: Substring = ""
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
            var expDigits = exponent
            var expSign = ""
            if let first = expDigits.first, first == "+" || first == "-" { expSign = String(first); expDigits = expDigits.dropFirst() }
            guard let clean = underscoredDigits(expDigits) else { return nil }
            exponent = Substring("e" + expSign + clean)
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts[0].isEmpty ? "" : underscoredDigits(parts[0])
        let fraction = parts.count == 2 ? (parts[1].isEmpty ? "" : underscoredDigits(parts[1])) : ""
        guard let whole, let fraction, !(whole.isEmpty && fraction.isEmpty) else { return nil }
        return Double(sign + (whole.isEmpty ? "0" : whole) + (parts.count == 2 ? "." + (fraction.isEmpty ? "0" : fraction) : "") + exponent)
    }

    /// `1_000` → "1000"; nil unless decimal digits (any script's, as Python takes them) with
    /// single underscores between them.
    static func underscoredDigits(_ s: Substring) -> String? {
        guard let first = s.first, let last = s.last, first != "_", last != "_" else { return nil }
        var out = ""
        var previousUnderscore = false
        for c in s {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
            } else if let digit = c.wholeNumberValue, digit < 10, c.isWholeNumber, c.unicodeScalars.count == 1 {
                out += String(digit)
                previousUnderscore = false
            } else {
                return nil
            }
        }
        return out
    }
}

extension String {
    /// Python's `str.strip()` with no argument: Unicode whitespace on both ends.
    func trimmingPythonWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
