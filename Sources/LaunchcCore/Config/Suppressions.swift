/// Inline suppressions in YAML comments:
///
/// ```yaml
/// # launchc: ignore[LC3101] the registry block is read by our own wrapper
/// registry: {url: ...}
/// OutputDataConfig: {...}  # launchc: ignore[LC3301, LC2003] migrated next sprint
/// ```
///
/// A suppression at the end of a line covers the findings that start on that line; one on a
/// line of its own covers the next line that is neither blank nor a comment (so several can be
/// stacked). Codes are listed by code or name. A suppression without a reason is a warning
/// (LC1501), one that silences nothing is a note (LC1502), and one that cannot be read is a
/// warning (LC1503). JSON has no comments, so JSON files have no suppressions.
enum Suppressions {
    struct Entry {
        /// The comment, from `#` to the end of the line.
        var comment: SourceRange
        var codes: [(id: DiagnosticID, range: SourceRange)]
        /// The 0-based line whose findings it silences.
        var line: Int
        /// The text after the codes (nil: none).
        var reason: String?
        var used: [Bool]
        /// The comment is the only thing on its line.
        var ownLine: Bool
    }

    /// The findings left once the file's suppressions have silenced theirs, plus the findings
    /// about the suppressions themselves, in file order.
    static func apply(_ diagnostics: [Diagnostic], to parsed: ParseResult) -> (kept: [Diagnostic], suppressed: [SuppressedFinding]) {
        guard parsed.format == .yaml else { return (diagnostics, []) }
        let file = parsed.file
        let candidates = Self.candidates(in: file.bytes)
        guard !candidates.isEmpty else { return (diagnostics, []) }
        let scalars = ScalarCover(Self.scalarRanges(parsed.documents))
        let lines = SourceLocationConverter(file: file)
        var problems: [Diagnostic] = []
        var entries: [Entry] = []
        for hash in candidates where !scalars.covers(hash) {
            switch parse(comment: hash, in: file, lines: lines) {
            case .entry(let entry, let unknown):
                if !entry.codes.isEmpty { entries.append(entry) }
                problems += unknown
            case .malformed(let problem):
                problems.append(problem)
            case .notSuppression:
                continue
            }
        }
        var kept: [Diagnostic] = []
        var suppressed: [SuppressedFinding] = []
        var entriesByLine: [Int: [Int]] = [:]
        for e in entries.indices { entriesByLine[entries[e].line, default: []].append(e) }
        for diagnostic in diagnostics {
            guard diagnostic.span.file === file, let range = diagnostic.span.range, range.start <= file.bytes.count else {
                kept.append(diagnostic)
                continue
            }
            let line = lines.lineIndex(of: range.start)
            var silencer: Entry?
            for e in entriesByLine[line] ?? [] {
                for c in entries[e].codes.indices where entries[e].codes[c].id == diagnostic.id {
                    entries[e].used[c] = true
                    silencer = silencer ?? entries[e]
                }
            }
            if let silencer {
                suppressed.append(SuppressedFinding(diagnostic: diagnostic, kind: .inSource, justification: silencer.reason))
            } else {
                kept.append(diagnostic)
            }
        }
        for entry in entries {
            let names = entry.codes.map(\.id.code).joined(separator: ", ")
            let span = SourceSpan(file: file, range: entry.comment)
            if entry.reason == nil {
                problems.append(Diagnostic(.suppressionWithoutReason, "the suppression of \(names) gives no reason", at: span,
                    fixIts: [FixIt("say why after the codes, as in '# launchc: ignore[\(names)] the agent reads this key from our wrapper'")]))
            }
            let unused = entry.codes.indices.filter { !entry.used[$0] }
            guard !unused.isEmpty else { continue }
            let what = unused.map { entry.codes[$0].id.code }.joined(separator: ", ")
            let removal: [TextEdit] = unused.count == entry.codes.count ? [removalEdit(entry, file: file, lines: lines)] : []
            problems.append(Diagnostic(.suppressionUnused, "nothing on line \(entry.line + 1) is \(what), so the suppression silences nothing",
                at: SourceSpan(file: file, range: unused.count == entry.codes.count ? entry.comment : entry.codes[unused[0]].range),
                fixIts: [FixIt(removal.isEmpty ? "remove \(what) from the list" : "remove the comment", edits: removal)]))
        }
        return (DiagnosticCollector.sorted(kept + problems), suppressed)
    }

    enum Parsed {
        case entry(Entry, unknown: [Diagnostic])
        case malformed(Diagnostic)
        case notSuppression
    }

