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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check YAML and JSON files and report findings.",
        discussion: """
            Directories are searched for *.yaml, *.yml and *.json files, skipping hidden files \
            and folders and, inside a git work tree, whatever .gitignore ignores; files named on \
            the command line are checked whatever their extension. '-' reads standard input. \
            Files are checked on all cores; the report is in the same order whatever the scheduling.

            A .launchc.yaml in a file's folder or above it (up to the top of the git work tree) \
            can make warnings fail the run, ignore codes by glob, and say what files are by glob; \
            'launchc schema launchc-config' prints its schema. In YAML, a comment \
            '# launchc: ignore[LC2003] reason' silences that finding on its line (or, on a line \
            of its own, on the next line).

            Examples:
              launchc check launch-config.yaml queues/
              launchc check --strict --quiet .
              launchc check --jobs 1 --config ci/.launchc.yaml queues/
              cat queue.json | launchc check --stdin-name queue.json -
              launchc check --format json queues/ | jq '.diagnostics[] | .code'
              launchc check --format sarif --output launchc.sarif --format text .
              launchc check --format junit --output launchc-junit.xml queues/
              launchc check --schema policies/instance-types.yaml queues/
              launchc check --diff queues/
              launchc check --fix launch-config.yaml queues/

            --fix applies the fixes that are safe and unambiguous, as exact edits that keep \
            comments, order, quoting and indentation: a camelCase Vertex key to snake_case \
            (LC3405), an unknown key to its single near match (LC2003, and the agent's own \
            codes for ignored keys such as LC3102's builder key with underscores), a YAML \
            1.1-ambiguous string quoted (LC1209, in a file of a known kind, where no other \
            finding is at that value: a boolean written 'off' stays as it is), a docker flag to the spelling docker accepts \
            (LC3701). Each file is rewritten whole or not at all, and only when something \
            changed; the report then shows what is left, and standard error says what was \
            fixed. Running it again changes nothing. --diff prints what --fix would change, as \
            a unified diff on standard output, and changes nothing, even with --fix (the report, \
            of the files as they are, goes to standard error). Suppressed findings are not \
            fixed, and no fix that would make the syntax worse (two keys renamed to one) is \
            made. Standard input takes --diff, not --fix.
            """
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

    @Option(help: ArgumentHelp("What every file is: agent, queue, queue-config, launch-spec, launchc-config, or data (only --schema applies).", valueName: "kind"),
            completion: .list(DocumentKind.allCases.map(\.rawValue)))
    var kind: String?

    @Option(help: ArgumentHelp("The resource of queue configs: sagemaker, gcp-vertex, kubernetes, local-container, local-process.", valueName: "resource"),
            completion: .list(LaunchResource.allCases.map(\.rawValue)))
    var resource: String?

    @Flag(help: "Apply the safe fixes to the files (see below), then report what is left.")
    var fix = false

    @Flag(help: "Print what --fix would change as a unified diff, without changing any file.")
    var diff = false

    @OptionGroup var common: CommonOptions

    /// What the options ask for; the order of --format and --output comes from the arguments
    /// themselves, as ArgumentParser keeps the two lists apart.
    func asked(arguments: [String] = Self.ownArguments) throws -> CheckSettings {
        CheckSettings(paths: paths, destinations: try ReportFormat.destinations(arguments), strict: strict, jobs: jobs,
                      config: config, noConfig: noConfig, quiet: quiet, schemas: schemas, kind: kind, resource: resource,
                      fix: fix, diff: diff, common: common.settings)
    }

    func validate() throws {
        if output.count > format.count {
            throw ValidationError("each --output needs a --format before it")
        }
        try asked().validate()
    }

    func run() throws { try asked().run() }

    /// The command line after `check`, for the order of --format and --output.
    static var ownArguments: [String] { Array(CommandLine.arguments.drop { $0 != "check" }.dropFirst()) }
}

/// One report: its format, and the file it goes to (nil: standard output).
struct ReportDestination: Equatable {
    var format: ReportFormat
    var output: String?
}

/// What a `check` run is asked to do, however its command line was parsed (`Check`, or `FastPath`).
struct CheckSettings: Equatable {
    var paths: [String] = []
    var destinations: [ReportDestination] = []
    var strict: Bool?
    var jobs: Int?
    var config: String?
    var noConfig = false
    var quiet = false
    var schemas: [String] = []
    var kind: String?
    var resource: String?
    /// `--fix`: rewrite the files with their safe fixes; `--diff`: print them instead.
    var fix = false
    var diff = false
    var common = CommonSettings()

