import ArgumentParser
import LaunchcCore

struct Render: ParsableCommand, PipelineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the submission the W&B agent would make for one job.",
        discussion: CommandHelp.render
    )

    @Argument(help: "The queue definition or queue config ('-' for standard input).")
    var queue: String

    @Option(help: ArgumentHelp("The launch spec of the run.", valueName: "file"))
    var spec: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A template variable's value; repeatable.", valueName: "name=value"))
    var settings: [String] = []

    @Option(help: ArgumentHelp("What the queue file is: queue, queue-config or resource-args.", valueName: "kind"), completion: .list(["queue", "queue-config", "resource-args"]))
    var kind: DocumentKind?

    @Option(help: ArgumentHelp("The resource of a bare queue config: sagemaker, gcp-vertex, kubernetes, local-container, local-process.", valueName: "resource"))
    var resource: LaunchResource?

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

    @Option(name: .customLong("entry-point"), parsing: .unconditional, help: ArgumentHelp("The job's own entry point: words separated by spaces, or a JSON array of strings.", valueName: "command"))
    var entryPoint: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The run's args: words separated by spaces, or a JSON array of strings (default: the spec's overrides.args).", valueName: "args"))
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

    @OptionGroup var input: InputOptionGroup

    /// What the options ask for.
    var request: RenderRequest {
        var r = RenderRequest()
        (r.queue, r.spec, r.settings, r.kind, r.resource, r.runID, r.project) = (queue, spec, settings, kind, resource, runID, project)
        (r.entity, r.runName, r.author, r.imageURI, r.entryPoint, r.args) = (entity, runName, author, imageURI, entryPoint, args)
        (r.queueName, r.queueEntity, r.runQueueItemID, r.macros) = (queueName, queueEntity, runQueueItemID, macros)
        (r.awsAccount, r.awsPartition, r.gcpProject, r.gcpRegion) = (awsAccount, awsPartition, gcpProject, gcpRegion)
        (r.format, r.output, r.showSecrets, r.compact, r.explain, r.agentInput) = (format, output, showSecrets, compact, explain, agentInput)
        r.input = input.options
        return r
    }

    func validate() throws { try usage(request.problems()) }

    func outcome(environment: RunEnvironment) -> Outcome { RenderPipeline.run(request, environment: environment) }

    var color: ColorMode { input.color }
}
