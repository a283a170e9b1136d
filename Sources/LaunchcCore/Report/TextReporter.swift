/// Compiler-style text: a `path:line:column: severity[CODE]: message` header, the source line
/// with the offending range underlined, then notes and help.
///
/// ```
/// queues/vertex.yaml:7:9: error[LC2104]: key 'workerPoolSpecs' must be snake_case
///    7 |         workerPoolSpecs:
///      |         ^~~~~~~~~~~~~~~
///      = help: rename it to 'worker_pool_specs'
/// ```
public struct TextReporter: Reporter {
    public var style: ReportStyle

    public init(style: ReportStyle = ReportStyle()) { self.style = style }

    public func render(_ report: RunReport) -> String {
        var out = ""
        var cache = ConverterCache()
        var any = false
        for file in report.files {
            let shown = report.shown(file, style)
            any = any || !shown.isEmpty
            for diagnostic in shown.prefix(style.maxPerFile) { render(diagnostic, into: &out, cache: &cache) }
            if shown.count > style.maxPerFile { out += omitted(shown.dropFirst(style.maxPerFile), in: file.path) }
        }
        if !style.quiet && (any || (style.summarisesCleanRuns && !report.files.isEmpty)) {
            out += summary(report)
        }
        return out
    }

    /// The line that stands for the findings of a file past `maxPerFile`: how many, by code.
    private func omitted(_ rest: ArraySlice<Diagnostic>, in path: String) -> String {
        var counts: [String: (severity: Severity, count: Int)] = [:]
        for d in rest { counts[d.code, default: (d.severity, 0)].count += 1 }
        let parts = counts.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .map { "\(Limits.grouped($0.value.count)) \($0.value.severity.rawValue)[\($0.key)]" }
        let color = Palette(enabled: style.color)
        return "\(color.bold(path + ":")) and \(Limits.grouped(rest.count)) more finding\(rest.count == 1 ? "" : "s") (\(parts.joined(separator: ", "))); --format json lists them all\n\n"
    }

    /// The findings alone, without a summary line.
    public func renderDiagnostics(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        var cache = ConverterCache()
        for diagnostic in diagnostics {
            render(diagnostic, into: &out, cache: &cache)
        }
        return out
    }

    func render(_ diagnostic: Diagnostic, into out: inout String, cache: inout ConverterCache) {
        let color = Palette(enabled: style.color)
        if diagnostic.span.isInvocation {
            // About the command line, not a file: one line, as the tool's own messages read.
            out += "\(color.bold("launchc:")) \(color.severity(diagnostic.severity.rawValue, diagnostic.severity.rawValue)): \(diagnostic.message)\n"
            for fix in diagnostic.fixIts { out += "  = \(color.bold("help")): \(fix.message)\n" }
            return
        }
        header(diagnostic.span, severity: diagnostic.severity.rawValue, code: diagnostic.code, message: diagnostic.message,
               into: &out, cache: &cache, color: color)
        let gutter = gutterWidth(for: [diagnostic.span] + diagnostic.notes.compactMap(\.span), cache: &cache)
        if diagnostic.id.showsExcerpt {
            excerpt(diagnostic.span, severity: diagnostic.severity, gutter: gutter, into: &out, cache: &cache, color: color)
        }
        let pad = String(repeating: " ", count: gutter + 2)
        for note in diagnostic.notes where note.span == nil {
            out += "\(pad)= \(color.bold("note")): \(note.message)\n"
        }
        for fix in diagnostic.fixIts {
            out += "\(pad)= \(color.bold("help")): \(fix.message)\n"
        }
        for note in diagnostic.notes {
            guard let span = note.span else { continue }
            header(span, severity: "note", code: nil, message: note.message, into: &out, cache: &cache, color: color)
            excerpt(span, severity: .note, gutter: gutter, into: &out, cache: &cache, color: color)
        }
        out += "\n"
    }

