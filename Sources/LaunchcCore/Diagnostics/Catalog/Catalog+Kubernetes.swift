/// LC35xx: Kubernetes.
extension DiagnosticID {
    public static let kubernetesRefused = DiagnosticID(
        code: "LC3501", name: "kubernetes-refused-key", severity: .error,
        summary: "a Kubernetes setting the agent refuses",
        explanation: """
            Anywhere in a Kubernetes queue config, the agent refuses `securityContext` (it forces its own \
            on every container), `hostPath`, `serviceAccountToken`, true values of `hostPID`, `hostIPC`, \
            `hostNetwork`, `shareProcessNamespace`, `hostUsers`, `automountServiceAccountToken` and \
            `hostPort`, a non-blank `serviceAccountName`, bidirectional mount propagation, and unconfined \
            AppArmor or seccomp annotations. The job fails with "Unsafe resource_args.kubernetes option". \
            The W&B docs' Kubernetes example sets a securityContext.
            """,
        bad: "spec:\n  template:\n    spec:\n      hostNetwork: true\n",
        good: "spec:\n  template:\n    spec: {}\n")

    public static let kubernetesLeak = DiagnosticID(
        code: "LC3502", name: "kubernetes-leaked-key", severity: .warning,
        summary: "a runner setting that also lands in the Job body",
        explanation: """
            The runner reads `namespace`, `wait_for_ready`, `wait_timeout` and `configFile` from the top \
            of the queue config but does not remove them, so they are sent inside the Job, where Kubernetes \
            does not expect them. Set the namespace as `metadata.namespace`.
            """,
        bad: "namespace: ml\nspec: {}\n",
        good: "metadata:\n  namespace: ml\nspec: {}\n")

    public static let kubernetesContext = DiagnosticID(
        code: "LC3503", name: "kubernetes-context", severity: .error,
        summary: "'context' makes every job fail",
        explanation: """
            A bug in wandb 0.31.0 raises "Specified context … was not found" whenever `context` is set, \
            whatever its value. Remove it; the agent uses the current kubeconfig context.
            """,
        bad: "context: prod-cluster\nspec: {}\n",
        good: "spec: {}\n")

    public static let kubernetesAPIVersion = DiagnosticID(
        code: "LC3504", name: "kubernetes-api-version", severity: .error,
        summary: "an apiVersion without a group",
        explanation: """
            An apiVersion other than batch/v1 takes the custom-resource path, which splits it at `/` \
            into group and version; one without `/` (such as `v1`) makes the agent fail.
            """,
        bad: "apiVersion: v1\nkind: Pod\n",
        good: "apiVersion: batch/v1\nkind: Job\n")

    public static let kubernetesContainerImage = DiagnosticID(
        code: "LC3505", name: "kubernetes-container-image", severity: .error,
        summary: "a container without an image",
        explanation: """
            The Kubernetes API refuses a container without an image. The agent fills in only the first \
            container's image: always for a job that runs an image, and for other jobs only when no container \
            names one. Any other container, and every init container, needs its own.
            """,
        bad: "spec:\n  template:\n    spec:\n      containers:\n        - name: main\n        - name: sidecar\n",
        good: "spec:\n  template:\n    spec:\n      containers:\n        - name: main\n        - name: sidecar\n          image: busybox:1.36\n")
}
