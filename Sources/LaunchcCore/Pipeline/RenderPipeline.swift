/// What `launchc render` is asked to do.
public struct RenderRequest: Sendable, Equatable {
    /// The queue definition or queue config: a path, `-` for standard input.
    public var queue = ""
    /// The queue already in memory (an editor's buffer), instead of reading `queue`.
    public var queueBuffer: InputBuffer?
    public var spec: String?
    /// `--set NAME=VALUE`
    public var settings: [String] = []
    public var kind: DocumentKind?
    public var resource: LaunchResource?
    public var runID: String?
    public var project: String?
    public var entity: String?
    public var runName: String?
    public var author: String?
    public var imageURI: String?
    public var entryPoint: String?
    public var args: String?
    public var queueName: String?
    public var queueEntity: String?
    public var runQueueItemID: String?
    public var macros: [String] = []
    public var awsAccount = "123456789012"
    public var awsPartition = "aws"
    public var gcpProject = "gcp-project"
    public var gcpRegion = "us-central1"
    public var format: RenderFormat?
    public var output: String?
    public var showSecrets = false
    public var compact = false
    public var explain = false
    public var agentInput = false
    public var input = InputOptions()

    public init() {}

    /// What is wrong with the request itself (LC1901), before anything is read; with an
    /// environment, also what it lacks (WANDB_API_KEY for --show-secrets).
    public func problems(environment: RunEnvironment? = nil) -> [Diagnostic] {
        var out: [String] = []
        if explain && agentInput { out.append("--explain and --agent-input each replace the body; give one of them") }
        if let kind, ![.queue, .queueConfig, .resourceArgs].contains(kind) {
            out.append("--kind must be queue, queue-config or resource-args for render, not '\(kind.rawValue)'")
        }
        for setting in settings where Resolver.Setting(setting) == nil {
            out.append("--set needs NAME=VALUE with exactly one '=', not '\(setting)'")
        }
        for macro in macros where Resolver.Setting(macro) == nil {
            out.append("--macro needs NAME=VALUE with exactly one '=', not '\(macro)'")
        }
        if let entryPoint, Self.words(entryPoint) == nil { out.append(Self.wordsHelp("--entry-point")) }
        if let args, Self.words(args) == nil { out.append(Self.wordsHelp("--args")) }
        if showSecrets, let environment, environment.variables["WANDB_API_KEY"] == nil {
            out.append("--show-secrets renders the key from WANDB_API_KEY, which is not set")
        }
        return out.map { Diagnostic(.usageError, $0, at: .invocation) }
    }

    /// Words separated by white space, or a JSON array of strings (for words holding spaces);
    /// nil when it is neither.
    public static func words(_ text: String) -> [String]? {
        guard text.first == "[" else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        }
        let parsed = DocumentParser.parse(SourceFile(path: "<words>", bytes: Array(text.utf8)), format: .json)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }), case .array(let items)? = parsed.documents.first?.root.value else { return nil }
        var words: [String] = []
        for item in items {
            guard case .string(let word) = item.value else { return nil }
            words.append(word)
        }
        return words
    }

    static func wordsHelp(_ flag: String) -> String {
        "\(flag) takes words separated by spaces, or a JSON array of strings such as '[\"--name\", \"two words\"]'"
    }
}

/// Output formats for `render`.
public enum RenderFormat: String, Sendable, CaseIterable {
    case json, yaml, shell
}

/// `render`: read → parse → classify → validate → resolve → render → emit, for one job.
public enum RenderPipeline {
    public static func run(_ request: RenderRequest, environment: RunEnvironment) -> Outcome {
        var outcome = Outcome()
        let errors = environment.style(.standardError, mode: request.input.color)
        if let problem = request.problems(environment: environment).first {
            outcome.fail(problem, style: errors)
            return outcome
        }
        let limits = request.input.limits
        let queueInput: Input = request.queueBuffer.map { .memory($0.file) } ?? request.input.input(request.queue)
        guard let queueFile = read(queueInput, limits: limits, style: errors, into: &outcome) else { return outcome }
        var specFile: SourceFile?
        if let spec = request.spec {
            guard let file = read(.file(spec), limits: limits, style: errors, into: &outcome) else { return outcome }
            specFile = file
        }

        var renderer = Renderer(classifier: Classifier(kind: request.kind, resource: request.resource, resourceMeansQueueConfig: true),
                                settings: request.settings.compactMap(Resolver.Setting.init), facts: facts(request, environment: environment))
        renderer.limits = limits
        let rendered = renderer.render(queue: queueFile, spec: specFile)

        outcome.report(rendered.diagnostics, style: errors)
        if let failure = rendered.failure { outcome.report([failure], style: errors) }
        if request.agentInput {
            guard let input = rendered.agentInput else {
                outcome.status = 1
                return outcome
            }
            emit(masked(CanonicalJSON.string(input, indent: request.compact ? nil : 2) + "\n", rendered, request), request, into: &outcome)
            outcome.status = rendered.diagnostics.contains(where: { $0.severity == .error }) ? 1 : 0
            return outcome
        }
        var bodyProblems: [Diagnostic] = []
        if let body = rendered.body {
            guard let text = text(of: body, resource: rendered.resource, request: request, style: errors, into: &outcome) else { return outcome }
            let shown = masked(text, rendered, request)
            if let resource = rendered.resource, rendered.templatesResolved {
                let path = request.explain ? "<rendered>" : request.output ?? "<rendered>"
                bodyProblems = RenderExplanation.annotate(
                    Renderer.checkRendered(shown, path: path, resource: resource, reported: rendered.diagnostics), rendered)
            }
            emit(request.explain ? masked(RenderExplanation.text(RenderExplanation.rows(rendered)), rendered, request) : shown, request, into: &outcome)
        }
        outcome.report(bodyProblems, style: errors)
        let findings = rendered.diagnostics + bodyProblems
        outcome.status = rendered.failure != nil || rendered.body == nil || findings.contains(where: { $0.severity == .error }) ? 1 : 0
        return outcome
    }

