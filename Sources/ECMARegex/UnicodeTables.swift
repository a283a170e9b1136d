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
