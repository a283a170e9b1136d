/// SARIF 2.1.0 (`--format sarif`), as GitHub code scanning and other SARIF viewers load it: one
/// run whose driver lists the rules the findings use (code, name, short and full description,
/// help with the catalog's bad and good examples), and one result per finding with its region
/// (1-based lines; columns in Unicode code points, end exclusive), its notes as related
/// locations, and its mechanical fix-its as `fixes`. Suppressed findings are results too, with
/// their `suppressions` (in source, or external for the project config) and justification, so
/// that code scanning shows them as dismissed rather than not at all.
public struct SARIFReporter: Reporter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var toolVersion: String

    public init(toolVersion: String) { self.toolVersion = toolVersion }

    public func render(_ report: RunReport) -> String {
        var cache = ConverterCache()
        // Each file's findings with the suppressed ones among them, in file order.
        let diagnostics: [(Diagnostic, SuppressedFinding?)] = report.files.flatMap { file in
            let all = file.diagnostics.map { ($0, SuppressedFinding?.none) } + file.suppressed.map { ($0.diagnostic, Optional($0)) }
            return DiagnosticCollector.sorted(all) { $0.0 }
        }
        var rules: [DiagnosticID] = []
        for (d, _) in diagnostics where !rules.contains(d.id) { rules.append(d.id) }
        rules.sort { $0.code < $1.code }
        var w = JSONTextWriter(indent: 2)
        w.beginObject()
        w.key("$schema"); w.string(Self.schema)
        w.key("version"); w.string("2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.key("name"); w.string("launchc")
        w.key("version"); w.string(toolVersion)
        w.key("rules")
        w.beginArray()
        for rule in rules { Self.write(rule, to: &w) }
        w.endArray()
        w.endObject()
        w.endObject()
        w.key("columnKind"); w.string("unicodeCodePoints")
        w.key("results")
        w.beginArray()
        for (d, suppression) in diagnostics {
            w.beginObject()
            w.key("ruleId"); w.string(d.code)
            w.key("ruleIndex"); w.integer(rules.firstIndex(of: d.id) ?? 0)
            w.key("level"); w.string(d.severity.rawValue)
            w.key("message")
            w.beginObject()
            w.key("text"); w.string(([d.message] + d.notes.filter { $0.span == nil }.map { "note: " + $0.message } + d.fixIts.map { "help: " + $0.message }).joined(separator: "\n"))
            w.endObject()
            w.key("locations")
            w.beginArray()
            Self.location(d.span, to: &w, cache: &cache)
            w.endArray()
            let related = d.notes.compactMap { note in note.span.map { (note.message, $0) } }
            if !related.isEmpty {
                w.key("relatedLocations")
                w.beginArray()
                for (index, (message, span)) in related.enumerated() { Self.location(span, id: index + 1, message: message, to: &w, cache: &cache) }
                w.endArray()
            }
            let fixes = d.fixIts.filter { !$0.edits.isEmpty }
            if !fixes.isEmpty {
                w.key("fixes")
                w.beginArray()
                for fix in fixes { Self.write(fix, file: d.span.file, to: &w, cache: &cache) }
                w.endArray()
            }
            if let suppression {
                w.key("suppressions")
                w.beginArray()
                w.beginObject()
                w.key("kind"); w.string(suppression.kind.rawValue)
                if let justification = suppression.justification { w.key("justification"); w.string(justification) }
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    static func write(_ rule: DiagnosticID, to w: inout JSONTextWriter) {
        w.beginObject()
        w.key("id"); w.string(rule.code)
        w.key("name"); w.string(rule.name)
        w.key("shortDescription"); text(rule.summary, to: &w)
        w.key("fullDescription"); text(rule.explanation, to: &w)
        w.key("help")
        w.beginObject()
        w.key("text"); w.string("\(rule.explanation)\n\nWith the problem:\n\(rule.bad)\nFixed:\n\(rule.good)")
        w.key("markdown"); w.string("\(rule.explanation)\n\nWith the problem:\n\n```\n\(rule.bad.trimmingNewlines())\n```\n\nFixed:\n\n```\n\(rule.good.trimmingNewlines())\n```")
        w.endObject()
        w.key("defaultConfiguration")
        w.beginObject()
        w.key("level"); w.string(rule.severity.rawValue)
        w.endObject()
        w.endObject()
    }

    static func text(_ s: String, to w: inout JSONTextWriter) {
        w.beginObject()
        w.key("text"); w.string(s)
        w.endObject()
    }

    static func location(_ span: SourceSpan, id: Int? = nil, message: String? = nil, to w: inout JSONTextWriter, cache: inout ConverterCache) {
        w.beginObject()
        if let id { w.key("id"); w.integer(id) }
        w.key("physicalLocation")
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject()
        w.key("uri"); w.string(uri(span.file.path))
        w.endObject()
        if let range = span.range {
            w.key("region")
            region(range, in: span.file, to: &w, cache: &cache)
        }
        w.endObject()
        if let message {
            w.key("message"); text(message, to: &w)
        }
        w.endObject()
    }

    static func region(_ range: SourceRange, in file: SourceFile, to w: inout JSONTextWriter, cache: inout ConverterCache) {
        let converter = cache.converter(for: file)
        let start = converter.location(of: range.start), end = converter.location(of: range.end)
        w.beginObject()
        w.key("startLine"); w.integer(start.line)
        w.key("startColumn"); w.integer(start.column)
        w.key("endLine"); w.integer(end.line)
        w.key("endColumn"); w.integer(end.column)
        w.endObject()
    }

    static func write(_ fix: FixIt, file: SourceFile, to w: inout JSONTextWriter, cache: inout ConverterCache) {
        w.beginObject()
        w.key("description"); text(fix.message, to: &w)
        w.key("artifactChanges")
        w.beginArray()
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject()
        w.key("uri"); w.string(uri(file.path))
        w.endObject()
        w.key("replacements")
        w.beginArray()
        for edit in fix.edits {
            w.beginObject()
            w.key("deletedRegion"); region(edit.range, in: file, to: &w, cache: &cache)
            w.key("insertedContent"); text(edit.replacement, to: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
    }

    /// A path as a URI reference: relative paths stay relative, absolute ones become `file://`
    /// URIs, and anything but unreserved characters and `/` is percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}

/// GitHub Actions workflow commands (`--format github`): one `::error`, `::warning` or
/// `::notice` line per finding, with its file, start and end, and the code as the title, so that
/// the findings show as annotations on the pull request's diff.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        var cache = ConverterCache()
        var out = ""
        for d in report.diagnostics {
            let command = d.severity == .note ? "notice" : d.severity.rawValue
            var properties = ["file=" + Self.property(d.span.file.path)]
            if let range = d.span.range {
                let converter = cache.converter(for: d.span.file)
                let start = converter.location(of: range.start), end = converter.location(of: range.end)
                properties += ["line=\(start.line)", "col=\(start.column)", "endLine=\(end.line)", "endColumn=\(end.column)"]
            }
            properties.append("title=" + Self.property("\(d.code) \(d.id.name)"))
            let text = ([d.message] + d.notes.map { "note: " + $0.message } + d.fixIts.map { "help: " + $0.message }).joined(separator: "\n")
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.data(text))\n"
        }
        return out
    }

    /// A command's message: `%`, CR and LF escaped.
    static func data(_ s: String) -> String { escape(s, property: false) }

    /// A property value: as `data`, and `:` and `,` too.
    static func property(_ s: String) -> String { escape(s, property: true) }

    static func escape(_ s: String, property: Bool) -> String {
        s.replacingScalars { c in
            switch c {
            case "%": return "%25"
            case "\r": return "%0D"
            case "\n": return "%0A"
            case ":" where property: return "%3A"
            case "," where property: return "%2C"
            default: return nil
            }
        }
    }
}

/// JUnit XML (`--format junit`), as CI systems show test results: one test case per file,
/// failing when the file has a finding that fails the run (an error, or a warning with
/// `--strict`); every finding of the file is in the failure's text or, when none fails, in the
/// case's `system-out`.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: RunReport) -> String {
        let failures = report.files.filter { file in file.unreadable || file.diagnostics.contains { $0.severity >= report.failing(file) } }.count
        var cache = ConverterCache()
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"launchc\" tests=\"\(report.files.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"launchc check\" tests=\"\(report.files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for file in report.files {
            out += "    <testcase classname=\"launchc\" name=\"\(Self.escape(file.path))\""
            guard !file.diagnostics.isEmpty else { out += "/>\n"; continue }
            out += ">\n"
            let lines = file.diagnostics.map { Self.line($0, cache: &cache) }.joined(separator: "\n")
            let failed = file.diagnostics.filter { $0.severity >= report.failing(file) }
            if file.unreadable || !failed.isEmpty {
                let first = failed.first ?? file.diagnostics[0]
                let count = max(failed.count, 1)
                out += "      <failure type=\"\(first.code)\" message=\"\(count) finding\(count == 1 ? "" : "s") that fail\(count == 1 ? "s" : ""): \(Self.escape(first.message))\">"
                out += Self.escape(lines) + "</failure>\n"
            } else {
                out += "      <system-out>" + Self.escape(lines) + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func line(_ d: Diagnostic, cache: inout ConverterCache) -> String {
        var place = d.span.file.path
        if let range = d.span.range {
            let location = cache.converter(for: d.span.file).location(of: range.start)
            place += ":\(location.line):\(location.column)"
        }
        return "\(place): \(d.severity.rawValue)[\(d.code)]: \(d.message)" + d.fixIts.map { "\n  help: " + $0.message }.joined()
    }

    /// Text as XML attribute or element content; characters XML 1.0 cannot hold become U+FFFD.
    static func escape(_ s: String) -> String {
        s.replacingScalars { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "\t", "\n", "\r": return nil
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: return "\u{FFFD}"
            default: return nil
            }
        }
    }
}

extension String {
    /// The string with each scalar `replacement` gives text for replaced by that text.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { out += text } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    func trimmingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
