import ArgumentParser
import LaunchcCore
#if canImport(Glibc)
import Glibc
#endif

/// Report formats for `check`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, junit

    /// Each `--format` of a command line with the `--output` that follows it (nil: standard
    /// output). ArgumentParser keeps the two lists apart, so their order is read from the
    /// arguments themselves.
    static func destinations(_ arguments: [String]) throws -> [(format: ReportFormat, output: String?)] {
        var out: [(format: ReportFormat, output: String?)] = []
        var i = 0
        func value(_ flag: String) -> String? {
            if arguments[i] == flag { i += 1; return i < arguments.count ? arguments[i] : nil }
            return arguments[i].hasPrefix(flag + "=") ? String(arguments[i].dropFirst(flag.count + 1)) : nil
        }
        while i < arguments.count, arguments[i] != "--" {
            if let name = value("--format"), let format = ReportFormat(rawValue: name) {
                out.append((format, nil))
            } else if let path = value("--output") {
                guard let last = out.indices.last, out[last].output == nil else {
                    throw ValidationError("--output \(path) must follow the --format it is for (as in --format sarif --output out.sarif)")
                }
                out[last].output = path
            }
            i += 1
        }
        if out.filter({ $0.output == nil }).count > 1 {
            throw ValidationError("only one --format can go to standard output; give the others an --output FILE")
        }
        return out
    }
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
              launchc check --format sarif --output launchc.sarif --format text .
              launchc check --format junit --output launchc-junit.xml queues/
              launchc check --schema policies/instance-types.yaml queues/
            """
    )

    @Argument(help: "Files and directories to check ('-' for standard input).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Report format: text, json, sarif, github (workflow commands) or junit; repeatable, each to standard output or to the --output that follows it (default text, and in GitHub Actions github too).", valueName: "format"))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp("Write the report of the --format before it to this file (whole or not at all).", valueName: "file"))
    var output: [String] = []

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
        if output.count > format.count {
            throw ValidationError("each --output needs a --format before it")
        }
        _ = try ReportFormat.destinations(Self.ownArguments)
        if paths.isEmpty {
            throw ValidationError("give at least one file or directory to check, or '-' for standard input")
        }
    }

    /// The command line after `check`, for the order of --format and --output.
    static var ownArguments: [String] { Array(CommandLine.arguments.drop { $0 != "check" }.dropFirst()) }

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
        var destinations = try ReportFormat.destinations(Self.ownArguments)
        if destinations.isEmpty {
            destinations = [(.text, nil)]
            // In GitHub Actions the findings also become annotations on the pull request.
            if let actions = getenv("GITHUB_ACTIONS"), String(cString: actions) == "true" { destinations.append((.github, nil)) }
        }
        for (format, path) in destinations {
            let text: String
            switch format {
            case .text:
                text = TextReporter(style: ReportStyle(color: path == nil && common.color.enabled(for: .standardOutput), quiet: quiet)).render(report)
            case .json: text = JSONReporter().render(report)
            case .sarif: text = SARIFReporter(toolVersion: Launchc.version).render(report)
            case .github: text = GitHubReporter().render(report)
            case .junit: text = JUnitReporter().render(report)
            }
            guard let path else { Output.write(text); continue }
            if let problem = AtomicFile.write(text, to: path) {
                Output.write("launchc: error: cannot write '\(path)': \(problem)\n", to: .standardError)
                throw ExitCode(2)
            }
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
