/// LC40xx: what launchc policy cannot pin.
extension DiagnosticID {
    public static let policyUnpinned = DiagnosticID(
        code: "LC4001", name: "policy-unpinned-resource", severity: .warning,
        summary: "a resource the configs do not pin, so its permission names a wildcard",
        explanation: """
            `launchc policy` narrows each permission to the resources the configs name. When a bucket, a \
            repository, a role or a key is chosen per run (a template variable or a macro in that part of \
            the value), or not named at all (a SageMaker job's image when there is neither a TrainingImage \
            nor a builder destination), the permission has to cover every resource it may be. Name the \
            resource in the config, or accept the wider policy.
            """,
        bad: "RoleArn: arn:aws:iam::123456789012:role/SageMakerLaunchRole\nOutputDataConfig:\n  S3OutputPath: s3://{{bucket}}/launch/\n",
        good: "RoleArn: arn:aws:iam::123456789012:role/SageMakerLaunchRole\nOutputDataConfig:\n  S3OutputPath: s3://ml-artifacts/launch/{{team}}/\n")

    public static let policyUnknownScope = DiagnosticID(
        code: "LC4002", name: "policy-unknown-scope", severity: .warning,
        summary: "no config names the account, region or project the permissions are in",
        explanation: """
            The agent takes its AWS account and its GCP project from its credentials, and its region \
            from `environment.region`. When a SageMaker role is a bare name, or the region or the project \
            is not set, `launchc policy` writes '*' there. Pass --aws-account or --gcp-project, write \
            the role's full ARN, or set the region.
            """,
        bad: "RoleArn: SageMakerLaunchRole\n",
        good: "RoleArn: arn:aws:iam::123456789012:role/SageMakerLaunchRole\n")

    public static let policyUnrecognized = DiagnosticID(
        code: "LC4003", name: "policy-unrecognized-uri", severity: .warning,
        summary: "a URI no cloud's IAM names, so no permission is written for it",
        explanation: """
            `launchc policy` writes permissions for Amazon ECR, S3, Artifact Registry, Cloud Storage, \
            Azure Container Registry and Azure blob storage. A destination or a path elsewhere (Docker \
            Hub, a registry ARN where its URI belongs) gets no permission; grant access to it by hand.
            """,
        bad: "builder:\n  type: docker\n  destination: docker.io/ml-platform/train\n",
        good: "builder:\n  type: docker\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/train\n")
}
