import ArgumentParser
import LaunchcCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output formats for `render`.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case json, yaml, shell
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the submission the W&B agent would make for one job.",
        discussion: """
            The queue (a queue definition, or a bare queue config with --resource) and the launch \
            spec are checked first; their findings go to standard error. The body is then built \
            as wandb 0.31.0 builds it: template variables filled (--set, then the spec, then \
            defaults), the spec's resource_args merged in, the builder key removed, macros filled.

            Outputs: sagemaker, the CreateTrainingJob request; gcp-vertex, the CustomJob as the \
            Vertex AI REST API takes it; kubernetes, the API-key Secret and the Job (or the \
            custom resource) as a JSON list, or with --format yaml as documents for kubectl apply \
            (the Secret then gets its apiVersion, v1); local-container, the docker argv (--format \
            shell: the command line); local-process, the command line (--format json: its words). \
            The SageMaker request, the Vertex CustomJob and Kubernetes Jobs are then checked \
            against the API's schema; those findings point at lines of the printed body \
            ('<rendered>', or the -o file), with a note saying where the value came from. --explain \
            prints, instead of the body, every field with its value and that origin: a line of the \
            queue or the launch spec, a template variable, a flag, launchc's placeholder, or the \
            agent. Macro quirks that change the job (an unknown ${NAME} kept, a macro in a key, \
            ${run_name} or ${author} filled as 'None', ${project_name} lower-cased, a value not \
            filled again) are warnings at the line that holds the macro.

            What is not given renders as a fixed placeholder: entity 'entity', project \
            'project', run id 'dryrun00', image 'launchc-dry-run:latest', the API key as \
            '<WANDB_API_KEY>' unless --show-secrets (which reads WANDB_API_KEY), and what the SDK \
            would take from the clock (a Vertex job's default display name and output \
            directory) as '<timestamp>'.

            Exit codes: 0 rendered with no error-level finding; 1 findings at error level or a \
            config the agent refuses (the body is still printed when it can be built); 2 a usage \
            error, an unreadable input, or an output file that could not be written.

            Examples:
              launchc render queues/sagemaker.yaml --spec launch-spec.yaml --run-id 8x2k1q
              launchc render queue.yaml --set gpus=4 --project resnet -o rendered/job.json
              launchc render k8s-queue.yaml --format yaml | kubectl apply --dry-run=server -f -
              launchc render vertex-queue.yaml --spec launch-spec.yaml --format yaml
              launchc render queue.yaml --spec launch-spec.yaml --agent-input
              launchc render queue.yaml --spec launch-spec.yaml --set gpus=4 --explain
              launchc render --resource local-container docker.yaml --format shell \\
                  --entry-point 'python train.py' --args='--lr 0.1'
            """
    )

    @Argument(help: "The queue definition or queue config ('-' for standard input).")
    var queue: String

    @Option(help: ArgumentHelp("The launch spec of the run.", valueName: "file"))
    var spec: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A template variable's value; repeatable.", valueName: "name=value"))
    var settings: [String] = []

    @Option(help: ArgumentHelp("What the queue file is: queue or queue-config.", valueName: "kind"), completion: .list(["queue", "queue-config"]))
    var kind: String?

    @Option(help: ArgumentHelp("The resource of a bare queue config: sagemaker, gcp-vertex, kubernetes, local-container, local-process.", valueName: "resource"),
            completion: .list(LaunchResource.allCases.map(\.rawValue)))
    var resource: String?

    @Option(name: .customLong("run-id"), help: "The run's id (default: the spec's run_id, else 'dryrun00').")
    var runID: String?

    @Option(help: "The W&B project (default: the spec's, else 'project').")
    var project: String?

    @Option(help: "The W&B entity (default: the spec's, else 'entity').")
    var entity: String?

    @Option(name: .customLong("run-name"), help: "The run's name (default: the spec's name; ${run_name} is 'None' without one, as the agent prints it).")
    var runName: String?

    @Option(help: "The run's author (${author}; default: the spec's author).")
    var author: String?

    @Option(name: .customLong("image-uri"), help: "The image handed to the runner (default: the spec's docker.docker_image).")
    var imageURI: String?

    @Option(name: .customLong("entry-point"), help: ArgumentHelp("The job's own entry point: words separated by spaces, or a JSON array of strings.", valueName: "command"))
    var entryPoint: String?

    @Option(help: ArgumentHelp("The run's args: words separated by spaces, or a JSON array of strings (default: the spec's overrides.args).", valueName: "args"))
    var args: String?

    @Option(name: .customLong("queue"), help: "The queue the run came from (WANDB_LAUNCH_QUEUE_NAME; default: a queue definition's name).")
    var queueName: String?

    @Option(name: .customLong("queue-entity"), help: "The queue's entity (WANDB_LAUNCH_QUEUE_ENTITY; default: a queue definition's entity).")
    var queueEntity: String?

    @Option(name: .customLong("run-queue-item-id"), help: "The run queue item's id (WANDB_LAUNCH_TRACE_ID).")
    var runQueueItemID: String?

    @Option(name: .customLong("macro"), help: ArgumentHelp("A variable of the agent's environment, for ${NAME}; repeatable.", valueName: "name=value"))
    var macros: [String] = []

    @Option(name: .customLong("aws-account"), help: "The AWS account a bare SageMaker role name expands with.")
    var awsAccount = "123456789012"

    @Option(name: .customLong("aws-partition"), help: "The AWS partition of role ARNs.")
    var awsPartition = "aws"

    @Option(name: .customLong("gcp-project"), help: "The GCP project of the agent's environment (Vertex experiment resource names).")
    var gcpProject = "gcp-project"

    @Option(name: .customLong("gcp-region"), help: "The GCP region of the agent's environment (Vertex experiment resource names).")
    var gcpRegion = "us-central1"

    @Option(help: "Output format: json; yaml (sagemaker, and kubernetes as documents for kubectl apply); shell (local-container and local-process command lines; local-process's default).")
    var format: RenderFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the body to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("show-secrets"), help: "Render the API key from the WANDB_API_KEY environment variable instead of a placeholder, and credentials written in the queue or spec unmasked.")
    var showSecrets = false

    @Flag(help: "Print JSON on one line.")
    var compact = false

    @Flag(help: "Print every field of the body instead of the body: its value and where the value came from (a queue or spec line, a template variable, a flag, a placeholder, or the agent).")
    var explain = false

    @Flag(name: .customLong("agent-input"), help: "Print what the agent receives for the job instead of the submission: the launch spec with the resolved queue config as its resource_args, and what the agent knows besides (JSON).")
    var agentInput = false

    @OptionGroup var common: CommonOptions

    /// What the options ask for.
    func asked() -> RenderSettings {
        RenderSettings(queue: queue, spec: spec, settings: settings, kind: kind, resource: resource, runID: runID, project: project,
                       entity: entity, runName: runName, author: author, imageURI: imageURI, entryPoint: entryPoint, args: args,
                       queueName: queueName, queueEntity: queueEntity, runQueueItemID: runQueueItemID, macros: macros,
                       awsAccount: awsAccount, awsPartition: awsPartition, gcpProject: gcpProject, gcpRegion: gcpRegion,
                       format: format, output: output, showSecrets: showSecrets, compact: compact, explain: explain,
                       agentInput: agentInput, common: common.settings)
    }

    func validate() throws { try asked().validate() }

    func run() throws { try asked().run() }
}

