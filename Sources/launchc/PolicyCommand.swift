import ArgumentParser
import LaunchcCore

struct Policy: ParsableCommand, PipelineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the least-privilege permissions an agent config and its queues need.",
        discussion: CommandHelp.policy
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

