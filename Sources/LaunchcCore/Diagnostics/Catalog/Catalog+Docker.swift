/// LC37xx: local-container and local-process.
extension DiagnosticID {
    public static let dockerRawFlag = DiagnosticID(
        code: "LC3701", name: "docker-raw-flag", severity: .error,
        summary: "a docker flag spelled so that the agent accepts it but docker rejects it",
        explanation: """
            The agent checks a normalised spelling of each key (leading dashes dropped, `_` read as `-`, \
            lower case) but writes the key into `docker run` as you spelt it: `shm_size` becomes \
            `--shm_size` and `--memory` becomes `----memory`, which docker rejects. The W&B docs' own \
            example has this mistake.
            """,
        bad: "shm_size: 2g\n",
        good: "shm-size: 2g\n")

    public static let dockerUnsupportedFlag = DiagnosticID(
        code: "LC3702", name: "docker-unsupported-flag", severity: .error,
        summary: "a docker flag the agent does not allow",
        explanation: """
            The agent allows only resource-shaping `docker run` flags (command, cpu, cpus, cpuset-*, env/e, \
            gpus, memory/m, name, pids-limit, platform, shm-size, ulimit, workdir/w, ...). Flags that affect \
            isolation, such as volume, privileged or cap-add, are refused with "Unsupported \
            resource_args.local-container option".
            """,
        bad: "volume: /data:/data\n",
        good: "gpus: all\n")

    public static let dockerFlagValue = DiagnosticID(
        code: "LC3703", name: "docker-flag-value", severity: .error,
        summary: "a docker flag with a value the agent refuses",
        explanation: """
            Each flag takes one string or number; `env`, `e` and `ulimit` may take a non-empty list of them. \
            Booleans (which would make a bare flag), mappings, null and other lists are refused.
            """,
        bad: "rm: true\ngpus: [all]\n",
        good: "gpus: all\n")

    public static let localProcessIgnored = DiagnosticID(
        code: "LC3704", name: "local-process-ignored", severity: .warning,
        summary: "a local-process queue config key, which the runner ignores",
        explanation: "The local-process runner reads nothing from its queue config; settings there have no effect.",
        bad: "env: [DEBUG=1]\n",
        good: "{}\n")

    public static let dockerFlagInjection = DiagnosticID(
        code: "LC3705", name: "docker-flag-injection", severity: .error,
        summary: "a docker flag's value starts with '-', so it reads as another flag",
        explanation: """
            The agent emits each local-container key as `--key value` (`-k value` for one letter) in a \
            command line it runs through a shell. A value starting with `-` is a second flag in \
            disguise: docker's own parser happens to take it as the value, but a wrapper, a linter or \
            a different docker client may not, and a value such as `--privileged` or `-v=/:/host` is \
            exactly what an attacker who controls a queue field would write. No real flag value \
            starts with `-` (a negative number is written `memlock=-1` inside `ulimit`).
            """,
        bad: "name: --privileged\n",
        good: "name: trainer\n")
}
