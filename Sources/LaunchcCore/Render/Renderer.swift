/// render: one job's submission from a queue, an optional launch spec and
/// the facts the agent would know at run time. Both files are checked first; their findings
/// come back with the body, which is rendered whenever the files parse and resolve, so a job
/// the cloud API would reject is still shown as the agent would send it.
public struct Renderer {
    /// What the agent knows at run time. Anything not given renders as a fixed placeholder,
    /// never a time or a random id, so that dry runs are reproducible and diffable.
    public struct Facts: Sendable {
        public static let placeholderRunID = "dryrun00"
        public static let placeholderImage = "launchc-dry-run:latest"

        public var entity: String?
        public var project: String?
        /// The run's id, name and author; default the launch spec's `run_id`, `name` and `author`.
        public var runID: String?
        public var runName: String?
        public var author: String?
        /// The image handed to the runner; default the launch spec's `docker.docker_image`.
        public var imageURI: String?
        /// The job's own entry point (the spec's `overrides.entry_point` is the per-run override).
        public var entryPoint: [String]?
        /// Override args; default the spec's `overrides.args`.
        public var args: [String]?
        /// The agent's environment, as `${NAME}` macros (they override the built-in names).
        public var macros: [String: String] = [:]
        public var awsAccount = "123456789012"
        public var awsPartition = "aws"
        /// The GCP project and region of the agent's environment (Vertex experiment names).
        public var gcpProject = "gcp-project"
        public var gcpRegion = "us-central1"
        /// The W&B API key to render in place of the placeholder.
        public var apiKey: String?
        /// The queue the run came from (default: a queue definition's `name` and `entity`).
        public var queueName: String?
        public var queueEntity: String?
        /// The run queue item's id, which the agent passes as `WANDB_LAUNCH_TRACE_ID`.
        public var runQueueItemID: String?

        public init() {}
    }

    /// The submission.
    public enum Body: Sendable {
        /// A request body, or (Kubernetes) the list of objects the agent creates.
        case json(Node)
        /// A command: its words (local-process: the variable assignments first), where each came
        /// from (`Provenance` ranges), and the one line the agent runs.
        case command(argv: [String], origins: [SourceRange], line: String)
    }

    public struct Rendered: Sendable {
        public var resource: LaunchResource?
        /// nil when the inputs could not be parsed, resolved or rendered (the findings say why).
        public var body: Body?
        /// Findings on the queue, the spec and the flags, in that order.
        public var diagnostics: [Diagnostic]
        /// Why there is no body when no finding says so: the queue file is not a queue (LC1903),
        /// or the agent itself refuses a value (LC1905). A finding about the invocation.
        public var failure: Diagnostic?
        /// False when a template variable got no valid value: the body still holds its
        /// `{{placeholder}}`, which the agent never receives, so checking it would only repeat that.
        public var templatesResolved = true
        /// What the agent receives and knows for this job (`agentInput`), once the queue resolves.
        public var agentInput: Node?
        /// Where the body's values came from (their ranges index it), once the queue resolves.
        public var provenance: Provenance?
        /// The macros the runner filled, when it fills them (not local-process).
        public var macros: MacroTable?
        /// Credentials written in the queue or the spec (LC1601), which the command masks in what
        /// it prints unless asked to show secrets.
        public var secrets: [String] = []
    }

    public var classifier = Classifier()
    public var settings: [Resolver.Setting] = []
    public var facts = Facts()
    /// The limits on hostile input the queue and spec are read with (`--limit`).
    public var limits = Limits.default

    public init(classifier: Classifier = Classifier(), settings: [Resolver.Setting] = [], facts: Facts = Facts()) {
        self.classifier = classifier
        self.settings = settings
        self.facts = facts
    }

    public func render(queue: SourceFile, spec specFile: SourceFile? = nil) -> Rendered {
        let parsed = DocumentParser.parse(queue, limits: limits)
        let parsedSpec = specFile.map { DocumentParser.parse($0, limits: limits) }
        var rendered = build(queue: queue, parsed: parsed, spec: specFile, parsedSpec: parsedSpec)
        rendered.secrets = Secrets.find(in: parsed, file: queue).map(\.secret)
        if let specFile, let parsedSpec { rendered.secrets += Secrets.find(in: parsedSpec, file: specFile).map(\.secret) }
        return rendered
    }

