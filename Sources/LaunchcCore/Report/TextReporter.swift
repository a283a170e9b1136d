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
        let shown = report.shown(style)
        var out = renderDiagnostics(shown)
        if !style.quiet && !shown.isEmpty {
            out += summary(report)
        }
        return out
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
        let content = converter.contentRange(ofLine: lineIndex)
        let excerpt = Excerpt(line: span.file.bytes[content], lineStart: content.lowerBound,
                              highlight: range.start..<max(range.end, range.start))
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
        return "checked \(files) file\(files == 1 ? "" : "s"): \(parts.joined(separator: ", "))\n"
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
        // Display cells for each Unicode scalar of the line, and where the highlight falls.
        var cells: [String] = []
        var highlightStart: Int?
        var highlightEnd: Int?
        var offset = lineStart
        let decoded = String(decoding: line, as: UTF8.self)
        for scalar in decoded.unicodeScalars {
            if offset == highlight.lowerBound { highlightStart = cells.count }
            if offset == highlight.upperBound { highlightEnd = cells.count }
            switch scalar.value {
            case 0x09: cells.append(contentsOf: repeatElement(" ", count: Self.tabWidth))
            case 0..<0x20, 0x7F, 0x80..<0xA0: cells.append("\u{FFFD}")
            default: cells.append(String(scalar))
            }
            // A scalar is one or more cells; the highlight boundaries above are at its first.
            offset += String(scalar).utf8.count
        }
        let start = highlightStart ?? cells.count
        // A highlight that reaches the end of the line (or runs past it) ends at its last cell.
        let end = highlight.upperBound >= offset ? cells.count : (highlightEnd ?? start)
        var width = max(end - start, 1)
        var first = 0
        var last = cells.count
        var prefix = ""
        var suffix = ""
        if cells.count > Self.maxWidth {
            // Keep the highlight in view with some context before it.
            first = max(0, min(start - 40, cells.count - Self.maxWidth))
            last = min(cells.count, first + Self.maxWidth)
            if first > 0 { prefix = "…" }
            if last < cells.count { suffix = "…" }
            width = max(1, min(width, last - start))
        }
        text = prefix + cells[first..<last].joined() + suffix
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
