/// What `launchc check` is asked to do, however the command line was parsed (ArgumentParser or
/// the fast path), or by an editor.
public struct CheckRequest: Sendable, Equatable {
    /// Files and folders to check; `-` is standard input.
    public var paths: [String] = []
    /// Documents already in memory (an editor's buffers), checked after `paths`, as if they
    /// were files at their `path`.
    public var buffers: [InputBuffer] = []
    public var destinations: [ReportDestination] = []
    public var strict: Bool?
    public var jobs: Int?
    public var config: String?
    public var noConfig = false
    public var quiet = false
    public var schemas: [String] = []
    public var kind: DocumentKind?
    public var resource: LaunchResource?
    /// `--require-kind`: a document launchc does not recognise is an error, not a note.
    public var requireKind = false
    /// `--fix`: rewrite the files with their safe fixes; `--diff`: print them instead.
    public var fix = false
    public var diff = false
    public var input = InputOptions()

    public init() {}

    /// What is wrong with the request itself (LC1901), before anything is read.
    public func problems() -> [Diagnostic] {
        var out: [String] = []
        if let jobs, jobs < 1 { out.append("--jobs must be at least 1") }
        if config != nil && noConfig { out.append("give --config FILE or --no-config, not both") }
        if destinations.filter({ $0.output == nil }).count > 1 {
            out.append("only one --format can go to standard output; give the others an --output FILE")
        }
        if paths.isEmpty && buffers.isEmpty { out.append("give at least one file or directory to check, or '-' for standard input") }
        if fix && !diff && paths.contains("-") {
            out.append("--fix rewrites files, and standard input is not one; use --diff to see the fixes")
        }
        return out.map { Diagnostic(.usageError, $0, at: .invocation) }
    }
}

/// Report formats for `check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, junit
}

/// One report: its format, and the file it goes to (nil: standard output).
public struct ReportDestination: Sendable, Equatable {
    public var format: ReportFormat
    public var output: String?

    public init(format: ReportFormat, output: String? = nil) {
        self.format = format
        self.output = output
    }
}

/// `check`: read → parse → classify → validate → report (and fix), for every input.
public enum CheckPipeline {
    /// What a request applies to each file before the project config's settings: its kind and
    /// resource (`--resource` alone meaning a queue config), and LC1404 as a note, or an error
    /// with `--require-kind`, on a document of no known kind unless `--schema` says what it is.
    public static func checkOptions(_ request: CheckRequest) -> CheckOptions {
        var classifier = Classifier(kind: request.kind, resource: request.resource, resourceMeansQueueConfig: true)
        if request.schemas.isEmpty { classifier.unrecognised = request.requireKind ? .error : .note }
        return CheckOptions(limits: request.input.limits, classifier: classifier)
    }

    /// The text report's style: a summary line even for a clean run.
    public static func textStyle(color: Bool, quiet: Bool) -> ReportStyle {
        var style = ReportStyle(color: color, quiet: quiet)
        style.summarisesCleanRuns = true
        return style
    }

    public static func run(_ request: CheckRequest, environment: RunEnvironment) -> Outcome {
        var outcome = Outcome()
        let errors = environment.style(.standardError, mode: request.input.color)
        if let problem = request.problems().first {
            outcome.fail(problem, style: errors)
            return outcome
        }
        var options = checkOptions(request)
        var schemaProblems: [Diagnostic] = []
        for path in request.schemas {
            switch UserSchema.load(path: path, limits: request.input.limits) {
            case .success(let schema): options.schemas.append(schema)
            case .failure(let failure): schemaProblems += failure.diagnostics
            }
        }
        if !schemaProblems.isEmpty {
            outcome.report(schemaProblems, style: errors)
            outcome.status = 2
            return outcome
        }
        var inputs = Checker.inputs(for: request.paths, stdinName: request.input.stdinName)
        inputs += request.buffers.map { .memory($0.file) }
        if inputs.isEmpty {
            outcome.report([Diagnostic(.noInputs, "no *.yaml, *.yml or *.json files under \(request.paths.joined(separator: ", "))", at: .invocation)],
                           style: errors)
        }
        let (report, fixes) = checkAll(inputs, options: options, request: request)
        outcome.diagnostics += report.diagnostics
        if request.fix || request.diff { applyFixes(fixes, request: request, into: &outcome) }
        var destinations = request.destinations
        if destinations.isEmpty {
            destinations = [ReportDestination(format: .text)]
            // In GitHub Actions the findings also become annotations on the pull request.
            if environment.variables["GITHUB_ACTIONS"] == "true" { destinations.append(ReportDestination(format: .github)) }
        }
        // With --diff, standard output holds the diff; the report goes to standard error.
        let reportStream: OutputStream = request.diff ? .standardError : .standardOutput
        for destination in destinations {
            let text: String
            switch destination.format {
            case .text:
                let color = destination.output == nil && environment.colors(reportStream, mode: request.input.color)
                text = TextReporter(style: textStyle(color: color, quiet: request.quiet)).render(report)
            case .json: text = JSONReporter().render(report)
            case .sarif: text = SARIFReporter(toolVersion: LaunchcVersion.current).render(report)
            case .github: text = GitHubReporter().render(report)
            case .junit: text = JUnitReporter().render(report)
            }
            if let path = destination.output { outcome.file(path, text) } else { outcome.write(text, to: reportStream) }
        }
        outcome.status = report.exitCode
        return outcome
    }