    private func build(queue: SourceFile, parsed: ParseResult, spec specFile: SourceFile?, parsedSpec: ParseResult?) -> Rendered {
        let queueReport = Checker.check(queue, parsed: parsed, options: CheckOptions(limits: limits, classifier: classifier))
        var diagnostics = queueReport.diagnostics
        var spec: Node?
        if let specFile, let parsedSpec {
            diagnostics += Checker.check(specFile, parsed: parsedSpec, options: CheckOptions(limits: limits, classifier: Classifier(kind: .launchSpec))).diagnostics
            if !parsedSpec.diagnostics.contains(where: { $0.severity == .error }) { spec = parsedSpec.documents.first?.root }
        }
        if parsed.diagnostics.contains(where: { $0.severity == .error }) || (specFile != nil && spec == nil) {
            return Rendered(resource: nil, body: nil, diagnostics: diagnostics)
        }
        guard let root = parsed.documents.first?.root, let kind = queueReport.kinds.first ?? nil,
              [.queue, .queueConfig, .resourceArgs].contains(kind.kind) else {
            // What the file holds is checked by `check`; here only why it cannot be rendered.
            let what = queueReport.kinds.first.flatMap { $0 }.map { " (it reads as \($0.kind.title))" } ?? ""
            return Rendered(resource: nil, body: nil, diagnostics: [],
                            failure: Diagnostic(.unsuitableInput, "\(queue.path) is not a queue definition or a queue config\(what); say which with --kind queue (a queue definition), or --resource RESOURCE (a bare queue config)", at: .invocation))
        }
        switch Resolver(settings: settings).resolve(queue: root, kind: kind, file: queue, spec: spec, specFile: specFile) {
        case .failure(let failure):
            return Rendered(resource: kind.resource, body: nil, diagnostics: diagnostics, failure: Diagnostic(.unsuitableInput, failure.message, at: .invocation))
        case .success(var resolved):
            diagnostics += resolved.diagnostics
            let job = launch(resolved, spec: spec, queue: kind.kind == .queue ? root : nil, provenance: &resolved.provenance)
            let macros = resolved.resource == .localProcess ? nil : macroTable(job)
            if let macros { diagnostics += MacroQuirks(macros: macros, provenance: resolved.provenance, project: job.run.project).diagnostics(job.config, resource: resolved.resource) }
            let (body, refusal) = build(job, resource: resolved.resource)
            return Rendered(resource: resolved.resource, body: body, diagnostics: diagnostics,
                            failure: refusal.map { Diagnostic(.jobRefused, "the agent refuses this config: " + $0, at: .invocation) },
                            templatesResolved: !resolved.diagnostics.contains { $0.severity == .error },
                            agentInput: agentInput(job, resource: resolved.resource), provenance: resolved.provenance, macros: macros)
        }
    }

    /// The run as the agent would see it, from the facts, then the launch spec.
    func runContext(spec: Node?, queue: Node? = nil) -> RunContext {
        var run = RunContext()
        run.entity = facts.entity ?? spec.flatMap { Self.string($0["entity"]) } ?? "entity"
        run.project = facts.project ?? spec.flatMap { Self.string($0["project"]) } ?? "project"
        // LaunchProject.from_spec: `name` when truthy; `run_id`, else one the agent generates.
        run.runID = facts.runID ?? spec.flatMap { Self.string($0["run_id"]) }.flatMap { $0.isEmpty ? nil : $0 } ?? Facts.placeholderRunID
        run.runName = facts.runName ?? spec.flatMap { Self.string($0["name"]) }.flatMap { $0.isEmpty ? nil : $0 }
        run.author = facts.author ?? spec.flatMap { Self.string($0["author"]) }
        run.job = spec.flatMap { Self.string($0["job"]) }
        run.dockerImage = spec.flatMap { Self.string($0["docker"]?["docker_image"]) }
        run.runConfig = spec?["overrides"]?["run_config"]
        run.fileOverrides = spec?["overrides"]?["files"]
        run.artifacts = spec?["overrides"]?["artifacts"]
        run.additionalServices = spec?["additional_services"]
        run.sweepID = spec.flatMap { Self.string($0["sweep_id"]) }
        if case .integer(let count)? = spec?["_resume_count"]?.value { run.resumeCount = Int(clamping: count) }
        if let key = facts.apiKey { run.apiKey = key }
        // The agent's W&B server: its WANDB_BASE_URL (--macro stands for its environment).
        if let base = facts.macros["WANDB_BASE_URL"], !base.isEmpty { run.baseURL = base }
        run.queueName = facts.queueName ?? queue.flatMap { Self.string($0["name"]) }
        run.queueEntity = facts.queueEntity ?? queue.flatMap { Self.string($0["entity"]) }
        run.traceID = facts.runQueueItemID
        return run
    }

