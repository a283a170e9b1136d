/// The long help of each command (`launchc COMMAND --help`): what it does, its outputs and
/// exit codes, and examples. Kept beside the pipelines whose behaviour it describes.
public enum CommandHelp {
    public static let launchc = """
        launchc reads the YAML and JSON files that define W&B Launch queues and agents and \
        reports mistakes with their exact line and column, before the agent or a cloud API \
        rejects a run.

        Exit codes: 0 no error-level findings; 1 findings at error level (or at warning \
        level with --strict); 2 a usage error or an input that cannot be read.

        Examples:
          launchc check launch-config.yaml queues/
          launchc check --format json queues/ > findings.json
          launchc render queues/sagemaker.yaml --spec launch-spec.yaml
          launchc policy launch-config.yaml queues/sagemaker.yaml
          launchc parse queues/train-gpu.yaml
          launchc explain LC1101

        Shell completion:
          launchc --generate-completion-script bash > /etc/bash_completion.d/launchc
          launchc --generate-completion-script zsh > "${fpath[1]}/_launchc"
          launchc --generate-completion-script fish > ~/.config/fish/completions/launchc.fish
        """

    public static let check = """
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

    public static let render = """
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

    public static let policy = """
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

    public static let parse = """
        The output is what launchc sees: YAML 1.2 core-schema scalars resolved, aliases and \
        merge keys expanded, keys in source order, numbers in their shortest exact form. \
        Findings go to standard error; on an error nothing is printed and the exit code is 1.

        Examples:
          launchc parse queues/train-gpu.yaml
          launchc parse --all-documents k8s/job.yaml
          launchc parse --compact sagemaker.json | jq .ResourceConfig
        """

    public static let schema = """
        The schemas launchc checks documents with are compiled into the binary; this prints \
        them exactly, with the titles, descriptions and examples editors show, for editors \
        (VS Code, yaml-language-server) and for other validators. Their $ids are not served: \
        write them to files, and name those in a yaml-language-server modeline or in the \
        editor's settings (docs/editors.md shows how).

        Examples:
          launchc schema --list
          launchc schema sagemaker > .launchc/schemas/sagemaker.json
          launchc schema meta/draft2020-12/schema > schema.json
        """

    public static let explain = """
        Without a code, lists every code launchc reports.

        Examples:
          launchc explain
          launchc explain LC1101
          launchc explain duplicate-key
        """

    /// launchc's commands, for suggestions.
    public static let commands = ["check", "render", "policy", "parse", "schema", "explain", "help"]

    /// An unknown command (`launchc chek`): a usage error (LC1901) naming the nearest command,
    /// when one is close enough to be meant; nil for an argument that is a command or an option.
    public static func unknownCommand(_ arguments: [String], color: ColorMode, environment: RunEnvironment) -> Outcome? {
        guard let name = arguments.first, !name.hasPrefix("-"), !commands.contains(name) else { return nil }
        let nearest = commands.map { ($0, SchemaDiagnostics.distance(name.lowercased(), $0)) }.min { $0.1 < $1.1 }
        var message = "unknown command '\(name)'"
        if let (command, distance) = nearest, distance <= max(1, command.count / 3) { message += "; did you mean '\(command)'?" }
        var outcome = Outcome()
        outcome.fail(Diagnostic(.usageError, message, at: .invocation, fixIts: [FixIt("the commands are " + commands.dropLast().joined(separator: ", ") + "; see 'launchc --help'")]),
                     style: environment.style(.standardError, mode: color))
        return outcome
    }
}
