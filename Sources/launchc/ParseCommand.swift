import ArgumentParser
import LaunchcCore

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a file's parsed document as canonical JSON.",
        discussion: """
            The output is what launchc sees: YAML 1.2 core-schema scalars resolved, aliases and \
            merge keys expanded, keys in source order, numbers in their shortest exact form. \
            Findings go to standard error; on an error nothing is printed and the exit code is 1.

            Examples:
              launchc parse queues/train-gpu.yaml
              launchc parse --all-documents k8s/job.yaml
              launchc parse --compact sagemaker.json | jq .ResourceConfig
            """
    )

    @Argument(help: "The file to parse ('-' for standard input).")
    var file: String

    @Flag(name: .customLong("all-documents"), help: "Print every document of a YAML stream, as a JSON array.")
    var allDocuments = false

    @Flag(help: "Print on one line.")
    var compact = false

    @OptionGroup var common: CommonOptions

    /// What the options ask for.
    func asked() -> ParseSettings {
        ParseSettings(file: file, allDocuments: allDocuments, compact: compact, common: common.settings)
    }

    func run() throws { try asked().run() }
}

/// What a `parse` run is asked to do, however its command line was parsed (`Parse`, or `FastPath`).
struct ParseSettings: Equatable {
    var file = ""
    var allDocuments = false
    var compact = false
    var common = CommonSettings()

    func run() throws {
        let input: Input = file == "-" ? .standardInput(name: common.stdinName) : .file(file)
        let style = ReportStyle(color: common.color.enabled(for: .standardError))
        let source = try readOrExit(input, style: style, limits: common.limits)
        let parsed = DocumentParser.parse(source, limits: common.limits)
        var diagnostics = parsed.diagnostics
        let documents = allDocuments ? parsed.documents : Array(parsed.documents.prefix(1))
        for document in documents {
            diagnostics += CanonicalJSON.nonFiniteFindings(in: document.root, file: source)
        }
        if parsed.documents.count > 1 && !allDocuments {
            let converter = SourceLocationConverter(file: source)
            let lines = parsed.documents.map { String(converter.location(of: $0.start).line) }
            Output.write("launchc: note: '\(source.path)' holds \(parsed.documents.count) documents (at lines \(lines.joined(separator: ", "))); "
                         + "printing the first (--all-documents prints all)\n", to: .standardError)
        }
        let sorted = DiagnosticCollector.sorted(diagnostics)
        if !sorted.isEmpty {
            Output.write(TextReporter(style: style).renderDiagnostics(sorted), to: .standardError)
        }
        if sorted.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        let root = allDocuments ? Node(.array(documents.map(\.root)), range: .at(0)) : documents.first?.root
        if let root { Output.write(CanonicalJSON.string(root, indent: compact ? nil : 2) + "\n") }
    }
}