    /// The job as the runner gets it: the resolved config, the run, the entry points, the args
    /// (`--args`, else the spec's) and the image (`--image-uri`, else the spec's), with where
    /// each fact came from marked in `provenance`.
    func launch(_ resolved: Resolver.Resolved, spec: Node?, queue: Node?, provenance: inout Provenance) -> JobLaunch {
        let run = runContext(spec: spec, queue: queue)
        var job = JobLaunch(config: resolved.config, run: run,
                            overrideEntryPoint: spec.flatMap { Self.strings($0["overrides"]?["entry_point"]) },
                            jobEntryPoint: facts.entryPoint,
                            overrideArgs: facts.args ?? spec.flatMap { Self.strings($0["overrides"]?["args"]) } ?? [],
                            imageURI: facts.imageURI ?? run.dockerImage ?? Facts.placeholderImage)
        job.origins = FactOrigins(facts: facts, spec: spec, queue: queue).mark(in: &provenance)
        // SageMaker: the role as the renderer finds it, when a bare name is made an ARN.
        if resolved.resource == .sagemaker, let role = SageMakerRequest.role(in: resolved.config),
           case .string(let name) = role.value, !SageMakerRequest.isARN(name, partition: facts.awsPartition) {
            job.origins.roleARN = provenance.mark(Provenance.Origin(span: provenance.origin(of: role.range)?.span,
                                                                    detail: "the role name, as an ARN in account \(facts.awsAccount) (--aws-account)"))
        }
        return job
    }

    /// The agent's macro table for this job.
    func macroTable(_ launch: JobLaunch) -> MacroTable {
        MacroTable(project: launch.run.project, entity: launch.run.entity, runID: launch.run.runID, runName: launch.run.runName,
                   imageURI: launch.imageURI, author: launch.run.author, environment: facts.macros)
    }

    /// What the agent receives for this job, after the W&B server's part (template values
    /// filled, `resource_args` merged): the launch spec of the run queue item, with the resolved
    /// queue config as its `resource_args`; and what the agent knows besides (`agent`: the image
    /// it hands the runner, the job's entry point, its environment, the API key, the queue, the
    /// cloud account). `render --agent-input` prints it; `make parity` feeds it to wandb itself.
    func agentInput(_ launch: JobLaunch, resource: LaunchResource) -> Node {
        let run = launch.run
        func text(_ s: String?) -> Node { Node.made(s.map(Value.string) ?? .null) }
        func strings(_ words: [String]) -> Node { Node.made(.array(words.map { text($0) })) }
        var launchSpec = [Member.made("entity", text(run.entity)), Member.made("project", text(run.project))]
        if let name = run.runName { launchSpec.append(Member.made("name", text(name))) }
        if let author = run.author { launchSpec.append(Member.made("author", text(author))) }
        launchSpec.append(Member.made("run_id", text(run.runID)))
        if let job = run.job { launchSpec.append(Member.made("job", text(job))) }
        if let image = run.dockerImage { launchSpec.append(Member.made("docker", Node.made(.object([Member.made("docker_image", text(image))])))) }
        if let sweep = run.sweepID { launchSpec.append(Member.made("sweep_id", text(sweep))) }
        if run.resumeCount > 0 { launchSpec.append(Member.made("_resume_count", Node.made(.integer(Int64(run.resumeCount))))) }
        if let services = run.additionalServices { launchSpec.append(Member.made("additional_services", services)) }
        var overrides: [Member] = []
        if let entryPoint = launch.overrideEntryPoint { overrides.append(Member.made("entry_point", strings(entryPoint))) }
        overrides.append(Member.made("args", strings(launch.overrideArgs)))
        if let config = run.runConfig { overrides.append(Member.made("run_config", config)) }
        if let files = run.fileOverrides { overrides.append(Member.made("files", files)) }
        if let artifacts = run.artifacts { overrides.append(Member.made("artifacts", artifacts)) }
        launchSpec += [Member.made("overrides", Node.made(.object(overrides))), Member.made("resource", text(resource.rawValue)),
                       Member.made("resource_args", Node.made(.object([Member.made(resource.rawValue, launch.config)])))]
        let agent = [Member.made("image_uri", text(launch.imageURI)),
                     Member.made("job_entry_point", launch.jobEntryPoint.map(strings) ?? text(nil)),
                     Member.made("environment", Node.made(.object(facts.macros.sorted { $0.key < $1.key }.map { Member.made($0.key, text($0.value)) }))),
                     Member.made("api_key", text(run.apiKey)), Member.made("queue_name", text(run.queueName)),
                     Member.made("queue_entity", text(run.queueEntity)), Member.made("run_queue_item_id", text(run.traceID)),
                     Member.made("aws_account", text(facts.awsAccount)), Member.made("aws_partition", text(facts.awsPartition)),
                     Member.made("gcp_project", text(facts.gcpProject)), Member.made("gcp_region", text(facts.gcpRegion))]
        return Node.made(.object([Member.made("launch_spec", Node.made(.object(launchSpec))), Member.made("agent", Node.made(.object(agent)))]))
    }

