/// LC31xx: the agent's configuration.
extension DiagnosticID {
    public static let agentIgnoredRegistryKey = DiagnosticID(
        code: "LC3101", name: "agent-ignored-registry-key", severity: .warning,
        summary: "a registry key the agent does not read",
        explanation: """
            The agent's `registry` block ignores keys it does not know, without a word. The key has no \
            effect; the block itself is deprecated in favour of the builder's `destination`.
            """,
        bad: "registry:\n  type: ecr\n  url: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n",
        good: "registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let agentIgnoredBuilderKey = DiagnosticID(
        code: "LC3102", name: "agent-ignored-builder-key", severity: .warning,
        summary: "a builder key the agent ignores, often an underscore spelling of a dashed key",
        explanation: """
            The builder block accepts its multi-word keys only with dashes (`build-context-store`, \
            `secret-name`, `kaniko-image`); the underscore spellings, and any other unknown key, are \
            ignored silently, so kaniko runs without the setting you wrote.
            """,
        bad: "builder:\n  type: kaniko\n  build_context_store: s3://ml-builds/context\n",
        good: "builder:\n  type: kaniko\n  build-context-store: s3://ml-builds/context\n")

    public static let agentLegacyQueue = DiagnosticID(
        code: "LC3103", name: "agent-legacy-queue-key", severity: .error,
        summary: "the legacy 'queue' key stops the agent",
        explanation: """
            The agent reads a `queue:` key and adds it to `queues`, but then its configuration check \
            rejects the key as unknown, so the agent never starts. List the queue under `queues`.
            """,
        bad: "queue: train-gpu\n",
        good: "queues:\n  - train-gpu\n")

    public static let agentEnvironmentRegion = DiagnosticID(
        code: "LC3104", name: "agent-environment-region", severity: .error,
        summary: "the environment block has no 'region' key",
        explanation: """
            The agent's configuration check requires a `region` key in `environment` for every cloud, \
            Azure included (where its value may be null); without it the agent does not start. The W&B \
            docs' Azure example has this mistake.
            """,
        bad: "environment:\n  type: azure\n",
        good: "environment:\n  type: azure\n  region: null\n")

    public static let agentKanikoContext = DiagnosticID(
        code: "LC3105", name: "agent-kaniko-context", severity: .error,
        summary: "a kaniko builder without a build context store",
        explanation: """
            Kaniko builds read the build context from object storage named by `build-context-store` \
            (an `s3://`, `gs://` or Azure blob URI). The agent starts without it and fails on the first \
            build.
            """,
        bad: "builder:\n  type: kaniko\n",
        good: "builder:\n  type: kaniko\n  build-context-store: s3://ml-builds/context\n")

    public static let agentIgnoredEnvironmentKey = DiagnosticID(
        code: "LC3106", name: "agent-ignored-environment-key", severity: .warning,
        summary: "an environment key the agent ignores",
        explanation: """
            The agent reads only `type` and `region` from `environment`; anything else gets a runtime \
            warning ("Unrecognized field") and no effect. The W&B docs' GCP example sets `project`, but the \
            agent takes the GCP project from its credentials (`google.auth.default()`).
            """,
        bad: "environment:\n  type: gcp\n  region: us-central1\n  project: ml-platform\n",
        good: "environment:\n  type: gcp\n  region: us-central1\n")