/// What a `render` run is asked to do, however its command line was parsed (`Render`, or `FastPath`).
struct RenderSettings: Equatable {
    var queue = ""
    var spec: String?
    /// `--set NAME=VALUE`
    var settings: [String] = []
    var kind: String?
    var resource: String?
    var runID: String?
    var project: String?
    var entity: String?
    var runName: String?
    var author: String?
    var imageURI: String?
    var entryPoint: String?
    var args: String?
    var queueName: String?
    var queueEntity: String?
    var runQueueItemID: String?
    var macros: [String] = []
    var awsAccount = "123456789012"
    var awsPartition = "aws"
    var gcpProject = "gcp-project"
    var gcpRegion = "us-central1"
    var format: RenderFormat?
    var output: String?
    var showSecrets = false
    var compact = false
    var explain = false
    var agentInput = false
    var common = CommonSettings()

    func validate() throws {
        if explain && agentInput { throw ValidationError("--explain and --agent-input each replace the body; give one of them") }
        if let kind, kind != DocumentKind.queue.rawValue && kind != DocumentKind.queueConfig.rawValue {
            throw ValidationError("--kind must be queue or queue-config for render, not '\(kind)'")
        }
        if let resource, LaunchResource(name: resource) == nil {
            throw ValidationError("unknown --resource '\(resource)'; use " + LaunchResource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        for setting in settings where Resolver.Setting(setting) == nil {
            throw ValidationError("--set needs NAME=VALUE with exactly one '=', not '\(setting)'")
        }
        for macro in macros where Resolver.Setting(macro) == nil {
            throw ValidationError("--macro needs NAME=VALUE with exactly one '=', not '\(macro)'")
        }
        if let entryPoint { _ = try Self.words(entryPoint, flag: "--entry-point") }
        if let args { _ = try Self.words(args, flag: "--args") }
        if showSecrets && getenv("WANDB_API_KEY") == nil {
            throw ValidationError("--show-secrets renders the key from WANDB_API_KEY, which is not set")
        }
    }

    func run() throws {
        let errors = ReportStyle(color: common.color.enabled(for: .standardError))
        let queueFile = try readOrExit(queue == "-" ? .standardInput(name: common.stdinName) : .file(queue), style: errors, limits: common.limits)
        let specFile = try spec.map { try readOrExit(.file($0), style: errors, limits: common.limits) }

        var facts = Renderer.Facts()
        facts.entity = entity
        facts.project = project
        facts.runID = runID
        facts.runName = runName
        facts.author = author
        facts.imageURI = imageURI
        facts.entryPoint = try entryPoint.map { try Self.words($0, flag: "--entry-point") }
        facts.args = try args.map { try Self.words($0, flag: "--args") }
        facts.awsAccount = awsAccount
        facts.awsPartition = awsPartition
        facts.gcpProject = gcpProject
        facts.gcpRegion = gcpRegion
        facts.queueName = queueName
        facts.queueEntity = queueEntity
        facts.runQueueItemID = runQueueItemID
        for macro in macros.compactMap(Resolver.Setting.init) { facts.macros[macro.name] = macro.value }
        if showSecrets, let key = getenv("WANDB_API_KEY") { facts.apiKey = String(cString: key) }
        var renderer = Renderer(classifier: Classifier(kind: kind.flatMap(DocumentKind.init(rawValue:)), resource: resource.flatMap(LaunchResource.init(name:))),
                                settings: settings.compactMap(Resolver.Setting.init), facts: facts)
        renderer.limits = common.limits
        let rendered = renderer.render(queue: queueFile, spec: specFile)

        if !rendered.diagnostics.isEmpty {
            Output.write(TextReporter(style: errors).renderDiagnostics(rendered.diagnostics), to: .standardError)
        }
        if let failure = rendered.failure { Output.write("launchc: error: \(failure)\n", to: .standardError) }
        var bodyProblems: [Diagnostic] = []
        if agentInput {
            guard let input = rendered.agentInput else { throw ExitCode(1) }
            try emit(masked(CanonicalJSON.string(input, indent: compact ? nil : 2) + "\n", rendered))
            if rendered.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
            return
        }
        if let body = rendered.body {
            let text = masked(try self.text(of: body, resource: rendered.resource), rendered)
            if let resource = rendered.resource, rendered.templatesResolved {
                bodyProblems = RenderExplanation.annotate(
                    Renderer.checkRendered(text, path: explain ? "<rendered>" : output ?? "<rendered>", resource: resource, reported: rendered.diagnostics), rendered)
            }
            try emit(explain ? masked(RenderExplanation.text(RenderExplanation.rows(rendered)), rendered) : text)
        }
        if !bodyProblems.isEmpty {
            Output.write(TextReporter(style: errors).renderDiagnostics(bodyProblems), to: .standardError)
        }
        let findings = rendered.diagnostics + bodyProblems
        if rendered.failure != nil || rendered.body == nil || findings.contains(where: { $0.severity == .error }) {
            throw ExitCode(1)
        }
    }

    /// Output with the credentials the queue or spec hold in plain text masked, unless
    /// --show-secrets (LC1601 has reported them already).
    func masked(_ text: String, _ rendered: Renderer.Rendered) -> String {
        showSecrets ? text : Secrets.masking(rendered.secrets, in: text)
    }

    /// Writes to -o (whole or not at all), or to standard output.
    func emit(_ text: String) throws {
        guard let output else { return Output.write(text) }
        if let problem = AtomicFile.write(text, to: output) {
            Output.write("launchc: error: cannot write '\(output)': \(problem)\n", to: .standardError)
            throw ExitCode(2)
        }
    }

    func text(of body: Renderer.Body, resource: LaunchResource?) throws -> String {
        // local-process's output is a command line (PRODUCT.md §6); the others default to JSON.
        switch (body, format ?? (resource == .localProcess ? .shell : .json)) {
        case (.json(let node), .json):
            return CanonicalJSON.string(node, indent: compact ? nil : 2) + "\n"
        case (.json(let node), .yaml):
            guard resource == .kubernetes, case .array(let objects) = node.value else { return YAMLWriter.document(node) }
            return YAMLWriter.stream(objects.map(Renderer.applyReady))
        case (.json, .shell):
            Output.write("launchc: error: --format shell applies to local-container and local-process only\n", to: .standardError)
            throw ExitCode(2)
        case (.command, .yaml):
            Output.write("launchc: error: --format yaml applies to sagemaker and kubernetes; a command is json or shell\n", to: .standardError)
            throw ExitCode(2)
        case (.command(let argv, _, _), .json):
            let words = Node(.array(argv.map { Node(.string($0), range: .at(0)) }), range: .at(0))
            return CanonicalJSON.string(words, indent: compact ? nil : 2) + "\n"
        case (.command(_, _, let line), .shell):
            return line + "\n"
        }
    }

    /// Words separated by white space, or a JSON array of strings (for words holding spaces).
    static func words(_ text: String, flag: String) throws -> [String] {
        guard text.first == "[" else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        }
        let parsed = DocumentParser.parse(SourceFile(path: flag, bytes: Array(text.utf8)), format: .json)
        var words: [String] = []
        if !parsed.diagnostics.contains(where: { $0.severity == .error }), case .array(let items)? = parsed.documents.first?.root.value {
            for item in items {
                guard case .string(let word) = item.value else { words = []; break }
                words.append(word)
            }
            if words.count == items.count { return words }
        }
        throw ValidationError("\(flag) takes words separated by spaces, or a JSON array of strings such as '[\"--name\", \"two words\"]'")
    }
}

/// A file written whole or not at all: a temporary file beside the target, then `rename(2)`.
/// On any failure the temporary file is removed and an existing target is left as it was.
enum AtomicFile {
    /// nil on success, else what went wrong. A regular file (or a new one) is replaced whole or
    /// not at all: the text goes to a temporary file beside it, which is renamed over it once
    /// written and synced; a file that existed keeps its permissions. A symbolic link keeps
    /// pointing where it did: the file it leads to (even one not there yet) is what is written.
    /// A device or a FIFO (`/dev/stdout`, `/dev/full`, a named pipe) is written in place, as a
    /// shell's `>` would (a FIFO waits for its reader), since renaming over it would destroy it.
    static func write(_ text: String, to requested: String) -> String? {
        var path = requested
        var info = stat()
        var hops = 0
        while lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            hops += 1
            guard hops <= 40 else { return String(cString: strerror(ELOOP)) }
            var buffer = [CChar](repeating: 0, count: 4097)
            let count = readlink(path, &buffer, 4096)
            guard count >= 0 else { return String(cString: strerror(errno)) }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let slash = path.lastIndex(of: "/")
            path = target.hasPrefix("/") || slash == nil ? target : String(path[...slash!]) + target
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a directory" }
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { return String(cString: strerror(errno)) }
            let written = Output.writeAll(text, to: fd)
            let closed = close(fd) == 0 ? 0 : errno
            if written != 0 { return String(cString: strerror(written)) }
            if closed != 0 { return String(cString: strerror(closed)) }
            return nil
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((directory + "." + name + ".launchc-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { return String(cString: strerror(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        let written = Output.writeAll(text, to: fd)
        if written != 0 { failure = String(cString: strerror(written)) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        // mkstemp creates 0600: give the file the mode the one it replaces had, or the mode a
        // plain create would (0666 less the umask), so that a private file stays private.
        let mask = umask(0)
        umask(mask)
        var old = stat()
        let mode = stat(path, &old) == 0 ? old.st_mode & 0o7777 : 0o666 & ~mask
        if failure == nil, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(temporary) }
        return failure
    }
}
