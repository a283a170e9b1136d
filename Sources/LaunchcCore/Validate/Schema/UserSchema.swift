#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Why a `--schema` file cannot be used, as findings.
public struct SchemaLoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

/// A user's own schema (`check --schema FILE`), such as an organisation's policy on instance
/// types, compiled once and applied to every document checked.
public struct UserSchema: Sendable {
    /// The path as given, used to name the schema in findings.
    public let name: String
    public let set: SchemaSet
    public let root: Int
    /// The limits its validators apply (`--limit pattern-steps`, `schema-depth`, `schema-steps`).
    public let limits: Limits

    /// Reads and compiles a schema file (YAML or JSON). Relative `$ref`s load files beside it;
    /// the bundled schemas (the 2020-12 metaschemas among them) are served by their `$id`.
    /// On failure, the findings say why, with positions in the schema file where there are some.
    /// - Parameter name: how findings name the schema; the path by default.
    public static func load(path: String, name: String? = nil, limits: Limits = .default) -> Result<UserSchema, SchemaLoadFailure> {
        let file: SourceFile
        switch Checker.read(.file(path), limits: limits) {
        case .failure(let report): return .failure(SchemaLoadFailure(diagnostics: report.diagnostics))
        case .success(let read): file = SourceFile(path: name ?? path, bytes: read.bytes)
        }
        return load(file, uri: fileURI(for: path), limits: limits)
    }

    /// Compiles a schema already in memory (an editor's buffer, a generated schema), named by
    /// `file.path` and known by `uri`, against which its relative `$ref`s resolve (`file://`
    /// ones are read from disk).
    public static func load(_ file: SourceFile, uri: String, limits: Limits = .default) -> Result<UserSchema, SchemaLoadFailure> {
        let parsed = DocumentParser.parse(file, limits: limits)
        if parsed.diagnostics.contains(where: { $0.severity == .error }) { return .failure(SchemaLoadFailure(diagnostics: parsed.diagnostics)) }
        guard let document = parsed.documents.first?.root else { return .failure(SchemaLoadFailure(diagnostics: parsed.diagnostics)) }
        var compiler = SchemaCompiler(loader: { requested in
            if let bundled = BundledSchemas.document(id: requested) { return bundled }
            guard requested.hasPrefix("file://"),
                  case .success(let other) = InputReader.read(path: String(requested.dropFirst("file://".count)), limits: limits) else { return nil }
            return DocumentParser.parse(other, limits: limits).documents.first?.root
        })
        let root = compiler.add(document, uri: uri)
        compiler.finish()
        guard compiler.errors.isEmpty else {
            let place = SchemaPlace(file: file, document: document, uri: uri)
            return .failure(SchemaLoadFailure(diagnostics: DiagnosticCollector.sorted(compiler.errors.map { error in
                var notes = place.notes(for: error.location)
                for note in error.notes {
                    if let location = note.location, let span = place.span(of: location) {
                        notes.append(Note(note.message, at: span))
                    } else {
                        notes.append(Note(note.message + (note.location.map { " (\($0.document)#\($0.pointer))" } ?? "")))
                    }
                }
                return Diagnostic(error.kind == .cycle ? .schemaCycle : .schemaInvalid, error.message,
                                  at: SourceSpan(file: file, range: place.span(of: error.location)?.range),
                                  pointer: error.location.document == uri ? error.location.pointer : nil, notes: notes)
            })))
        }
        return .success(UserSchema(name: file.path, file: file, document: document, uri: uri, set: compiler.set, root: root, limits: limits))
    }

    /// The schema's own file, parsed, for findings about the schema itself (a cycle that only
    /// a document reveals).
    let place: SchemaPlace

    init(name: String, file: SourceFile, document: Node, uri: String, set: SchemaSet, root: Int, limits: Limits) {
        self.name = name
        self.set = set
        self.root = root
        self.limits = limits
        self.place = SchemaPlace(file: file, document: document, uri: uri)
    }

    /// A validator for this schema, to use for every document of one file.
    public func validator() -> SchemaValidator { SchemaValidator(set, limits: limits) }

    /// The findings of one document against this schema (with a validator from `validator()`,
    /// shared by the documents of one file).
    public func check(_ document: ParsedDocument, in file: SourceFile, with validator: SchemaValidator? = nil) -> [Diagnostic] {
        let validator = validator ?? self.validator()
        let failures = validator.validate(document.root, against: root)
        let diagnose = SchemaDiagnostics(set: set, file: file, root: document.root, schemaName: name)
        if let stop = validator.stopped { return [diagnose.diagnostic(for: stop, schema: place)] }
        var diagnostics = diagnose.diagnose(failures)
        // A value the same pattern left undecided on several paths (anyOf branches) is told once.
        var told = Set<String>()
        for undecided in validator.undecided where told.insert("\(undecided.range.start):\(undecided.message)").inserted {
            diagnostics.append(Diagnostic(
                .schemaPatternTooCostly, undecided.message, at: SourceSpan(file: file, range: undecided.range), pointer: undecided.pointer,
                notes: [Note("in \(name)#\(set.nodes[undecided.schema].location.pointer)/\(undecided.keyword)")],
                fixIts: [FixIt("rewrite the pattern without nested quantifiers, or raise the budget with --limit pattern-steps=N")]))
        }
        return diagnostics
    }

    static func fileURI(for path: String) -> String {
        if path.hasPrefix("/") { return "file://" + path }
        var buffer = [CChar](repeating: 0, count: 4096)
        let cwd = getcwd(&buffer, buffer.count).map { _ in buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } } ?? "."
        return "file://" + URIReference.removeDotSegments(cwd + "/" + path)
    }
}

/// A schema's own file and parsed document: where a location in it is, for findings about the schema.
struct SchemaPlace: Sendable {
    let file: SourceFile
    let document: Node
    /// The URI the schema was compiled under; locations in other documents have no place here.
    let uri: String

    /// The place of a location in this file, or nil when it is in another document.
    func span(of location: SchemaLocation) -> SourceSpan? {
        guard location.document == uri else { return nil }
        return SourceSpan(file: file, range: document.resolve(location.pointer)?.range)
    }

    /// A note naming a location in another document (none for this one's).
    func notes(for location: SchemaLocation) -> [Note] {
        location.document == uri ? [] : [Note("in \(location.document)#\(location.pointer)")]
    }
}