    func validate() throws {
        if let kind, DocumentKind(rawValue: kind) == nil {
            throw ValidationError("unknown --kind '\(kind)'; use " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let resource, LaunchResource(name: resource) == nil {
            throw ValidationError("unknown --resource '\(resource)'; use " + LaunchResource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1")
        }
        if config != nil && noConfig {
            throw ValidationError("give --config FILE or --no-config, not both")
        }
        if destinations.filter({ $0.output == nil }).count > 1 {
            throw ValidationError("only one --format can go to standard output; give the others an --output FILE")
        }
        if paths.isEmpty {
            throw ValidationError("give at least one file or directory to check, or '-' for standard input")
        }
        if fix && !diff && paths.contains("-") {
            throw ValidationError("--fix rewrites files, and standard input is not one; use --diff to see the fixes")
        }
    }

    /// Checks every input on `--jobs` threads, each with what its project config says, and
    /// adds the configs in use (checked like any other file) to the report. With --fix or
    /// --diff, each input that reads is fixed too; its report is then the fixed file's.
    func checkAll(_ inputs: [Input], options: CheckOptions) -> (report: RunReport, fixes: [Fixer.Outcome]) {
        var finder = ProjectConfig.Finder(limits: common.limits)
        let named = config.map { finder.use($0) }
        var perFile: [(input: Input, options: CheckOptions)] = []
        var matched: [Int: Set<Int>] = [:]
        var checked = Set<String>()
        for input in inputs {
            var fileOptions = options
            let absolute: String
            switch input {
            case .file(let path): absolute = finder.absolute(path)
            case .standardInput(let name): absolute = finder.absolute(name)
            case .missing: perFile.append((input, options)); continue
            }
            checked.insert(absolute)
            if !noConfig, let index = named ?? finder.config(forFile: absolute) {
                let project = finder.configs[index]
                let settings = project.settings(for: absolute)
                fileOptions.classifier.layout = settings.layout
                fileOptions.ignoredCodes = settings.ignored
                if strict == nil && project.isUsable { fileOptions.strict = project.strict }
                if let rule = settings.rule { matched[index, default: []].insert(rule) }
            }
            perFile.append((input, fileOptions))
        }
        let fixing = fix || diff
        let limits = common.limits
        let results = Parallel.map(perFile, threads: jobs ?? Parallel.coreCount) { item -> (FileReport, Fixer.Outcome?) in
            guard fixing else { return (Checker.check(item.input, options: item.options), nil) }
            switch Checker.read(item.input, limits: limits) {
            case .failure(let report): return (report, nil)
            case .success(let file):
                let outcome = Fixer.fix(file, options: item.options)
                // --diff changes nothing, so its report is of the files as they are.
                return (diff ? outcome.originalReport : outcome.report, outcome)
            }
        }
        let files = results.map(\.0)
        // The configs in use come first, unless they were checked as inputs already; a glob that
        // matched nothing is worth a note only when the whole folder of the config was walked.
        let walked = paths.filter { $0 != "-" && FileSystem.isDirectory($0) }.map(finder.absolute)
        var configs: [FileReport] = []
        for index in finder.configs.indices where !checked.contains(finder.absolute(finder.configs[index].path)) {
            var project = finder.configs[index]
            if walked.contains(where: { project.directory == $0 || project.directory.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
                project.noteUnmatched(matched[index] ?? [])
            }
            configs.append(project.report)
        }
        return (RunReport(files: configs + files, strict: strict ?? false), results.compactMap(\.1))
    }

    /// Writes each fixed file (whole or not at all), or with --diff prints the diffs; says on
    /// standard error what was fixed. Throws exit code 2 when a file cannot be written.
    func applyFixes(_ fixes: [Fixer.Outcome]) throws {
        var diffs = ""
        var failed = false
        for outcome in fixes where outcome.changed {
            let path = outcome.original.path
            if diff {
                diffs += UnifiedDiff.make(path: path, old: outcome.original.bytes, new: outcome.fixed)
                continue
            }
            if let problem = AtomicFile.write(String(decoding: outcome.fixed, as: UTF8.self), to: path) {
                Output.write("launchc: error: cannot write the fixes to '\(path)': \(problem)\n", to: .standardError)
                failed = true
                continue
            }
            var counts: [(String, Int)] = []
            for finding in outcome.findings {
                if let i = counts.firstIndex(where: { $0.0 == finding.code }) { counts[i].1 += 1 } else { counts.append((finding.code, 1)) }
            }
            let what = counts.map { $0.1 == 1 ? $0.0 : "\($0.0) x\($0.1)" }.joined(separator: ", ")
            Output.write("launchc: fixed \(outcome.findings.count) finding\(outcome.findings.count == 1 ? "" : "s") in \(path) (\(what))\n", to: .standardError)
        }
        if diff { Output.write(diffs) }
        if failed { throw ExitCode(2) }
    }

    func run() throws {
        let classifier = Classifier(kind: kind.flatMap(DocumentKind.init(rawValue:)), resource: resource.flatMap(LaunchResource.init(name:)))
        var options = CheckOptions(limits: common.limits, classifier: classifier)
        var schemaProblems: [Diagnostic] = []
        for path in schemas {
            switch UserSchema.load(path: path, limits: common.limits) {
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
        let (report, fixes) = checkAll(inputs, options: options)
        // A file the fixes could not be written to is reported after the findings (exit 2).
        var unwritable: (any Error)?
        if fix || diff {
            do { try applyFixes(fixes) } catch { unwritable = error }
        }
        var destinations = self.destinations
        if destinations.isEmpty {
            destinations = [ReportDestination(format: .text)]
            // In GitHub Actions the findings also become annotations on the pull request.
            if let actions = getenv("GITHUB_ACTIONS"), String(cString: actions) == "true" { destinations.append(ReportDestination(format: .github)) }
        }
        for destination in destinations {
            let (format, path) = (destination.format, destination.output)
            let text: String
            switch format {
            case .text:
                text = TextReporter(style: ReportStyle(color: path == nil && common.color.enabled(for: diff ? .standardError : .standardOutput), quiet: quiet)).render(report)
            case .json: text = JSONReporter().render(report)
            case .sarif: text = SARIFReporter(toolVersion: Launchc.version).render(report)
            case .github: text = GitHubReporter().render(report)
            case .junit: text = JUnitReporter().render(report)
            }
            // With --diff, standard output holds the diff; the report goes to standard error.
            guard let path else { Output.write(text, to: diff ? .standardError : .standardOutput); continue }
            if let problem = AtomicFile.write(text, to: path) {
                Output.write("launchc: error: cannot write '\(path)': \(problem)\n", to: .standardError)
                throw ExitCode(2)
            }
        }
        if let unwritable { throw unwritable }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