    /// What the flags and the environment say about the run.
    static func facts(_ request: RenderRequest, environment: RunEnvironment) -> Renderer.Facts {
        var facts = Renderer.Facts()
        facts.entity = request.entity
        facts.project = request.project
        facts.runID = request.runID
        facts.runName = request.runName
        facts.author = request.author
        facts.imageURI = request.imageURI
        facts.entryPoint = request.entryPoint.flatMap(RenderRequest.words)
        facts.args = request.args.flatMap(RenderRequest.words)
        facts.awsAccount = request.awsAccount
        facts.awsPartition = request.awsPartition
        facts.gcpProject = request.gcpProject
        facts.gcpRegion = request.gcpRegion
        facts.queueName = request.queueName
        facts.queueEntity = request.queueEntity
        facts.runQueueItemID = request.runQueueItemID
        for macro in request.macros.compactMap(Resolver.Setting.init) { facts.macros[macro.name] = macro.value }
        if request.showSecrets, let key = environment.variables["WANDB_API_KEY"] { facts.apiKey = key }
        return facts
    }

    /// An input read whole; or its report on standard error, with the status it calls for (2
    /// for a file that cannot be read, 1 for one over a limit), and nil.
    static func read(_ input: Input, limits: Limits, style: ReportStyle, into outcome: inout Outcome) -> SourceFile? {
        switch Checker.read(input, limits: limits) {
        case .failure(let report):
            let run = RunReport(files: [report], strict: false)
            outcome.diagnostics += report.diagnostics
            outcome.write(TextReporter(style: style).render(run), to: .standardError)
            outcome.status = run.exitCode
            return nil
        case .success(let file):
            return file
        }
    }

    /// Output with the credentials the queue or spec hold in plain text masked, unless
    /// --show-secrets (LC1601 has reported them already).
    static func masked(_ text: String, _ rendered: Renderer.Rendered, _ request: RenderRequest) -> String {
        request.showSecrets ? text : Secrets.masking(rendered.secrets, in: text)
    }

    /// To -o (whole or not at all), or to standard output.
    static func emit(_ text: String, _ request: RenderRequest, into outcome: inout Outcome) {
        if let output = request.output { outcome.file(output, text) } else { outcome.write(text) }
    }

    /// The body in the format asked for; nil (and exit code 2) when the format does not apply.
    static func text(of body: Renderer.Body, resource: LaunchResource?, request: RenderRequest, style: ReportStyle, into outcome: inout Outcome) -> String? {
        let indent = request.compact ? nil : 2
        // local-process's output is a command line; the others default to JSON.
        switch (body, request.format ?? (resource == .localProcess ? .shell : .json)) {
        case (.json(let node), .json):
            return CanonicalJSON.string(node, indent: indent) + "\n"
        case (.json(let node), .yaml):
            guard resource == .kubernetes, case .array(let objects) = node.value else { return YAMLWriter.document(node) }
            return YAMLWriter.stream(objects.map(Renderer.applyReady))
        case (.json, .shell):
            outcome.fail(Diagnostic(.usageError, "--format shell applies to local-container and local-process only", at: .invocation), style: style)
            return nil
        case (.command, .yaml):
            outcome.fail(Diagnostic(.usageError, "--format yaml applies to sagemaker and kubernetes; a command is json or shell", at: .invocation), style: style)
            return nil
        case (.command(let argv, _, _), .json):
            return CanonicalJSON.string(Node.strings(argv, at: .at(0)), indent: indent) + "\n"
        case (.command(_, _, let line), .shell):
            return line + "\n"
        }
    }
}
