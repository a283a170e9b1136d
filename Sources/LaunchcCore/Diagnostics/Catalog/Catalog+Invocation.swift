/// LC19xx: the invocation.
extension DiagnosticID {
    public static let usageError = DiagnosticID(
        code: "LC1901", name: "usage-error", severity: .error,
        summary: "the command line asks for something launchc cannot do",
        explanation: """
            An option's value is not one it takes, two options contradict each other, or an option \
            does not apply to this input (`render --format shell` of a SageMaker queue). Nothing is \
            checked or written; the run exits with code 2. `launchc COMMAND --help` lists what each \
            option takes, with examples.
            """,
        bad: "launchc render sagemaker-queue.yaml --format shell",
        good: "launchc render sagemaker-queue.yaml --format yaml",
        showsExcerpt: false)

    public static let outputUnwritable = DiagnosticID(
        code: "LC1902", name: "output-unwritable", severity: .error,
        summary: "an output file (a report, a rendered body, the fixes) cannot be written",
        explanation: """
            launchc writes every output file whole or not at all: a temporary file beside it, renamed \
            over it once complete. The folder does not exist or is not writable, or the disk is full; \
            the file, if it existed, is left as it was. The run exits with code 2.
            """,
        bad: "launchc check --format sarif --output /read-only/launchc.sarif .",
        good: "launchc check --format sarif --output launchc.sarif .",
        showsExcerpt: false)

    public static let unsuitableInput = DiagnosticID(
        code: "LC1903", name: "unsuitable-input", severity: .error,
        summary: "an input is not the kind of document the command needs",
        explanation: """
            `policy` needs an agent config first and queues after it; `render` needs a queue \
            definition, or a queue config with `--resource`. The input is empty, holds several \
            documents where one is needed, or reads as another kind. Say what a file is with \
            `--kind`/`--resource` or a `# launchc: kind=...` comment. Nothing is printed: `policy` \
            exits with code 2, `render` with code 1.
            """,
        bad: "launchc policy queue.yaml launch-config.yaml",
        good: "launchc policy launch-config.yaml queue.yaml",
        showsExcerpt: false)

    public static let noInputs = DiagnosticID(
        code: "LC1904", name: "no-inputs", severity: .note,
        summary: "the folders given hold no YAML or JSON file to check",
        explanation: """
            `check` walks folders for `*.yaml`, `*.yml` and `*.json`, skipping hidden entries and \
            what `.gitignore` ignores; none was found. Check the path, or name the files directly \
            (a file named on the command line is checked whatever its extension).
            """,
        bad: "launchc check docs/",
        good: "launchc check queues/ launch-config.yaml",
        showsExcerpt: false)

    public static let jobRefused = DiagnosticID(
        code: "LC1905", name: "job-refused", severity: .error,
        summary: "the agent would refuse this job when it builds the submission",
        explanation: """
            Some configs pass the agent's start-up checks and fail only when a job is built (a \
            local-container option the agent forbids, a Vertex config written in camelCase). \
            `render` says what the agent would say; the findings before it point at the lines. The \
            run exits with code 1.
            """,
        bad: "resource: local-container\nconfig: {volume: /a:/b}\n",
        good: "resource: local-container\nconfig: {volumes: [/a:/b]}\n",
        showsExcerpt: false)
}
