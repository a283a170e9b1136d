/// What `launchc parse` is asked to do.
public struct ParseRequest: Sendable, Equatable {
    /// The file: a path, `-` for standard input.
    public var file = ""
    /// The file already in memory, instead of reading `file`.
    public var buffer: InputBuffer?
    public var allDocuments = false
    public var compact = false
    public var input = InputOptions()

    public init() {}
}

/// `parse`: read → parse → emit the document as canonical JSON.
public enum ParsePipeline {
    public static func run(_ request: ParseRequest, environment: RunEnvironment) -> Outcome {
        var outcome = Outcome()
        let style = environment.style(.standardError, mode: request.input.color)
        let limits = request.input.limits
        let input: Input = request.buffer.map { .memory($0.file) } ?? request.input.input(request.file)
        guard let source = RenderPipeline.read(input, limits: limits, style: style, into: &outcome) else { return outcome }
        let parsed = DocumentParser.parse(source, limits: limits)
        var diagnostics = parsed.diagnostics
        let documents = request.allDocuments ? parsed.documents : Array(parsed.documents.prefix(1))
        for document in documents {
            diagnostics += CanonicalJSON.nonFiniteFindings(in: document.root, file: source)
        }
        if parsed.documents.count > 1 && !request.allDocuments {
            let converter = SourceLocationConverter(file: source)
            let lines = parsed.documents.map { String(converter.location(of: $0.start).line) }
            outcome.write("launchc: note: '\(source.path)' holds \(parsed.documents.count) documents (at lines \(lines.joined(separator: ", "))); "
                          + "printing the first (--all-documents prints all)\n", to: .standardError)
        }
        let sorted = DiagnosticCollector.sorted(diagnostics)
        outcome.report(sorted, style: style)
        if sorted.contains(where: { $0.severity == .error }) {
            outcome.status = 1
            return outcome
        }
        let root = request.allDocuments ? Node(.array(documents.map(\.root)), range: .at(0)) : documents.first?.root
        if let root { outcome.write(CanonicalJSON.string(root, indent: request.compact ? nil : 2) + "\n") }
        return outcome
    }
}

/// `launchc schema`: a bundled schema's text, or the list of them.
public enum SchemaPipeline {
    /// What is wrong with the request (LC1901): a name and --list, neither, or an unknown name.
    public static func problems(name: String?, list: Bool) -> [Diagnostic] {
        let problem: String? = if list && name != nil { "give a schema name or --list, not both" }
            else if !list && name == nil { "give a schema name, or --list to see them" }
            else if let name, BundledSchemas.text(named: name) == nil { "no bundled schema is named '\(name)'; 'launchc schema --list' shows them" }
            else { nil }
        return problem.map { [Diagnostic(.usageError, $0, at: .invocation)] } ?? []
    }

    public static func run(name: String?, list: Bool) -> Outcome {
        var outcome = Outcome()
        if let problem = problems(name: name, list: list).first {
            outcome.fail(problem, style: ReportStyle())
        } else if list {
            let catalog = BundledSchemas.catalog
            let width = catalog.map(\.name.count).max() ?? 0
            outcome.write(catalog.map { $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.id + "\n" }.joined())
        } else if let name, let text = BundledSchemas.text(named: name) {
            outcome.write(text + "\n")
        }
        return outcome
    }
}

/// `launchc explain`: what a code means, or every code.
public enum ExplainPipeline {
    public static func problems(code: String?) -> [Diagnostic] {
        guard let code, DiagnosticID.lookup(code) == nil else { return [] }
        return [Diagnostic(.usageError, "unknown diagnostic code '\(code)'; 'launchc explain' lists them all", at: .invocation)]
    }

    public static func run(code: String?) -> Outcome {
        var outcome = Outcome()
        if let problem = problems(code: code).first {
            outcome.fail(problem, style: ReportStyle())
        } else if let code, let id = DiagnosticID.lookup(code) {
            outcome.write(Explanation.text(for: id))
        } else {
            outcome.write(Explanation.list())
        }
        return outcome
    }
}
