/// LC32xx: launch specs.
extension DiagnosticID {
    public static let specIgnoredKey = DiagnosticID(
        code: "LC3201", name: "spec-ignored-key", severity: .warning,
        summary: "a launch spec key the agent does not read",
        explanation: """
            The launch spec (the file given to `wandb launch -c`) has a key that wandb does not read, so \
            it has no effect. It is often a misspelling or a key that belongs somewhere else (a resource \
            setting goes under `resource_args.<resource>`).
            """,
        bad: "job: ml-platform/train/job:v3\nentrypoint: [python, train.py]\n",
        good: "job: ml-platform/train/job:v3\noverrides:\n  entry_point: [python, train.py]\n")

    public static let specResourceArgsDropped = DiagnosticID(
        code: "LC3202", name: "spec-resource-args-dropped", severity: .warning,
        summary: "resource_args is dropped because template_variables is set",
        explanation: """
            When a launch spec has both non-empty `resource_args` and `template_variables`, wandb keeps \
            only the template variables and drops `resource_args` with a warning at enqueue time. Put the \
            setting in a template variable of the queue, or drop the template variables.
            """,
        bad: "job: j\nresource_args: {kubernetes: {namespace: ml}}\ntemplate_variables: {gpus: 2}\n",
        good: "job: j\ntemplate_variables: {gpus: 2, namespace: ml}\n")

    public static let specJobSource = DiagnosticID(
        code: "LC3203", name: "spec-job-source", severity: .error,
        summary: "a launch spec needs exactly one of job and docker.docker_image",
        explanation: "wandb refuses a launch spec that names both a job and an image, or neither: 'Exactly one of job or docker_image must be specified'.",
        bad: "job: ml-platform/train/job:v3\ndocker: {docker_image: python:3.12}\n",
        good: "job: ml-platform/train/job:v3\n")

    public static let specProcessImage = DiagnosticID(
        code: "LC3204", name: "spec-process-image", severity: .error,
        summary: "an image job on the local-process runner",
        explanation: """
            The local-process runner runs the job's code on the agent's machine, without a container; \
            wandb refuses a launch spec that gives `docker.docker_image` with `resource: local-process` \
            ("Cannot specify docker image with local-process resource runner").
            """,
        bad: "docker: {docker_image: python:3.12}\nresource: local-process\n",
        good: "docker: {docker_image: python:3.12}\nresource: local-container\n")
}
