/// LC33xx: SageMaker.
extension DiagnosticID {
    public static let sageMakerSnakeOutput = DiagnosticID(
        code: "LC3301", name: "sagemaker-snake-output-data-config", severity: .error,
        summary: "'output_data_config' is not recognised by the agent",
        explanation: """
            The agent camel-cases most snake_case top-level keys of a SageMaker queue config, but it looks \
            for `OutputDataConfig` before doing so, so `output_data_config` makes every job fail with \
            "Sagemaker launcher requires an OutputDataConfig Sagemaker resource argument".
            """,
        bad: "output_data_config:\n  S3OutputPath: s3://ml-artifacts/launch/\n",
        good: "OutputDataConfig:\n  S3OutputPath: s3://ml-artifacts/launch/\n")

    public static let sageMakerSnakeJobName = DiagnosticID(
        code: "LC3302", name: "sagemaker-snake-training-job-name", severity: .warning,
        summary: "'training_job_name' is overwritten by the run id",
        explanation: "The agent reads only the CamelCase `TrainingJobName`; a snake_case `training_job_name` is replaced by the run id.",
        bad: "training_job_name: resnet-${run_id}\n",
        good: "TrainingJobName: resnet-${run_id}\n")

    public static let sageMakerLowercaseKey = DiagnosticID(
        code: "LC3303", name: "sagemaker-lowercase-key", severity: .error,
        summary: "a lowercase 'environment' or 'tags' leaks into the CreateTrainingJob request",
        explanation: """
            Keys without an underscore are sent as written. A lowercase `environment` is used as the job's \
            environment but also stays in the request, and `tags` is sent as is; CreateTrainingJob rejects \
            both as unknown parameters. Write `Environment` and `Tags`.
            """,
        bad: "environment:\n  DATA_DIR: /opt/ml/input\n",
        good: "Environment:\n  DATA_DIR: /opt/ml/input\n")

    public static let sageMakerRequired = DiagnosticID(
        code: "LC3304", name: "sagemaker-required", severity: .error,
        summary: "a SageMaker queue config lacks a key the agent requires",
        explanation: """
            The agent refuses a SageMaker queue config without `RoleArn` (or `role_arn`), `OutputDataConfig` \
            (CamelCase only), `ResourceConfig` or `StoppingCondition` (either spelling).
            """,
        bad: "RoleArn: SageMakerLaunchRole\nResourceConfig: {InstanceType: ml.g5.xlarge, InstanceCount: 1, VolumeSizeInGB: 50}\n",
        good: "RoleArn: SageMakerLaunchRole\nResourceConfig: {InstanceType: ml.g5.xlarge, InstanceCount: 1, VolumeSizeInGB: 50}\nOutputDataConfig: {S3OutputPath: \"s3://ml-artifacts/launch/\"}\nStoppingCondition: {MaxRuntimeInSeconds: 86400}\n")

    public static let sageMakerMacro = DiagnosticID(
        code: "LC3305", name: "sagemaker-unexpanded-macro", severity: .error,
        summary: "a macro in RoleArn or TrainingImage, which the agent does not fill",
        explanation: """
            The SageMaker runner reads `RoleArn` and a user `AlgorithmSpecification.TrainingImage` before \
            it fills macros, so `${image_uri}` or `${entity_name}` there reach AWS as those characters. To \
            train on the image W&B builds or names, leave `TrainingImage` out.
            """,
        bad: "AlgorithmSpecification:\n  TrainingImage: ${image_uri}\n  TrainingInputMode: File\n",
        good: "AlgorithmSpecification:\n  TrainingInputMode: File\n")

    public static let sageMakerImage = DiagnosticID(
        code: "LC3306", name: "sagemaker-image-not-ecr", severity: .error,
        summary: "a SageMaker training image outside Amazon ECR",
        explanation: "SageMaker training jobs pull their image only from Amazon ECR; an image on Docker Hub or another registry is refused.",
        bad: "AlgorithmSpecification:\n  TrainingImage: python:3.12\n  TrainingInputMode: File\n",
        good: "AlgorithmSpecification:\n  TrainingImage: 123456789012.dkr.ecr.us-east-1.amazonaws.com/train:v3\n  TrainingInputMode: File\n")

    public static let sageMakerSpotWait = DiagnosticID(
        code: "LC3307", name: "sagemaker-spot-without-max-wait", severity: .error,
        summary: "managed spot training without a MaxWaitTimeInSeconds at least MaxRuntimeInSeconds",
        explanation: """
            With `EnableManagedSpotTraining: true`, CreateTrainingJob requires \
            `StoppingCondition.MaxWaitTimeInSeconds` (how long to wait for spot capacity and train, in \
            all), and it must be at least `MaxRuntimeInSeconds`; otherwise AWS refuses the job with a \
            ValidationException when the agent submits it.
            """,
        bad: "EnableManagedSpotTraining: true\nStoppingCondition:\n  MaxRuntimeInSeconds: 86400\n",
        good: "EnableManagedSpotTraining: true\nStoppingCondition:\n  MaxRuntimeInSeconds: 86400\n  MaxWaitTimeInSeconds: 172800\n")
}
