import ArgumentParser
import LaunchcCore

/// Report formats for `check`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check YAML and JSON files and report findings.",
        discussion: """
            Directories are searched for *.yaml, *.yml and *.json files, skipping hidden files \
            and folders; files named on the command line are checked whatever their extension. \
            '-' reads standard input.

            Examples:
              launchc check launch-config.yaml queues/
              launchc check --strict --quiet .
              cat queue.json | launchc check --stdin-name queue.json -
              launchc check --format json queues/ | jq '.diagnostics[] | .code'
              launchc check --schema policies/instance-types.yaml queues/
            """
    )

    @Argument(help: "Files and directories to check ('-' for standard input).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Fail (exit 1) on warnings as well as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Show only findings that fail the run, and no summary line.")
    var quiet = false

    @Option(name: .customLong("schema"), help: ArgumentHelp("Also validate every document against this JSON Schema 2020-12 file (YAML or JSON); repeatable.", valueName: "file"))
    var schemas: [String] = []

    @Option(help: ArgumentHelp("What every file is: agent, queue, queue-config, launch-spec, or data (only --schema applies).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("The resource of queue configs: sagemaker, gcp-vertex, kubernetes, local-container, local-process.", valueName: "resource"))
    var resource: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let kind, DocumentKind(rawValue: kind) == nil {
            throw ValidationError("unknown --kind '\(kind)'; use " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let resource, LaunchResource(name: resource) == nil {
            throw ValidationError("unknown --resource '\(resource)'; use " + LaunchResource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if paths.isEmpty {
            throw ValidationError("give at least one file or directory to check, or '-' for standard input")
        }
    }

    func run() throws {
        let classifier = Classifier(kind: kind.flatMap(DocumentKind.init(rawValue:)), resource: resource.flatMap(LaunchResource.init(name:)))
        var options = CheckOptions(limits: common.limits, classifier: classifier)
        var schemaProblems: [Diagnostic] = []
        for path in schemas {
            switch UserSchema.load(path: path) {
            case .success(let schema): options.schemas.append(schema)
            case .failure(let failure): schemaProblems += failure.diagnostics
            }
        }
        if !schemaProblems.isEmpty {
            let style = ReportStyle(color: common.color.enabled(for: .standardError))
            Output.write(TextReporter(style: style).renderDiagnostics(schemaProblems), to: .standardError)
            throw ExitCode(2)
        }
        let inputs = Checker.inputs(for: paths, stdinName: common.stdinName)
        if inputs.isEmpty {
            Output.write("launchc: no *.yaml, *.yml or *.json files under \(paths.joined(separator: ", "))\n", to: .standardError)
        }
        let report = RunReport(files: inputs.map { Checker.check($0, options: options) }, strict: strict)
        switch format {
        case .text:
            let style = ReportStyle(color: common.color.enabled(for: .standardOutput), quiet: quiet)
            Output.write(TextReporter(style: style).render(report))
        case .json:
            Output.write(JSONReporter().render(report))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
