import ArgumentParser
import LaunchcCore

enum PolicyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Policy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the least-privilege permissions an agent config and its queues need.",
        discussion: """
            For each principal: the agent's AWS role (SageMaker jobs, passing each execution role, \
            a KMS grant for an encrypted volume, its logs, pushing the image the builder builds, \
            kaniko's build context); each SageMaker execution role (the queue's S3 input channels, \
            output and checkpoint paths, the training image, logs and metrics); the agent's GCP \
            identity (Vertex custom jobs, acting as the job's service account, the kaniko context \
            bucket, the Artifact Registry repository it pushes to); the service account Vertex jobs \
            run as (their output directory and images); and Azure roles (ACR push, the blob build \
            context). AWS permissions print as IAM policy documents; GCP and Azure ones as \
            permissions (with the predefined role that holds them) on a resource.

            Every resource is the one the configs name. A {{template variable}} or ${macro} can \
            differ per run, so that segment becomes '*' and a note says so. What the configs do \
            not pin is a finding on standard error: LC4001 (a resource chosen per run, or not named \
            at all), LC4002 (no account, region or project; pass --aws-account or --gcp-project), \
            LC4003 (a URI no IAM can name). The policy covers jobs as the queue configs define \
            them; a launch spec's resource_args can override a queue's values per run. policy does \
            not repeat check's findings: run launchc check on the same files.

            Exit codes: 0 printed, with no error-level finding (nor a warning, with --strict); 1 findings \
            at that level (the permissions are still printed), or an input that does not parse (then \
            nothing is printed: permissions from the other files alone would look complete); \
            2 a usage error, an unreadable input, a file that is not an agent config or a queue, or \
            an output file that could not be written.

            Examples:
              launchc policy launch-config.yaml queues/sagemaker-gpu.yaml
              launchc policy launch-config.yaml queues/*.yaml --aws-account 123456789012
              launchc policy agent.yaml vertex-queue.yaml --gcp-project ml-platform --format json
              launchc policy agent.yaml queue.json --format json | jq '.principals[0].policy' > agent-policy.json
              launchc policy agent.yaml --resource sagemaker queue-config.yaml
            """
    )

    @Argument(help: "The agent config (launch-config.yaml).")
    var agentConfig: String

    @Argument(help: "The queues: queue definitions, or queue configs (their resource inferred, or given with --resource); each document of a YAML stream is one.")
    var queues: [String] = []

    @Option(help: ArgumentHelp("The resource of bare queue configs: sagemaker, gcp-vertex, kubernetes, local-container, local-process.", valueName: "resource"),
            completion: .list(LaunchResource.allCases.map(\.rawValue)))
    var resource: String?

    @Option(name: .customLong("aws-account"), help: "The agent's AWS account, for SageMaker role names (default: the account of the queues' role ARNs).")
    var awsAccount: String?

    @Option(name: .customLong("aws-partition"), help: "The AWS partition of the ARNs (default: a role ARN's or an ECR URI's, else the region's: aws-cn for cn-*, aws-us-gov for us-gov-*, else aws).")
    var awsPartition: String?

    @Option(name: .customLong("gcp-project"), help: "The agent's GCP project (default: environment.project, which the agent itself ignores).")
    var gcpProject: String?

    @Option(help: "Output format: text (AWS policies as JSON under '#' headings) or json (one document).")
    var format: PolicyFormat = .text

    @Flag(help: "Print JSON on one line.")
    var compact = false

    @Flag(help: "Exit 1 when there are warnings, such as a resource the configs do not pin.")
    var strict = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the permissions to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let resource, LaunchResource(name: resource) == nil {
            throw ValidationError("unknown --resource '\(resource)'; use " + LaunchResource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let awsAccount, awsAccount.count != 12 || !awsAccount.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError("--aws-account takes the 12-digit account id, not '\(awsAccount)'")
        }
        if let awsPartition, !["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"].contains(awsPartition) {
            throw ValidationError("--aws-partition must be an AWS partition such as aws, aws-cn or aws-us-gov, not '\(awsPartition)'")
        }
    }

    func run() throws {
        let style = ReportStyle(color: common.settings.color.enabled(for: .standardError))
        let limits = common.settings.limits
        var diagnostics: [Diagnostic] = []

        /// The file's documents, and what each is; nil when it does not parse.
        func load(_ path: String, classifier: Classifier) throws -> (file: SourceFile, documents: [(root: Node, kind: Classification?)])? {
            let file = try readOrExit(path == "-" ? .standardInput(name: common.settings.stdinName) : .file(path), style: style, limits: limits)
            let parsed = DocumentParser.parse(file, limits: limits)
            // What stops reading the file is policy's business; warnings are check's.
            diagnostics += parsed.diagnostics.filter { $0.severity == .error }
            guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            guard parsed.documents.contains(where: { $0.root.value != .null }) else {
                Output.write("launchc: error: \(file.path) is empty\n", to: .standardError)
                throw ExitCode(2)
            }
            let kinds = classifier.classify(parsed).classifications
            // An empty document (a stream's trailing '---') is no queue.
            return (file, parsed.documents.enumerated().filter { $0.element.root.value != .null }.map { ($1.root, $0 < kinds.count ? kinds[$0] : nil) })
        }

        let loadedAgent = try load(agentConfig, classifier: Classifier())
        var agent: (file: SourceFile, root: Node)?
        if let loadedAgent {
            guard loadedAgent.documents.count == 1 else {
                Output.write("launchc: error: \(loadedAgent.file.path) holds \(loadedAgent.documents.count) documents; the agent config is one\n", to: .standardError)
                throw ExitCode(2)
            }
            guard let kind = loadedAgent.documents[0].kind, kind.kind == .agent else {
                let what = loadedAgent.documents[0].kind.map { "reads as \($0.kind.title)" } ?? "does not read as one (say so with a '# launchc: kind=agent' comment)"
                Output.write("launchc: error: \(loadedAgent.file.path) is not an agent config: it \(what); give the agent config first\n", to: .standardError)
                throw ExitCode(2)
            }
            agent = (loadedAgent.file, loadedAgent.documents[0].root)
        }
        var loaded: [PolicyGenerator.Queue] = []
        var unparsed = agent == nil
        let queueClassifier = Classifier(resource: resource.flatMap(LaunchResource.init(name:)))
        for path in queues {
            guard let queues = try load(path, classifier: queueClassifier) else { unparsed = true; continue }
            // Every document of a YAML stream is a queue.
            for (n, document) in queues.documents.enumerated() {
                let name = queues.documents.count == 1 ? queues.file.path : "\(queues.file.path) (document \(n + 1))"
                switch (document.kind?.kind, document.kind?.resource) {
                case (.queue?, _):
                    guard case .string(let text)? = document.root["resource"]?.value, let resource = LaunchResource(name: text), let config = document.root["config"] else {
                        Output.write("launchc: error: \(name): the queue definition needs a resource and a config\n", to: .standardError)
                        throw ExitCode(2)
                    }
                    loaded.append(PolicyGenerator.Queue(file: queues.file, resource: resource, config: config, definition: document.root))
                case (.queueConfig?, let resource?):
                    loaded.append(PolicyGenerator.Queue(file: queues.file, resource: resource, config: document.root))
                default:
                    let what = document.kind.map { " (it reads as \($0.kind.title))" } ?? ""
                    let hint = resource == nil ? "; for a bare queue config, say which resource with --resource" : ""
                    Output.write("launchc: error: \(name) is not a queue definition or a queue config\(what)\(hint)\n", to: .standardError)
                    throw ExitCode(2)
                }
            }
        }

        // Permissions from only some of the files would look complete: none are printed then.
        var report = PolicyReport()
        if let agent, !unparsed {
            var facts = PolicyGenerator.Facts()
            facts.awsAccount = awsAccount
            facts.awsPartition = awsPartition
            facts.gcpProject = gcpProject
            report = PolicyGenerator(facts: facts).generate(agent: agent.root, agentFile: agent.file, queues: loaded)
        }
        diagnostics += report.diagnostics
        if !diagnostics.isEmpty {
            Output.write(TextReporter(style: style).renderDiagnostics(diagnostics), to: .standardError)
        }
        if !unparsed {
            let text = format == .json ? CanonicalJSON.string(report.json, indent: compact ? nil : 2) + "\n" : report.text
            if let output {
                if let problem = AtomicFile.write(text, to: output) {
                    Output.write("launchc: error: cannot write '\(output)': \(problem)\n", to: .standardError)
                    throw ExitCode(2)
                }
            } else {
                Output.write(text)
            }
        }
        let failing: Severity = strict ? .warning : .error
        if unparsed || diagnostics.contains(where: { $0.severity >= failing }) { throw ExitCode(1) }
    }
}