    private func header(_ span: SourceSpan, severity: String, code: String?, message: String,
                        into out: inout String, cache: inout ConverterCache, color: Palette) {
        var place = span.file.path
        if let range = span.range {
            let location = cache.converter(for: span.file).location(of: range.start)
            place += ":\(location.line):\(location.column)"
        }
        let label = code.map { "\(severity)[\($0)]" } ?? severity
        out += "\(color.bold(place + ":")) \(color.severity(severity, label)): \(color.bold(message))\n"
    }

    private func gutterWidth(for spans: [SourceSpan], cache: inout ConverterCache) -> Int {
        var widest = 3
        for span in spans {
            guard let range = span.range else { continue }
            let line = cache.converter(for: span.file).location(of: range.start).line
            widest = max(widest, String(line).count)
        }
        return widest
    }

    private func excerpt(_ span: SourceSpan, severity: Severity, gutter: Int,
                         into out: inout String, cache: inout ConverterCache, color: Palette) {
        guard let range = span.range, !span.file.bytes.isEmpty else { return }
        let converter = cache.converter(for: span.file)
        let lineIndex = converter.lineIndex(of: range.start)
        let excerpt = Excerpt(cache.cells(ofLine: lineIndex, in: span.file), highlight: range.start..<max(range.end, range.start))
        let number = String(lineIndex + 1)
        let blank = String(repeating: " ", count: gutter)
        out += " \(String(repeating: " ", count: gutter - number.count))\(color.gutter(number + " |")) \(excerpt.text)\n"
        let marker = "^" + String(repeating: "~", count: max(excerpt.markerWidth - 1, 0))
        out += " \(blank) \(color.gutter("|")) \(String(repeating: " ", count: excerpt.markerColumn))\(color.severity(severity.rawValue, marker))\n"
    }

    private func summary(_ report: RunReport) -> String {
        var parts: [String] = []
        for severity in [Severity.error, .warning, .note] {
            let n = report.count(severity)
            if n > 0 { parts.append("\(n) \(severity.rawValue)\(n == 1 ? "" : "s")") }
        }
        let suppressed = report.suppressedCount
        if suppressed > 0 { parts.append("\(suppressed) suppressed") }
        let files = report.files.count
        return "checked \(files) file\(files == 1 ? "" : "s"): \(parts.isEmpty ? "no findings" : parts.joined(separator: ", "))\n"
    }
}

/// One source line as display cells, made once per line however many findings it has: each
/// scalar's byte offset and first cell (a tab is `Excerpt.tabWidth` cells, a control character
/// one U+FFFD).
struct LineCells {
    var scalars: [Unicode.Scalar] = []
    /// The byte offset in the file of each scalar, and one past the last.
    var offsets: [Int] = []
    /// The first cell of each scalar, and the number of cells.
    var cellStarts: [Int] = []

    /// A line of printable ASCII without tabs, where each byte is one cell: kept as its bytes
    /// alone, so that a 10 MB line of minified JSON costs no tables (nil for any other line).
    var ascii: ArraySlice<UInt8>?
    var asciiStart = 0

