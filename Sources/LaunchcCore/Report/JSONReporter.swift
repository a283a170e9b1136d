/// The machine-readable report (`--format json`), version 1. The shape is documented in the
/// docs/commands.md ("JSON output") and pinned by a golden test; fields are only ever added.
public struct JSONReporter: Reporter {
    public static let version = 1

    public init() {}

    public func render(_ report: RunReport) -> String {
        var cache = ConverterCache()
        var w = JSONTextWriter(indent: 2)
        w.beginObject()
        w.key("version"); w.integer(Self.version)
        w.key("summary")
        w.beginObject()
        w.key("files"); w.integer(report.files.count)
        w.key("errors"); w.integer(report.count(.error))
        w.key("warnings"); w.integer(report.count(.warning))
        w.key("notes"); w.integer(report.count(.note))
        w.key("suppressed"); w.integer(report.suppressedCount)
        w.key("exitCode"); w.integer(report.exitCode)
        w.endObject()
        w.key("files")
        w.beginArray()
        for file in report.files {
            w.beginObject()
            w.key("path"); w.string(file.path)
            w.key("format"); w.string(file.format?.rawValue)
            w.key("documents"); w.integer(file.documentCount)
            w.key("kinds")
            w.beginArray()
            for kind in file.kinds {
                if let kind {
                    w.beginObject()
                    w.key("kind"); w.string(kind.kind.rawValue)
                    w.key("resource"); w.string(kind.resource?.rawValue)
                    w.key("origin"); w.string(kind.origin)
                    w.endObject()
                } else {
                    w.null()
                }
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("diagnostics")
        w.beginArray()
        for diagnostic in report.diagnostics { Self.write(diagnostic, to: &w, cache: &cache) }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    static func write(_ d: Diagnostic, to w: inout JSONTextWriter, cache: inout ConverterCache) {
        w.beginObject()
        w.key("file"); w.string(d.span.file.path)
        w.key("severity"); w.string(d.severity.rawValue)
        w.key("code"); w.string(d.code)
        w.key("name"); w.string(d.id.name)
        w.key("message"); w.string(d.message)
        w.key("range"); writeRange(d.span, to: &w, cache: &cache)
        w.key("pointer"); w.string(d.pointer?.description)
        w.key("notes")
        w.beginArray()
        for note in d.notes {
            w.beginObject()
            w.key("message"); w.string(note.message)
            w.key("file"); w.string(note.span?.file.path)
            w.key("range")
            if let span = note.span { writeRange(span, to: &w, cache: &cache) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        w.key("fixes")
        w.beginArray()
        for fix in d.fixIts {
            w.beginObject()
            w.key("message"); w.string(fix.message)
            w.key("edits")
            w.beginArray()
            for edit in fix.edits {
                w.beginObject()
                w.key("range"); writeRange(SourceSpan(file: d.span.file, range: edit.range), to: &w, cache: &cache)
                w.key("replacement"); w.string(edit.replacement)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// `{"start": {"line", "column", "offset"}, "end": {...}}`, or null for a whole-file finding.
    static func writeRange(_ span: SourceSpan, to w: inout JSONTextWriter, cache: inout ConverterCache) {
        guard let range = span.range else { w.null(); return }
        let converter = cache.converter(for: span.file)
        w.beginObject()
        for (name, offset) in [("start", range.start), ("end", range.end)] {
            let location = converter.location(of: offset)
            w.key(name)
            w.beginObject()
            w.key("line"); w.integer(location.line)
            w.key("column"); w.integer(location.column)
            w.key("offset"); w.integer(location.offset)
            w.endObject()
        }
        w.endObject()
    }
}
