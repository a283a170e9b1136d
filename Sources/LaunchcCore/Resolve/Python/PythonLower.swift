extension String {
    /// Python's `str.lower()`: each scalar's full lowercase mapping, with capital sigma as final
    /// sigma (ς) at the end of a word (Unicode's Final_Sigma condition: a cased letter before it
    /// and none after it, case-ignorable ones skipped), which Swift's `lowercased()` does not do.
    var pythonLowercased: String {
        guard unicodeScalars.contains("\u{03A3}") else { return lowercased() }
        let scalars = Array(unicodeScalars)
        func cased(from start: Int, by step: Int) -> Bool {
            var i = start
            while i >= 0 && i < scalars.count {
                let p = scalars[i].properties
                if !p.isCaseIgnorable { return p.isCased }
                i += step
            }
            return false
        }
        var out = ""
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}", cased(from: i - 1, by: -1), !cased(from: i + 1, by: 1) {
                out.unicodeScalars.append("\u{03C2}")
            } else {
                out += scalar.properties.lowercaseMapping
            }
        }
        return out
    }
}
