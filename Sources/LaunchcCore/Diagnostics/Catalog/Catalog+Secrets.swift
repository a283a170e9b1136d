/// LC16xx: secrets.
extension DiagnosticID {
    public static let plaintextSecret = DiagnosticID(
        code: "LC1601", name: "plaintext-secret", severity: .error,
        summary: "a credential is written in the file in plain text",
        explanation: """
            An AWS access key id or secret access key, an AWS session token, a W&B API key or a private \
            key sits in the config, where everyone who can read the repository, its forks and its CI \
            logs can use it. The agent never needs one there: it takes AWS credentials from its IAM role \
            or environment, and the W&B key from `WANDB_API_KEY` in its environment or a Kubernetes \
            secret. launchc masks the value in every output (text, JSON, SARIF, JUnit, GitHub \
            annotations). Remove it, then rotate the credential: it is in the git history already.
            """,
        bad: "environment:\n  type: aws\n  aws_access_key_id: AKIAZ7EXAMPLEKEY1234\n",
        good: "environment:\n  type: aws\n  region: us-east-1\n")
}
