/// LC14xx: what a document is.
extension DiagnosticID {
    public static let classifyAmbiguous = DiagnosticID(
        code: "LC1401", name: "ambiguous-kind", severity: .warning,
        summary: "launchc cannot tell what kind of document this is",
        explanation: """
            The document's keys fit more than one kind (an agent config, a queue definition, a queue \
            config, a launch spec), so launchc checks only its syntax rather than guess. Say what it is \
            with a modeline comment at the top of the file, or with `--kind`.
            """,
        bad: "queues: [default]\njob: ml-platform/train/job:v3\n",
        good: "# launchc: kind=launch-spec\nqueues: [default]\njob: ml-platform/train/job:v3\n")

    public static let classifyNoResource = DiagnosticID(
        code: "LC1402", name: "unknown-resource", severity: .warning,
        summary: "a queue config whose resource launchc cannot tell",
        explanation: """
            A bare queue config (what goes in a queue's Configuration box) is checked against its \
            resource's schema, and nothing in this one says which resource it is for. Add a modeline, \
            or pass `--resource`.
            """,
        bad: "# launchc: kind=queue-config\nenv: [DEBUG=1]\n",
        good: "# launchc: kind=queue-config resource=local-container\nenv: [DEBUG=1]\n")

    public static let classifyModeline = DiagnosticID(
        code: "LC1403", name: "bad-modeline", severity: .warning,
        summary: "a launchc modeline launchc does not understand",
        explanation: """
            A comment starting `# launchc:` among the comments that open a file sets `kind=` \
            (agent, queue, queue-config, launch-spec, resource-args, data) and `resource=` (sagemaker, gcp-vertex, \
            kubernetes, local-container, local-process; `vertex` and `docker` are aliases). Anything else \
            in it is reported and ignored.
            """,
        bad: "# launchc: kind=queues\n",
        good: "# launchc: kind=queue\n")

    public static let classifyUnknown = DiagnosticID(
        code: "LC1404", name: "not-a-launch-document", severity: .note,
        summary: "a document launchc does not recognise as a W&B Launch document",
        explanation: """
            Nothing says what this document is (no --kind or --resource, modeline, `files` glob of \
            `.launchc.yaml` or `$schema`), and its keys are not those of an agent config, a queue \
            definition, a queue config or a launch spec, so only its syntax was checked. If it is a \
            Launch document, say which: a modeline such as `# launchc: kind=queue-config \
            resource=local-container` at the top, `--kind`/`--resource`, or a `files` glob in \
            `.launchc.yaml`; `kind=data` says it is not one. `--require-kind` makes this an error, so a \
            file that launchc does not understand can never pass a check silently.
            """,
        bad: "env: [DEBUG=1]\nvolume: /mnt/datasets:/mnt/datasets\n",
        good: "# launchc: kind=queue-config resource=local-container\nenv: [DEBUG=1]\nvolume: /mnt/datasets:/mnt/datasets\n")
}
