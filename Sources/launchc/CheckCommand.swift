import ArgumentParser
import LaunchcCore

struct Check: ParsableCommand, PipelineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check YAML and JSON files and report findings.",
        discussion: CommandHelp.check
    )

    @Argument(help: "Files and directories to check ('-' for standard input).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Report format: text, json, sarif, github (workflow commands) or junit; repeatable, each to standard output or to the --output that follows it (default text, and in GitHub Actions github too).", valueName: "format"))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp("Write the report of the --format before it to this file (whole or not at all).", valueName: "file"))
    var output: [String] = []

    @Flag(inversion: .prefixedNo, help: "Fail (exit 1) on warnings as well as errors (default: the project config's 'strict', else no).")
    var strict: Bool?

    @Option(help: ArgumentHelp("Check this many files at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Use this project config for every file instead of the .launchc.yaml found upward from each (its globs relative to the current folder).", valueName: "file"))
    var config: String?

    @Flag(help: "Use no project config (.launchc.yaml).")
    var noConfig = false

    @Flag(name: .shortAndLong, help: "Show only findings that fail the run, and no summary line.")
    var quiet = false

    @Option(name: .customLong("schema"), help: ArgumentHelp("Also validate every document against this JSON Schema 2020-12 file (YAML or JSON); repeatable.", valueName: "file"))
    var schemas: [String] = []

    @Option(help: ArgumentHelp("What every file is: agent, queue, queue-config, launch-spec, resource-args, launchc-config, or data (only --schema applies).", valueName: "kind"))
    var kind: DocumentKind?

    @Option(help: ArgumentHelp("The resource of queue configs: sagemaker, gcp-vertex, kubernetes, local-container, local-process; alone, every file is a queue config of it.", valueName: "resource"))
    var resource: LaunchResource?

    @Flag(help: "A document launchc does not recognise as a W&B Launch document is an error (LC1404), not a note.")
    var requireKind = false

    @Flag(help: "Apply the safe fixes to the files (see below), then report what is left.")
    var fix = false

    @Flag(help: "Print what --fix would change as a unified diff, without changing any file.")
    var diff = false

    @OptionGroup var input: InputOptionGroup

    /// What the options ask for; the order of --format and --output comes from the arguments
    /// themselves, as ArgumentParser keeps the two lists apart.
    func request(arguments: [String] = Self.ownArguments) throws -> CheckRequest {
        var request = CheckRequest()
        (request.paths, request.destinations, request.strict, request.jobs) = (paths, try Self.destinations(arguments), strict, jobs)
        (request.config, request.noConfig, request.quiet, request.schemas) = (config, noConfig, quiet, schemas)
        (request.kind, request.resource, request.fix, request.diff, request.input) = (kind, resource, fix, diff, input.options)
        request.requireKind = requireKind
        return request
    }

    func validate() throws {
        if output.count > format.count { throw ValidationError("each --output needs a --format before it") }
        try usage(try request().problems())
    }

    func outcome(environment: RunEnvironment) -> Outcome {
        do { return CheckPipeline.run(try request(), environment: environment) } catch { return Outcome(usage: error) }
    }

    var color: ColorMode { input.color }

    /// The command line after `check`, for the order of --format and --output.
    static var ownArguments: [String] { Array(Launchc.arguments.drop { $0 != "check" }.dropFirst()) }

    /// Each `--format` of a command line with the `--output` that follows it (nil: standard
    /// output). ArgumentParser keeps the two lists apart, so their order is read from the
    /// arguments themselves.
    static func destinations(_ arguments: [String]) throws -> [ReportDestination] {
        var out: [ReportDestination] = []
        var i = 0
        func value(_ flag: String) -> String? {
            if arguments[i] == flag { i += 1; return i < arguments.count ? arguments[i] : nil }
            return arguments[i].hasPrefix(flag + "=") ? String(arguments[i].dropFirst(flag.count + 1)) : nil
        }
        while i < arguments.count, arguments[i] != "--" {
            if let name = value("--format"), let format = ReportFormat(rawValue: name) {
                out.append(ReportDestination(format: format, output: nil))
            } else if let path = value("--output") {
                guard let last = out.indices.last, out[last].output == nil else {
                    throw ValidationError("--output \(path) must follow the --format it is for (as in --format sarif --output out.sarif)")
                }
                out[last].output = path
            }
            i += 1
        }
        return out
    }
}