    /// The submission, or the agent's message when it refuses the config.
    func build(_ launch: JobLaunch, resource: LaunchResource) -> (Body?, String?) {
        let run = launch.run
        let macros = macroTable(launch)
        switch resource {
        case .sagemaker:
            switch SageMakerRequest.build(.init(launch, macros: macros, account: facts.awsAccount, partition: facts.awsPartition)) {
            case .success(let request): return (.json(request), nil)
            case .failure(let failure): return (nil, failure.message)
            }
        case .kubernetes:
            var launch = launch
            launch.config = macros.fill(launch.config)
            if let refused = KubernetesRules.agentRefusal(launch.config) { return (nil, refused) }
            var inputs = KubernetesJob.Inputs(launch)
            if let release = facts.macros["WANDB_RELEASE_NAME"], !release.isEmpty { inputs.releaseName = release }
            let apiVersion = Self.string(launch.config["apiVersion"]) ?? "batch/v1"
            if apiVersion != "batch/v1" && apiVersion != "batch/v1beta1" {
                return (.json(Node.made(.array([KubernetesCustomResource.build(inputs)]))), nil)
            }
            let secretName = KubernetesJob.secretName(runID: run.runID, releaseName: inputs.releaseName)
            let secret = KubernetesSecret.build(name: secretName, namespace: KubernetesJob.namespace(of: launch.config, context: nil), apiKey: facts.apiKey)
            // The spec's additional services, created after the Secret and before the Job.
            var services: [Node] = []
            if let given = run.additionalServices {
                let built = KubernetesServices.build(macros.fill(given), launch: launch, secretName: run.apiKey.isEmpty || inputs.agentName == nil ? nil : secretName)
                if let refused = built.refusal { return (nil, refused) }
                services = built.objects
            }
            return (.json(Node.made(.array([secret] + services + [KubernetesJob.build(inputs)]))), nil)
        case .localContainer:
            guard case .object(var flags) = macros.fill(launch.config).value else {
                return (nil, "resource_args.local-container must be a dictionary")
            }
            if let refused = DockerCommand.validate(flags) { return (nil, refused.message) }
            // A W&B server on the agent's own machine: the container shares its network (on Linux,
            // where agents run, with host.docker.internal mapped too), after the queue's flags.
            if run.baseURL.hasPrefix("http://localhost") || run.baseURL.hasPrefix("https://localhost") {
                flags.append(Member.made("network", .made(.string("host"))))
                flags.append(Member.made("add-host", .made(.string("host.docker.internal:host-gateway"))))
            }
            let environment = JobEnvironment.variables(run, maxLength: JobEnvironment.defaultLimit)
            // The container runner uses the job's entry point; `overrides.entry_point` is not read.
            switch DockerCommand.build(environment: environment, flags: flags, image: launch.imageURI, entryPoint: launch.jobEntryPoint ?? [],
                                       args: launch.overrideArgs, origins: launch.origins) {
            case .success(let command): return (.command(argv: command.words, origins: command.origins, line: command.commandLine), nil)
            case .failure(let failure): return (nil, failure.message)
            }
        case .localProcess:
            // LaunchProject refuses an image job for this runner as it is built.
            if run.dockerImage != nil { return (nil, "Cannot specify docker image with local-process resource runner") }
            let environment = JobEnvironment.variables(run, maxLength: JobEnvironment.defaultLimit)
            let entryPoint = launch.entryPoint
            let line = ProcessCommand.commandLine(environment: environment, entryPoint: entryPoint.words, args: launch.overrideArgs)
            // The runner hands one line to a shell; its words are the assignments, then the command.
            let argv = environment.map { $0.name + "=" + $0.value } + entryPoint.words + launch.overrideArgs
            let origins = environment.map { launch.origins.variable($0.name) } + entryPoint.words.map { _ in entryPoint.origin }
                + launch.overrideArgs.map { _ in launch.origins.args }
            return (.command(argv: argv, origins: origins, line: line), nil)
        case .gcpVertex:
            switch VertexCustomJob.build(.init(launch, macros: macros, gcpProject: facts.gcpProject, gcpRegion: facts.gcpRegion)) {
            case .success(let job): return (.json(job), nil)
            case .failure(let failure): return (nil, failure.message)
            }
        }
    }

