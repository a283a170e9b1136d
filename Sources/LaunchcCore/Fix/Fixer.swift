/// `check --fix` and `--diff`: the fix-its that are safe and unambiguous (`FixIt.isSafe`),
/// applied to a file as exact byte edits, so that everything else in it (comments, order,
/// quoting, indentation, line breaks) stays as it was.
public enum Fixer {
    public struct Outcome: Sendable {
        /// The file as it was, and as the fixes leave it.
        public var original: SourceFile
        public var fixed: [UInt8]
        /// The findings fixed, at their places in the original file (later passes' findings at
        /// theirs in the file as the earlier passes left it).
        public var findings: [Diagnostic]
        /// The report of the fixed file (what is left), and of the file as it was.
        public var report: FileReport
        public var originalReport: FileReport

        public var changed: Bool { fixed != original.bytes }
    }

    /// A fix can bring another to light (the keys inside a renamed `workerPoolSpecs`, one level
    /// per pass); passes stop when nothing is left to fix, or after this many.
    public static let maxPasses = 32

    /// Checks `file`, applies the safe fix-its of its findings, and checks again until none is
    /// left. Suppressed findings are not fixed, and no fix may make the file's syntax worse (two
    /// keys renamed to one, say): when a pass's edits together would, halves of them are tried,
    /// down to single fixes, within `maxTrials` parses a pass.
    public static func fix(_ file: SourceFile, options: CheckOptions) -> Outcome {
        // Each version of the file is parsed once: for its syntax errors and for its check.
        var current = (file: file, parsed: DocumentParser.parse(file, limits: options.limits))
        let original = Checker.check(file, parsed: current.parsed, options: options)
        var report = original
        var fixed: [Diagnostic] = []
        for _ in 0..<maxPasses {
            let (candidates, findings) = self.edits(for: report, in: current.file)
            guard candidates.contains(where: { !$0.isEmpty }) else { break }
            let before = syntaxErrors(current.parsed)
            var trials = 0
            // The fixes kept, by index, growing from the first: each group is kept when, with
            // those kept before it, the syntax is no worse; a worse group is split in two. The
            // last trial kept is the file with every kept fix.
            var kept: [Int] = []
            var next: (file: SourceFile, parsed: ParseResult)?
            func attempt(_ group: Range<Int>) {
                guard !group.isEmpty, trials < maxTrials else { return }
                trials += 1
                let edits = (kept + Array(group)).flatMap { candidates[$0] }.sorted { $0.range.start < $1.range.start }
                let trial = SourceFile(path: file.path, bytes: apply(edits, to: current.file.bytes))
                let parsed = DocumentParser.parse(trial, limits: options.limits)
                if syntaxErrors(parsed) <= before {
                    kept += Array(group)
                    next = (trial, parsed)
                } else if group.count > 1 {
                    let middle = group.lowerBound + group.count / 2
                    attempt(group.lowerBound..<middle)
                    attempt(middle..<group.upperBound)
                }
            }
            attempt(0..<candidates.count)
            guard let next, kept.contains(where: { !candidates[$0].isEmpty }) else { break }
            current = next
            fixed += kept.map { findings[$0] }
            report = Checker.check(current.file, parsed: current.parsed, options: options)
        }
        return Outcome(original: file, fixed: current.file.bytes, findings: fixed, report: report, originalReport: original)
    }

    /// The most parses one pass spends finding which fixes keep the syntax as good: the first
    /// parses all of them; the rest split a group that makes it worse.
    public static let maxTrials = 64

    /// Error-level findings of the parser alone (duplicate keys, aliases without an anchor, ...).
    static func syntaxErrors(_ parsed: ParseResult) -> Int {
        parsed.diagnostics.filter { $0.severity == .error }.count
    }

