/// LC36xx: template variables and macros.
extension DiagnosticID {
    public static let templateUndeclared = DiagnosticID(
        code: "LC3601", name: "template-undeclared", severity: .error,
        summary: "a {{placeholder}} names no declared template variable",
        explanation: """
            The W&B server fills `{{name}}` in a queue's config from the queue's template variables. A \
            placeholder whose name is not declared under `template_variables` is never filled, and the \
            agent receives the braces as they are.
            """,
        bad: "template_variables:\n  gpus: {schema: {type: integer, default: 1}}\nconfig:\n  resources: {limits: {nvidia.com/gpu: \"{{gpu}}\"}}\n",
        good: "template_variables:\n  gpus: {schema: {type: integer, default: 1}}\nconfig:\n  resources: {limits: {nvidia.com/gpu: \"{{gpus}}\"}}\n")

    public static let templateUnused = DiagnosticID(
        code: "LC3602", name: "template-unused", severity: .warning,
        summary: "a template variable no placeholder uses",
        explanation: "The variable is offered to everyone who enqueues a job, but nothing in the config uses it, so setting it changes nothing.",
        bad: "template_variables:\n  lr: {schema: {type: number, default: 0.001}}\nconfig: {}\n",
        good: "template_variables: {}\nconfig: {}\n")

    public static let templateValue = DiagnosticID(
        code: "LC3603", name: "template-value", severity: .error,
        summary: "a template variable's default or option disagrees with its type or bounds",
        explanation: """
            A variable's `default` and `enum` members must have its `type` and lie within its `minimum` \
            and `maximum`, and the default must be one of the options when there are options; otherwise \
            a job enqueued with the defaults fails, or offers values the queue refuses.
            """,
        bad: "gpus: {schema: {type: integer, default: 0, minimum: 1, maximum: 8}}\n",
        good: "gpus: {schema: {type: integer, default: 1, minimum: 1, maximum: 8}}\n")

    public static let templateMissingValue = DiagnosticID(
        code: "LC3604", name: "template-missing-value", severity: .error,
        summary: "a template variable without a value",
        explanation: "A job on this queue needs a value for the variable: from `--set`, the launch spec's `template_variables`, or the variable's default. It has none.",
        bad: "launchc render queue.yaml   (gpus has no default)",
        good: "launchc render queue.yaml --set gpus=2")

    public static let templateSetType = DiagnosticID(
        code: "LC3605", name: "template-set-type", severity: .error,
        summary: "a --set value that does not read as its variable's type",
        explanation: """
            Values for `integer` variables are read as Python's `int()` reads them (a sign, `_` between \
            digits), `number` variables as `float()`; `wandb launch --set-var` refuses anything else with \
            "Value for NAME must be of type TYPE".
            """,
        bad: "--set gpus=2.5",
        good: "--set gpus=2")

    public static let templateOutOfBounds = DiagnosticID(
        code: "LC3606", name: "template-out-of-bounds", severity: .error,
        summary: "a template value outside its variable's bounds or options",
        explanation: """
            The W&B server refuses a value below the variable's `minimum`, above its `maximum`, or not among \
            its `enum` options (the SDK itself checks none of them).
            """,
        bad: "--set gpus=16   (maximum 8)",
        good: "--set gpus=8")

    public static let templateSetUndeclared = DiagnosticID(
        code: "LC3607", name: "template-set-undeclared", severity: .error,
        summary: "a --set for a variable the queue does not declare",
        explanation: "`wandb launch --set-var` refuses it with \"Queue … does not support overriding NAME\".",
        bad: "--set gpu=2   (the queue declares gpus)",
        good: "--set gpus=2")

    public static let macroUnknown = DiagnosticID(
        code: "LC3608", name: "macro-unknown", severity: .warning,
        summary: "a ${NAME} that is not one of the agent's macros, sent as written",
        explanation: """
            The agent fills `${project_name}`, `${entity_name}`, `${run_id}`, `${run_name}`, `${image_uri}`, \
            `${author}` and the variables of its own environment. Any other `${NAME}` is kept as written, \
            braces and all. launchc cannot see the agent's environment: pass `--macro NAME=VALUE` for each \
            variable it sets, and this warning goes away for those names.
            """,
        bad: "launchc render queue.yaml   (the config holds ${CLOUD_ML_REGION})",
        good: "launchc render queue.yaml --macro CLOUD_ML_REGION=us-central1")

    public static let macroInKey = DiagnosticID(
        code: "LC3609", name: "macro-in-key", severity: .warning,
        summary: "a macro in a key, which the agent does not fill",
        explanation: "The agent fills macros in string values only; a key such as `${entity_name}` reaches the cloud API as those characters.",
        bad: "labels:\n  ${entity_name}: owner\n",
        good: "labels:\n  owner: ${entity_name}\n")

    public static let macroNone = DiagnosticID(
        code: "LC3610", name: "macro-none", severity: .warning,
        summary: "${run_name} or ${author} without a value, filled with the text 'None'",
        explanation: """
            The agent fills a macro with Python's `str()` of its value, and a run without a name (or an \
            author) has `None`, so `${run_name}` becomes the four letters `None`. Name the run in the \
            launch spec (`name`, `author`), or leave the macro out.
            """,
        bad: "labels: {run: ${run_name}}   (the launch spec has no name)",
        good: "labels: {run: ${run_id}}")

    public static let macroSinglePass = DiagnosticID(
        code: "LC3611", name: "macro-single-pass", severity: .warning,
        summary: "a macro's value that holds macros of its own, which are not filled",
        explanation: "The agent fills macros in one pass from left to right and never looks at what it put in, so a value holding `${run_id}` stays that way.",
        bad: "--macro OUTPUT='s3://bucket/${run_id}'   with   path: ${OUTPUT}",
        good: "path: s3://bucket/${run_id}")

    public static let macroLowercased = DiagnosticID(
        code: "LC3612", name: "macro-project-lowercased", severity: .warning,
        summary: "${project_name} is the project's name lower-cased",
        explanation: """
            The agent lower-cases the project's name for `${project_name}` (and for `WANDB_PROJECT`), so a \
            project `ResNet` fills in as `resnet`: job names, paths and labels differ from the name shown in \
            W&B.
            """,
        bad: "TrainingJobName: ${project_name}-${run_id}   (project ResNet)",
        good: "TrainingJobName: resnet-${run_id}")

    public static let macroAPIKey = DiagnosticID(
        code: "LC3613", name: "macro-api-key", severity: .warning,
        summary: "${WANDB_API_KEY} in a queue config",
        explanation: """
            The agent fills `${NAME}` from its own environment, so `${WANDB_API_KEY}` becomes the agent's API \
            key, written in plain text into the Job, training job or container it submits, where anyone who \
            can read the job can read the key. The agent already gives every job `WANDB_API_KEY` (on \
            Kubernetes from a Secret); remove the value.
            """,
        bad: "spec:\n  template:\n    spec:\n      containers:\n        - env: [{name: WANDB_API_KEY, value: \"${WANDB_API_KEY}\"}]\n",
        good: "spec:\n  template:\n    spec:\n      containers:\n        - env: [{name: NCCL_DEBUG, value: INFO}]\n")
}
