import ArgumentParser
import LaunchcCore

struct Policy: ParsableCommand, PipelineCommand {
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

    @Option(help: ArgumentHelp("The resource of bare queue configs: sagemaker, gcp-vertex, kubernetes, local-container, local-process.", valueName: "resource"))
    var resource: LaunchResource?

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

    @OptionGroup var input: InputOptionGroup

    /// What the options ask for.
    var request: PolicyRequest {
        var r = PolicyRequest()
        (r.agentConfig, r.queues, r.resource, r.awsAccount, r.awsPartition) = (agentConfig, queues, resource, awsAccount, awsPartition)
        (r.gcpProject, r.format, r.compact, r.strict, r.output, r.input) = (gcpProject, format, compact, strict, output, input.options)
        return r
    }

    func validate() throws { try usage(request.problems()) }

    func outcome(environment: RunEnvironment) -> Outcome { PolicyPipeline.run(request, environment: environment) }

    var color: ColorMode { input.color }
}