    /// The edits of each finding's safe fix-it in a file's report (one list per finding fixed,
    /// empty when another finding's fix makes the same edits), in file order, leaving out a
    /// fix-it whose edits overlap one already taken (the next pass sees it again). A YAML node's
    /// anchor and tag are kept: an edit starts after them. A fix on an alias (`*name`) is left
    /// out. Quoting a YAML 1.1-ambiguous scalar (LC1209) is made only where the document's kind
    /// is known and nothing else is found at that value (such as a boolean expected there, which
    /// quoting would turn into a string PyYAML reads as true).
    public static func edits(for report: FileReport, in file: SourceFile) -> (edits: [[TextEdit]], fixed: [Diagnostic]) {
        let known = !report.kinds.isEmpty && report.kinds.allSatisfy { $0 != nil && $0?.kind != .data }
        let elsewhere = Set(report.diagnostics.filter { $0.code != DiagnosticID.yaml11Ambiguity.code }.compactMap { $0.pointer?.description })
        let candidates = report.diagnostics.compactMap { d -> (Diagnostic, [TextEdit])? in
            guard d.span.file.path == file.path, let fix = d.fixIts.first(where: \.isSafe), !fix.edits.isEmpty,
                  fix.edits.allSatisfy({ $0.range.end <= file.bytes.count }) else { return nil }
            if d.code == DiagnosticID.yaml11Ambiguity.code && (!known || d.pointer.map { elsewhere.contains($0.description) } ?? true) { return nil }
            let edits = fix.edits.map { TextEdit(range: withoutProperties($0.range, in: file), replacement: $0.replacement) }
            if edits.contains(where: { $0.range.start < $0.range.end && file.bytes[$0.range.start] == UInt8(ascii: "*") }) { return nil }
            return (d, edits)
        }.sorted { ($0.1.map(\.range.start).min() ?? 0) < ($1.1.map(\.range.start).min() ?? 0) }
        // The edits taken so far, by where they start, to find a duplicate or an overlap by search.
        var taken: [TextEdit] = []
        func index(_ start: Int) -> Int {
            var lo = 0, hi = taken.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if taken[mid].range.start < start { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        func clash(_ edit: TextEdit) -> Bool {
            let i = index(edit.range.start)
            // Edits do not overlap one another, so only the neighbours can overlap this one.
            return (i > 0 && overlaps(taken[i - 1].range, edit.range)) || (i < taken.count && overlaps(taken[i].range, edit.range))
        }
        var out: [[TextEdit]] = []
        var fixed: [Diagnostic] = []
        for (diagnostic, edits) in candidates {
            let fresh = edits.filter { edit in
                let i = index(edit.range.start)
                return !(i < taken.count && taken[i] == edit)
            }
            guard !fresh.contains(where: clash) else { continue }
            for edit in fresh { taken.insert(edit, at: index(edit.range.start)) }
            out.append(fresh.sorted { $0.range.start < $1.range.start })
            fixed.append(diagnostic)
        }
        return (out, fixed)
    }

    /// `range` without the YAML properties before a node: an anchor (`&name`), a tag (`!tag`),
    /// the space after each, and a comment between them and the node.
    static func withoutProperties(_ range: SourceRange, in file: SourceFile) -> SourceRange {
        let bytes = file.bytes
        var i = range.start
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while i < range.end, bytes[i] == UInt8(ascii: "&") || bytes[i] == UInt8(ascii: "!") {
            while i < range.end, !isSpace(bytes[i]) { i += 1 }
            while i < range.end, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "#") {
                if bytes[i] == UInt8(ascii: "#") { while i < range.end, bytes[i] != 0x0A { i += 1 } } else { i += 1 }
            }
        }
        return SourceRange(start: i, end: range.end)
    }

    /// Two ranges overlap when they share a byte, or when both are insertions at one place.
    static func overlaps(_ a: SourceRange, _ b: SourceRange) -> Bool {
        if a.isEmpty && b.isEmpty { return a.start == b.start }
        return a.start < b.end && b.start < a.end
    }

    /// `bytes` with `edits` (sorted, not overlapping) applied.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var at = 0
        for edit in edits {
            out += bytes[at..<edit.range.start]
            out += edit.replacement.utf8
            at = edit.range.end
        }
        out += bytes[at...]
        return out
    }
}