    /// check what was rendered: the body exactly as printed (`text`, reported as `path`) against
    /// the target API's schema, so that each finding points at the line of the output. SageMaker:
    /// the CreateTrainingJob request; Vertex: the CustomJob; Kubernetes: each batch/v1 Job
    /// (custom resources have no bundled schema). The agent would submit the body as it is; these are what the API rejects.
    ///
    /// A finding with the same code and message as one in `reported` (the queue's own, found at
    /// its source line) is left out, so what remains is what resolving introduced.
    public static func checkRendered(_ text: String, path: String, resource: LaunchResource, reported: [Diagnostic] = []) -> [Diagnostic] {
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        let parsed = DocumentParser.parse(file)
        guard parsed.diagnostics.isEmpty, let root = parsed.documents.first?.root else { return [] }
        var targets: [(node: Node, pointer: JSONPointer, schema: LaunchSchemas.Compiled)] = []
        switch resource {
        case .sagemaker:
            if let schema = LaunchSchemas.shared.sageMakerRequest { targets.append((root, .root, schema)) }
        case .kubernetes:
            guard let schema = LaunchSchemas.shared.schema(for: .kubernetes) else { break }
            // A JSON list, or a YAML stream of documents.
            let objects: [(Node, JSONPointer)]
            if parsed.documents.count == 1, case .array(let items) = root.value {
                objects = items.enumerated().map { ($1, JSONPointer.root.appending($0)) }
            } else {
                objects = parsed.documents.enumerated().map { ($1.root, JSONPointer.root.appending($0)) }
            }
            for (item, pointer) in objects where string(item["apiVersion"]) == "batch/v1" && string(item["kind"]) == "Job" {
                targets.append((item, pointer, schema))
            }
        case .gcpVertex:
            if let schema = LaunchSchemas.shared.vertexCustomJob { targets.append((root, .root, schema)) }
        case .localContainer, .localProcess:
            break
        }
        var diagnostics: [Diagnostic] = []
        if resource == .kubernetes {
            for target in targets { diagnostics += KubernetesRules.images(target.node, file: file, pointer: target.pointer, agentFills: false) }
        }
        for target in targets {
            let validator = SchemaValidator(target.schema.set)
            let failures = validator.validate(target.node, against: target.schema.root)
            diagnostics += SchemaDiagnostics(set: target.schema.set, file: file, root: target.node, prefix: target.pointer)
                .diagnose(failures, stopped: validator.stopped)
        }
        let known = Set(reported.map { "\($0.id.code) \($0.message)" })
        // A placeholder (LC1107) is reported where it was written, not again where it lands.
        let placeholders = Set(reported.filter { $0.id == .placeholderValue }.compactMap { d in
            d.span.range.flatMap { Placeholders.placeholder(in: d.span.file.text(in: $0)) }.map(String.init)
        })
        let index = NodeIndex(root)
        return DiagnosticCollector.sorted(diagnostics.filter { finding in
            if known.contains("\(finding.id.code) \(finding.message)") { return false }
            guard !placeholders.isEmpty, let pointer = finding.pointer, case .string(let text)? = index.node(at: pointer)?.value,
                  let placeholder = Placeholders.placeholder(in: text) else { return true }
            return !placeholders.contains(String(placeholder))
        })
    }

    /// An object as `kubectl apply` needs it: the API-key Secret, sent by the agent to a typed
    /// endpoint without one, gets `apiVersion: v1` in front.
    public static func applyReady(_ object: Node) -> Node {
        guard case .object(let members) = object.value, string(object["kind"]) == "Secret", object["apiVersion"] == nil else { return object }
        return Node(.object([Member(key: "apiVersion", keyRange: .at(0), value: Node(.string("v1"), range: .at(0)))] + members), range: object.range)
    }

    static func string(_ value: Node?) -> String? {
        if case .string(let s)? = value?.value { return s }
        return nil
    }

    static func strings(_ value: Node?) -> [String]? {
        guard case .array(let items)? = value?.value else { return nil }
        return items.compactMap { string($0) }
    }
}
