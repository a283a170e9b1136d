/// Python's `int()` and `float()` on a string, as `--set-var` coerces template values
///: surrounding whitespace, a sign, and `_` between digits are accepted.
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
