/// LC15xx: suppressions and the project config.
extension DiagnosticID {
    public static let suppressionWithoutReason = DiagnosticID(
        code: "LC1501", name: "suppression-without-reason", severity: .warning,
        summary: "an inline suppression does not say why",
        explanation: """
            A `# launchc: ignore[CODE]` comment silences a finding; the next reader needs to know why it is \
            safe to. Write the reason after the closing bracket. The suppression works either way; this \
            warning only asks for the reason (and fails a `--strict` run).
            """,
        bad: "registry:  # launchc: ignore[LC3101]\n  url: https://example.com\n",
        good: "registry:  # launchc: ignore[LC3101] our wrapper script reads registry.url\n  url: https://example.com\n")

    public static let suppressionUnused = DiagnosticID(
        code: "LC1502", name: "unused-suppression", severity: .note,
        summary: "an inline suppression silences nothing",
        explanation: """
            No finding with the suppression's code starts on the line it covers: the line at the end of \
            which it stands, or, for a comment on a line of its own, the next line with content. The \
            problem was fixed or moved; remove the comment (the fix-it does) or move it to the line it is for.
            """,
        bad: "# launchc: ignore[LC2003] legacy key\nmax_jobs: 4\n",
        good: "max_jobs: 4\n")

    public static let suppressionMalformed = DiagnosticID(
        code: "LC1503", name: "malformed-suppression", severity: .warning,
        summary: "an inline suppression cannot be read, or names a code launchc does not have",
        explanation: """
            A suppression is a YAML comment of the form `# launchc: ignore[LC2003, LC3101] reason`: the codes \
            (or their names, as `launchc explain` lists them) in brackets, separated by commas, then \
            the reason. A comment that starts `# launchc: ignore` but does not have that form silences nothing.
            """,
        bad: "OutputDataConfig: {}  # launchc: ignore LC3301\n",
        good: "OutputDataConfig: {}  # launchc: ignore[LC3301] filled in by the pipeline\n")

    public static let configUnknownCode = DiagnosticID(
        code: "LC1504", name: "config-unknown-code", severity: .warning,
        summary: "the project config ignores a code launchc does not have",
        explanation: """
            An entry of `ignore` in `.launchc.yaml` names a code that is not in launchc's catalog (a typo, or a \
            code from another tool), so it ignores nothing. `launchc explain` lists the codes.
            """,
        bad: "ignore:\n  - code: LC9999\n",
        good: "ignore:\n  - code: LC1209\n    reason: our YAML is only read by YAML 1.2 tools\n")

    public static let configUnmatchedGlob = DiagnosticID(
        code: "LC1505", name: "config-glob-matches-nothing", severity: .note,
        summary: "a glob of the project config matches none of the files checked",
        explanation: """
            A `files` glob of `.launchc.yaml` matched none of the files this run checked. When the whole \
            repository is checked, that usually means a folder was renamed or the glob has a typo (globs are \
            relative to the folder of `.launchc.yaml`, and one without a `/` matches a name at any depth).
            """,
        bad: "files:\n  queue/sagemaker/*.yaml: {kind: queue-config, resource: sagemaker}\n",
        good: "files:\n  queues/sagemaker/*.yaml: {kind: queue-config, resource: sagemaker}\n")
}