    init(line: ArraySlice<UInt8>, lineStart: Int) {
        if line.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            ascii = line
            asciiStart = lineStart
            return
        }
        var offset = lineStart
        var cell = 0
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            cellStarts.append(cell)
            cell += Self.width(of: scalar)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        cellStarts.append(cell)
    }

    /// The terminal cells a scalar takes: a tab its stop, East Asian wide and fullwidth
    /// characters and emoji two, combining marks and zero-width formats none, others one.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0x09 { return Excerpt.tabWidth }
        if v < 0x300 || isDirectionControl(v) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format where v != 0xAD: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// The invisible text-direction controls (LC1106), shown as U+FFFD: printed as they are,
    /// they would reorder the excerpt itself in the terminal.
    static func isDirectionControl(_ v: UInt32) -> Bool {
        (0x200E...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x061C
    }

    /// The East Asian Wide and Fullwidth blocks (UAX #11): Hangul Jamo, CJK, kana, Hangul
    /// syllables, compatibility ideographs, fullwidth forms and the supplementary ideographs.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    var cellCount: Int { ascii?.count ?? cellStarts[cellStarts.count - 1] }
    var end: Int { ascii.map { asciiStart + $0.count } ?? offsets[offsets.count - 1] }

    /// The first cell of the scalar that starts at byte `offset`, if one does.
    func cell(at offset: Int) -> Int? {
        if let ascii { return offset >= asciiStart && offset < asciiStart + ascii.count ? offset - asciiStart : nil }
        var lo = 0
        var hi = scalars.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < scalars.count && offsets[lo] == offset ? cellStarts[lo] : nil
    }

    /// The text of cells `first..<last` (part of a tab when the window cuts one).
    func text(cells first: Int, _ last: Int) -> String {
        if let ascii {
            let from = ascii.startIndex + max(0, first), to = ascii.startIndex + min(ascii.count, last)
            return from < to ? String(decoding: ascii[from..<to], as: UTF8.self) : ""
        }
        var out: [UInt8] = []
        out.reserveCapacity(last - first)
        var i = 0
        var lo = 0
        var hi = scalars.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cellStarts[mid + 1] <= first { lo = mid + 1 } else { hi = mid }
        }
        i = lo
        while i < scalars.count && cellStarts[i] < last {
            let scalar = scalars[i]
            switch scalar.value {
            case 0x09:
                let shown = min(cellStarts[i + 1], last) - max(cellStarts[i], first)
                out.append(contentsOf: repeatElement(0x20, count: shown))
            case 0..<0x20, 0x7F, 0x80..<0xA0: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            case _ where Self.isDirectionControl(scalar.value): out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case 0..<0x80: out.append(UInt8(scalar.value))
            default: out.append(contentsOf: UTF8.encode(scalar)!)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One source line prepared for display: tabs expanded, control characters made visible,
/// very long lines cut to a window around the highlight, and where the marker goes.
struct Excerpt {
    static let maxWidth = 120
    static let tabWidth = 4

    var text: String
    var markerColumn: Int
    var markerWidth: Int

    init(line: ArraySlice<UInt8>, lineStart: Int, highlight: Range<Int>) {
        self.init(LineCells(line: line, lineStart: lineStart), highlight: highlight)
    }

    init(_ cells: LineCells, highlight: Range<Int>) {
        // A highlight boundary inside a scalar counts as the end of the line, as before.
        let total = cells.cellCount
        let start = cells.cell(at: highlight.lowerBound) ?? total
        // A highlight that reaches the end of the line (or runs past it) ends at its last cell.
        let end = highlight.upperBound >= cells.end ? total : (cells.cell(at: highlight.upperBound) ?? start)
        var width = max(end - start, 1)
        var first = 0
        var last = total
        var prefix = ""
        var suffix = ""
        if total > Self.maxWidth {
            // Keep the highlight in view with some context before it.
            first = max(0, min(start - 40, total - Self.maxWidth))
            last = min(total, first + Self.maxWidth)
            if first > 0 { prefix = "…" }
            if last < total { suffix = "…" }
            width = max(1, min(width, last - start))
        }
        text = prefix + cells.text(cells: first, last) + suffix
        markerColumn = start - first + (prefix.isEmpty ? 0 : 1)
        markerWidth = width
    }
}

/// ANSI styling, or none.
struct Palette {
    var enabled: Bool

    func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { wrap("1", text) }
    func gutter(_ text: String) -> String { wrap("1;34", text) }
    func severity(_ severity: String, _ text: String) -> String {
        switch severity {
        case "error": return wrap("1;31", text)
        case "warning": return wrap("1;33", text)
        default: return wrap("1;36", text)
        }
    }
}