    /// Checks every input on `--jobs` threads, each with what its project config says, and
    /// adds the configs in use (checked like any other file) to the report. With --fix or
    /// --diff, each input that reads is fixed too; its report is then the fixed file's.
    static func checkAll(_ inputs: [Input], options: CheckOptions, request: CheckRequest) -> (report: RunReport, fixes: [Fixer.Outcome]) {
        let limits = request.input.limits
        var finder = ProjectConfig.Finder(limits: limits)
        let named = request.config.map { finder.use($0) }
        var perFile: [(input: Input, options: CheckOptions)] = []
        var matched: [Int: Set<Int>] = [:]
        var checked = Set<String>()
        for input in inputs {
            var fileOptions = options
            let absolute: String
            switch input {
            case .file(let path): absolute = finder.absolute(path)
            case .standardInput(let name): absolute = finder.absolute(name)
            case .memory(let file): absolute = finder.absolute(file.path)
            case .missing: perFile.append((input, options)); continue
            }
            checked.insert(absolute)
            if !request.noConfig, let index = named ?? finder.config(forFile: absolute) {
                let project = finder.configs[index]
                let settings = project.settings(for: absolute)
                fileOptions.classifier.layout = settings.layout
                fileOptions.ignoredCodes = settings.ignored
                if request.strict == nil && project.isUsable { fileOptions.strict = project.strict }
                if fileOptions.classifier.unrecognised == .note && project.requiresKind(absolute) { fileOptions.classifier.unrecognised = .error }
                if let rule = settings.rule { matched[index, default: []].insert(rule) }
            }
            perFile.append((input, fileOptions))
        }
        let fixing = request.fix || request.diff
        let diff = request.diff
        let results = Parallel.map(perFile, threads: request.jobs ?? Parallel.coreCount) { item -> (FileReport, Fixer.Outcome?) in
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
        let walked = request.paths.filter { $0 != "-" && FileSystem.isDirectory($0) }.map(finder.absolute)
        var configs: [FileReport] = []
        for index in finder.configs.indices where !checked.contains(finder.absolute(finder.configs[index].path)) {
            var project = finder.configs[index]
            if walked.contains(where: { project.directory == $0 || project.directory.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
                project.noteUnmatched(matched[index] ?? [])
            }
            configs.append(project.report)
        }
        return (RunReport(files: configs + files, strict: request.strict ?? false), results.compactMap(\.1))
    }

    /// Each fixed file to write (whole or not at all), or with --diff the diffs to print; and
    /// on standard error, what was fixed.
    static func applyFixes(_ fixes: [Fixer.Outcome], request: CheckRequest, into outcome: inout Outcome) {
        var diffs = ""
        for fixed in fixes where fixed.changed {
            let path = fixed.original.path
            if request.diff {
                diffs += UnifiedDiff.make(path: path, old: fixed.original.bytes, new: fixed.fixed)
                continue
            }
            var counts: [(String, Int)] = []
            for finding in fixed.findings {
                if let i = counts.firstIndex(where: { $0.0 == finding.code }) { counts[i].1 += 1 } else { counts.append((finding.code, 1)) }
            }
            let what = counts.map { $0.1 == 1 ? $0.0 : "\($0.0) x\($0.1)" }.joined(separator: ", ")
            outcome.file(path, String(decoding: fixed.fixed, as: UTF8.self), what: "the fixes to '\(path)'", stops: false,
                         done: "launchc: fixed \(fixed.findings.count) finding\(fixed.findings.count == 1 ? "" : "s") in \(path) (\(what))\n")
        }
        if request.diff { outcome.write(diffs) }
    }
}

/// launchc's version, as `--version` and SARIF reports give it.
public enum LaunchcVersion {
    public static let current = "0.1.0"
}