    /// Offsets of each `#` that opens a comment starting `launchc: ignore` (by bytes; whether
    /// it sits inside a quoted or block scalar is decided by the caller).
    static func candidates(in bytes: [UInt8]) -> [Int] {
        let word = Array("launchc:".utf8)
        var found: [Int] = []
        var i = 0
        while let start = ByteSearch.firstIndex(of: word, in: bytes, from: i) {
            i = start + word.count
            var after = i
            while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            guard bytes[after...].starts(with: "ignore".utf8) else { continue }
            var hash = start - 1
            while hash >= 0 && (bytes[hash] == 0x20 || bytes[hash] == 0x09) { hash -= 1 }
            guard hash >= 0, bytes[hash] == 0x23 else { continue }  // '#'
            // A '#' opens a comment at the start of a line or after white space.
            if hash == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[hash - 1]) { found.append(hash) }
        }
        return found
    }

    /// Whether an offset lies inside any of a set of ranges, by binary search: the ranges
    /// sorted by start, with the furthest end reached so far.
    struct ScalarCover {
        private var starts: [Int] = []
        private var furthest: [Int] = []

        init(_ ranges: [SourceRange]) {
            var end = Int.min
            for range in ranges.sorted(by: { $0.start < $1.start }) {
                end = max(end, range.end)
                starts.append(range.start)
                furthest.append(end)
            }
        }

        func covers(_ offset: Int) -> Bool {
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && furthest[lo - 1] > offset
        }
    }

    /// The ranges of string scalars and keys, inside which a '#' is text, not a comment.
    static func scalarRanges(_ documents: [ParsedDocument]) -> [SourceRange] {
        var out: [SourceRange] = []
        func visit(_ node: Node) {
            switch node.value {
            case .string: out.append(node.range)
            case .array(let items): items.forEach(visit)
            case .object(let members):
                for member in members {
                    out.append(member.keyRange)
                    visit(member.value)
                }
            default: break
            }
        }
        documents.forEach { visit($0.root) }
        return out
    }

    static func parse(comment hash: Int, in file: SourceFile, lines: SourceLocationConverter) -> Parsed {
        let bytes = file.bytes
        let lineIndex = lines.lineIndex(of: hash)
        let content = lines.contentRange(ofLine: lineIndex)
        let comment = SourceRange(start: hash, end: content.upperBound)
        let text = Array(bytes[hash..<content.upperBound])
        let span = SourceSpan(file: file, range: comment)
        // '#', blanks, 'launchc:', blanks, 'ignore'
        var i = 1
        func skipBlanks() { while i < text.count && (text[i] == 0x20 || text[i] == 0x09) { i += 1 } }
        skipBlanks()
        i += "launchc:".utf8.count
        skipBlanks()
        i += "ignore".utf8.count
        guard i < text.count, text[i] == 0x5B else {  // '['
            // 'launchc: ignored', say, is not a suppression; 'launchc: ignore LC2003' is a bad one.
            if i < text.count, text[i] != 0x20 && text[i] != 0x09 { return .notSuppression }
            return .malformed(Diagnostic(.suppressionMalformed, "a suppression names its codes in brackets", at: span,
                fixIts: [FixIt("write it as '# launchc: ignore[LC2003] reason'")]))
        }
        guard let close = text[i...].firstIndex(of: 0x5D) else {  // ']'
            return .malformed(Diagnostic(.suppressionMalformed, "the suppression's list of codes has no closing ']'", at: span,
                fixIts: [FixIt("write it as '# launchc: ignore[LC2003] reason'")]))
        }
        var codes: [(id: DiagnosticID, range: SourceRange)] = []
        var unknown: [Diagnostic] = []
        var itemStart = i + 1
        for j in (i + 1)...close where j == close || text[j] == 0x2C {  // ','
            var (a, b) = (itemStart, j)
            while a < b && (text[a] == 0x20 || text[a] == 0x09) { a += 1 }
            while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09) { b -= 1 }
            itemStart = j + 1
            guard a < b else { continue }
            let name = String(decoding: text[a..<b], as: UTF8.self)
            let range = SourceRange(start: hash + a, end: hash + b)
            if let id = DiagnosticID.lookup(name) {
                codes.append((id, range))
            } else {
                unknown.append(Diagnostic(.suppressionMalformed, "'\(name)' is not a launchc code", at: SourceSpan(file: file, range: range),
                    fixIts: [FixIt("'launchc explain' lists the codes")]))
            }
        }
        if codes.isEmpty && unknown.isEmpty {
            return .malformed(Diagnostic(.suppressionMalformed, "the suppression names no code", at: span,
                fixIts: [FixIt("write it as '# launchc: ignore[LC2003] reason'")]))
        }
        let after = String(decoding: text[(close + 1)...], as: UTF8.self).trimmingSpaces()
        let ownLine = bytes[content.lowerBound..<hash].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        var target = lineIndex
        if ownLine {
            // The next line that holds content: neither blank nor a comment.
            target += 1
            while target < lines.lineStarts.count {
                let next = lines.contentRange(ofLine: target)
                let first = bytes[next].first { $0 != 0x20 && $0 != 0x09 }
                if let first, first != 0x23 { break }
                target += 1
            }
        }
        return .entry(Entry(comment: comment, codes: codes, line: target, reason: after.isEmpty ? nil : after,
                            used: Array(repeating: false, count: codes.count), ownLine: ownLine), unknown: unknown)
    }

    /// The edit that removes a suppression: its whole line when it stands alone, else the
    /// comment and the blanks before it.
    static func removalEdit(_ entry: Entry, file: SourceFile, lines: SourceLocationConverter) -> TextEdit {
        let line = lines.lineIndex(of: entry.comment.start)
        if entry.ownLine {
            let end = line + 1 < lines.lineStarts.count ? lines.lineStarts[line + 1] : entry.comment.end
            return TextEdit(range: SourceRange(start: lines.lineStarts[line], end: end), replacement: "")
        }
        var start = entry.comment.start
        while start > lines.lineStarts[line] && (file.bytes[start - 1] == 0x20 || file.bytes[start - 1] == 0x09) { start -= 1 }
        return TextEdit(range: SourceRange(start: start, end: entry.comment.end), replacement: "")
    }
}