    public static let registryTag = DiagnosticID(
        code: "LC3107", name: "registry-tag", severity: .error,
        summary: "an image destination with a tag",
        explanation: """
            `builder.destination` and `registry.uri` name a repository; the agent tags each image it builds \
            with a hash of the source, and refuses a destination that carries a tag of its own.
            """,
        bad: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch:latest\n",
        good: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryIncomplete = DiagnosticID(
        code: "LC3108", name: "registry-incomplete", severity: .error,
        summary: "an image destination without its repository or image name",
        explanation: """
            An Artifact Registry destination needs the image name after the repository \
            (`<region>-docker.pkg.dev/<project>/<repository>/<image>`); ECR and ACR destinations need the \
            repository. The agent refuses the config otherwise.
            """,
        bad: "builder:\n  destination: us-central1-docker.pkg.dev/ml-platform/launch\n",
        good: "builder:\n  destination: us-central1-docker.pkg.dev/ml-platform/launch/train\n")

    public static let registryUnrecognized = DiagnosticID(
        code: "LC3109", name: "registry-unrecognized", severity: .warning,
        summary: "an image destination the agent does not recognise",
        explanation: """
            The agent recognises ECR (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>`), Artifact \
            Registry and ACR destinations. Anything else (Docker Hub, a URI missing `.dkr`) it accepts with a \
            warning, and pushing may fail later. The W&B docs' AWS example leaves out `.dkr`.
            """,
        bad: "builder:\n  destination: 123456789012.ecr.us-east-1.amazonaws.com/launch\n",
        good: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryARN = DiagnosticID(
        code: "LC3110", name: "registry-arn", severity: .error,
        summary: "an ECR repository ARN where an image URI belongs",
        explanation: """
            `registry.uri` and `builder.destination` take the repository's URI, not its ARN; the ECR registry \
            refuses an ARN when the job runs. The W&B SageMaker tutorial has this mistake. launchc offers \
            the URI the ARN stands for.
            """,
        bad: "registry:\n  type: ecr\n  uri: arn:aws:ecr:us-east-1:123456789012:repository/launch\n",
        good: "registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryRegion = DiagnosticID(
        code: "LC3111", name: "registry-region", severity: .warning,
        summary: "an image destination in another region than the agent's environment",
        explanation: """
            The W&B docs ask for the ECR or Artifact Registry destination to be in the environment's \
            region; pushing across regions fails with the agent's regional credentials, or costs transfer.
            """,
        bad: "environment: {type: aws, region: us-east-1}\nbuilder:\n  destination: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/launch\n",
        good: "environment: {type: aws, region: us-east-1}\nbuilder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryKeyRefused = DiagnosticID(
        code: "LC3112", name: "registry-key-refused", severity: .error,
        summary: "a registry key the ECR or Artifact Registry registry refuses when a job runs",
        explanation: """
            For every job the agent builds its registry from the `registry` block, and the ECR and \
            Artifact Registry registries accept only their own keys (ECR: `uri`, `type`, `account_id`, \
            `region`, `repo_name`; Artifact Registry: `uri`, `type`, `repository`, `image-name`, `region`, \
            `project`). Any other key fails the job, though the agent starts. W&B's own EKS template writes \
            `repository` for ECR, and GKE examples write `image_name` for `image-name`.
            """,
        bad: "registry:\n  type: gcr\n  repository: launch\n  image_name: train\n  region: us-central1\n",
        good: "registry:\n  type: gcr\n  repository: launch\n  image-name: train\n  region: us-central1\n")

    public static let registryBlockInvalid = DiagnosticID(
        code: "LC3113", name: "registry-block-invalid", severity: .error,
        summary: "a registry block its registry cannot be built from when a job runs",
        explanation: """
            The ECR registry works only from `uri`: it reads the repository from a `repository` key that it \
            also refuses, so `account_id`, `region` and `repo_name` never name one, and giving them with \
            `uri` is refused. The Artifact Registry registry takes either `uri` or `region`, `repository` \
            and `image-name` (and `project`), not both. The Azure registry needs `uri`. A `uri` of another \
            registry's shape is refused too. Each of these fails every job, though the agent starts.
            """,
        bad: "registry:\n  type: ecr\n  account_id: \"123456789012\"\n  region: us-east-1\n  repo_name: launch\n",
        good: "registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryWithoutType = DiagnosticID(
        code: "LC3114", name: "registry-without-type", severity: .warning,
        summary: "a registry block without a type, which the agent ignores",
        explanation: """
            A `registry` block without `type` gives the local registry: the agent prints its deprecation \
            warning and pushes nowhere, whatever `uri` says. Say which registry it is, or write the \
            repository as `builder.destination`.
            """,
        bad: "registry:\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n",
        good: "registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let builderWithoutType = DiagnosticID(
        code: "LC3115", name: "builder-without-type", severity: .error,
        summary: "a builder block without a type",
        explanation: """
            An empty or absent `builder` gives the default builder (docker when the agent finds it), but a \
            non-empty one without `type` fails every job with "Builder type not specified".
            """,
        bad: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n",
        good: "builder:\n  type: docker\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let kanikoWithoutDestination = DiagnosticID(
        code: "LC3116", name: "kaniko-without-destination", severity: .error,
        summary: "a kaniko builder with nowhere to push",
        explanation: """
            Kaniko pushes each image it builds to the repository named by `builder.destination`, or else by \
            a typed `registry` block. With neither, the image is named `:<hash>` (the local registry's empty \
            URI, then the tag) and every build fails. The W&B docs' GCP example writes the repository as the \
            builder's `uri`, which the agent ignores.
            """,
        bad: "builder:\n  type: kaniko\n  build-context-store: gs://ml-builds/context\n",
        good: "builder:\n  type: kaniko\n  build-context-store: gs://ml-builds/context\n  destination: us-central1-docker.pkg.dev/ml-platform/launch/train\n")

    public static let awsRegionUnknown = DiagnosticID(
        code: "LC3117", name: "aws-region-unknown", severity: .error,
        summary: "not an AWS region",
        explanation: """
            The region of an `aws` environment, and the region in an ECR image URI, must be one of AWS's \
            regions (launchc's table is botocore's endpoint data, every partition). The agent's AWS calls \
            fail against a region that does not exist.
            """,
        bad: "environment:\n  type: aws\n  region: us-est-1\n",
        good: "environment:\n  type: aws\n  region: us-east-1\n")

    public static let gcpRegionUnknown = DiagnosticID(
        code: "LC3118", name: "gcp-region-unknown", severity: .warning,
        summary: "not a Google Cloud region launchc knows",
        explanation: """
            The region of a `gcp` environment is where the agent creates Vertex AI jobs: a region such as \
            `us-central1`, not a zone (`us-central1-a`) or another cloud's region. launchc's table comes from \
            Google's documentation; a region newer than it is a warning, never an error.
            """,
        bad: "environment:\n  type: gcp\n  region: us-central1-a\n",
        good: "environment:\n  type: gcp\n  region: us-central1\n")
}
