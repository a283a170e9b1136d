/// A stable diagnostic code and what `launchc explain` says about it.
///
/// Codes are `LC` and four digits, grouped by area: `LC10xx` reading the input, `LC11xx`
/// values (YAML and JSON alike), `LC12xx` YAML, `LC13xx` JSON, `LC14xx` what a document is,
/// `LC15xx` suppressions and the project config (`.launchc.yaml`), `LC16xx` secrets, `LC20xx` schema findings, `LC31xx` the agent config, `LC32xx` launch specs, `LC33xx`
/// SageMaker, `LC34xx` Vertex AI, `LC35xx` Kubernetes, `LC37xx` local-container and local-process, `LC36xx`
/// template variables and macros, `LC40xx` what `launchc policy` cannot pin. A code, once published, keeps its meaning; retired
/// codes are not reused.
public struct DiagnosticID: Sendable, Hashable {
    public let code: String
    /// A short kebab-case name, used in SARIF and JSON output.
    public let name: String
    public let severity: Severity
    /// One line: what the finding means.
    public let summary: String
    /// A paragraph: why it matters and how to fix it.
    public let explanation: String
    /// An input that has the problem, and the same input fixed.
    public let bad: String
    public let good: String
    /// Whether text output shows the source line; not for files that are not text.
    public internal(set) var showsExcerpt = true

    public static func == (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension DiagnosticID {
    /// Every code launchc can report, in code order.
    public static let all: [DiagnosticID] = [
        emptyFile, unreadableFile, binaryFile, invalidUTF8, unsupportedEncoding, fileTooLarge,
        duplicateKey, integerOutOfRange, numberOutOfRange, nestingTooDeep, scalarTooLong, bidiControl,
        yamlSyntax, yamlTabIndentation, yamlUnknownTag, yamlTagMismatch, yamlNonStringKey,
        yamlUndefinedAlias, yamlRecursiveAlias, yamlInvalidMerge, yaml11Ambiguity, yamlAliasExpansion,
        yamlNonFiniteNumber, yamlTooManyDocuments,
        jsonSyntax, jsonComment, jsonTrailingComma, jsonNonFiniteNumber, jsonSingleQuotes, jsonTrailingContent,
        classifyAmbiguous, classifyNoResource, classifyModeline,
        suppressionWithoutReason, suppressionUnused, suppressionMalformed, configUnknownCode, configUnmatchedGlob,
        plaintextSecret,
        usageError, outputUnwritable, unsuitableInput, noInputs, jobRefused,
        schemaType, schemaRequired, schemaUnknownKey, schemaValue, schemaRange, schemaString, schemaArray,
        schemaObject, schemaNoForm, schemaForbidden, schemaInvalid, schemaPatternTooCostly, schemaCycle, schemaTooDeep, schemaTooCostly,
        agentIgnoredRegistryKey, agentIgnoredBuilderKey, agentLegacyQueue, agentEnvironmentRegion, agentKanikoContext,
        agentIgnoredEnvironmentKey, registryTag, registryIncomplete, registryUnrecognized, registryARN, registryRegion,
        specIgnoredKey, specResourceArgsDropped, specJobSource,
        sageMakerSnakeOutput, sageMakerSnakeJobName, sageMakerLowercaseKey, sageMakerRequired, sageMakerMacro, sageMakerImage,
        vertexRequired, vertexIgnored, vertexContainerSpec, vertexCommand, vertexCamelCase, vertexExperimentAndTensorboard,
        kubernetesRefused, kubernetesLeak, kubernetesContext, kubernetesAPIVersion,
        dockerRawFlag, dockerUnsupportedFlag, dockerFlagValue, localProcessIgnored, dockerFlagInjection,
        templateUndeclared, templateUnused, templateValue,
        templateMissingValue, templateSetType, templateOutOfBounds, templateSetUndeclared,
        macroUnknown, macroInKey, macroNone, macroSinglePass, macroLowercased,
        policyUnpinned, policyUnknownScope, policyUnrecognized,
    ]

    public static func lookup(_ code: String) -> DiagnosticID? {
        let wanted = code.uppercased()
        return all.first { $0.code == wanted || $0.name == code.lowercased() }
    }

    // MARK: LC10xx: reading the input

    public static let emptyFile = DiagnosticID(
        code: "LC1001", name: "empty-file", severity: .warning,
        summary: "the file holds no document",
        explanation: """
            The file is empty, or holds only whitespace and comments, so there is nothing to check. \
            An empty queue or agent config is almost always a mistake (a file truncated by a merge, \
            or committed before it was written); the W&B agent reads it as no configuration at all.
            """,
        bad: "# launch-config.yaml\n",
        good: "# launch-config.yaml\nmax_jobs: 1\nqueues: [default]\n")

    public static let unreadableFile = DiagnosticID(
        code: "LC1002", name: "unreadable-file", severity: .error,
        summary: "the file cannot be opened or read",
        explanation: """
            launchc could not open or read the path: it does not exist, is a directory where a file \
            was expected, is not readable by this user, or the read failed. The run exits with code 2, \
            because this is a problem with the invocation rather than a finding in a document.
            """,
        bad: "launchc parse queues/missing.yaml",
        good: "launchc parse queues/train-gpu.yaml")

    public static let binaryFile = DiagnosticID(
        code: "LC1003", name: "binary-file", severity: .error,
        summary: "the file contains a NUL byte and is not text",
        explanation: """
            YAML and JSON are text; a NUL byte means the file is binary (an archive, an image, a \
            compiled file) or was saved in an encoding launchc does not read. The position is that of \
            the first NUL byte.
            """,
        bad: "PK\\x03\\x04... (a zip archive named config.yaml)",
        good: "resource: sagemaker\n",
        showsExcerpt: false)

    public static let invalidUTF8 = DiagnosticID(
        code: "LC1004", name: "invalid-utf8", severity: .error,
        summary: "the file is not valid UTF-8",
        explanation: """
            YAML and JSON files are read as UTF-8. The byte at the reported position does not start or \
            continue a valid UTF-8 sequence; the file is probably in Latin-1 or Windows-1252. Convert it, \
            for example with `iconv -f WINDOWS-1252 -t UTF-8 file.yaml > fixed.yaml`.
            """,
        bad: "description: caf\\xE9   (Latin-1 'é')",
        good: "description: café     (UTF-8 'é')")

    public static let unsupportedEncoding = DiagnosticID(
        code: "LC1005", name: "unsupported-encoding", severity: .error,
        summary: "the file is UTF-16 or UTF-32; launchc reads UTF-8",
        explanation: """
            The file starts with a UTF-16 or UTF-32 byte-order mark, or has the NUL-byte pattern of \
            UTF-16 text. The W&B agent, PyYAML and most CI tools expect UTF-8. Convert it with \
            `iconv -f UTF-16 -t UTF-8 file.yaml > fixed.yaml` (editors call this \"Save with encoding: UTF-8\").
            """,
        bad: "\\xFF\\xFEm\\x00a\\x00x\\x00... (UTF-16LE)",
        good: "max_jobs: 1   (UTF-8)",
        showsExcerpt: false)

    public static let fileTooLarge = DiagnosticID(
        code: "LC1006", name: "file-too-large", severity: .error,
        summary: "the file is larger than launchc reads",
        explanation: """
            launchc refuses inputs larger than its file-size limit (1 GiB) before reading them, so that \
            a stray data file in a checked directory cannot exhaust memory. Configuration files are \
            kilobytes; exclude the large file from the check.
            """,
        bad: "launchc check data/   (holding a 5 GB dataset.json)",
        good: "launchc check queues/ launch-config.yaml")

    // MARK: LC19xx: the invocation

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

    // MARK: LC16xx: secrets

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

    // MARK: LC14xx: what a document is

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
            (agent, queue, queue-config, launch-spec, data) and `resource=` (sagemaker, gcp-vertex, \
            kubernetes, local-container, local-process; `vertex` and `docker` are aliases). Anything else \
            in it is reported and ignored.
            """,
        bad: "# launchc: kind=queues\n",
        good: "# launchc: kind=queue\n")

    // MARK: LC15xx: suppressions and the project config

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

    // MARK: LC11xx: values

    public static let duplicateKey = DiagnosticID(
        code: "LC1101", name: "duplicate-key", severity: .error,
        summary: "a mapping has the same key twice",
        explanation: """
            JSON and YAML both say keys must be unique, but most parsers silently keep the last value \
            (PyYAML, which the W&B agent uses, does), so the first value is lost without a word. \
            launchc points at both occurrences; delete or rename one of them.
            """,
        bad: "resource: sagemaker\nresource: kubernetes\n",
        good: "resource: kubernetes\n")

    public static let integerOutOfRange = DiagnosticID(
        code: "LC1102", name: "integer-out-of-range", severity: .error,
        summary: "an integer does not fit in 64 bits",
        explanation: """
            launchc keeps integers exact, as 64-bit signed values. A larger integer would be rounded by \
            JSON parsers that read numbers as doubles, and rejected by the cloud APIs launchc targets. \
            If the value is an identifier rather than a quantity, quote it to make it a string.
            """,
        bad: "account: 123456789012345678901234567890\n",
        good: "account: \"123456789012345678901234567890\"\n")

    public static let numberOutOfRange = DiagnosticID(
        code: "LC1103", name: "number-out-of-range", severity: .error,
        summary: "a number is too large to be represented",
        explanation: """
            The number overflows a 64-bit float and would be read as infinity. Use a smaller value, or \
            quote it if it is not meant as a number.
            """,
        bad: "learning_rate: 1e400\n",
        good: "learning_rate: 1e-4\n")

    public static let nestingTooDeep = DiagnosticID(
        code: "LC1104", name: "nesting-too-deep", severity: .error,
        summary: "the document nests deeper than launchc's limit",
        explanation: """
            Real configuration nests a few dozen levels at most; launchc stops at 512 levels of arrays \
            and objects so that a hostile or generated file cannot exhaust the stack. The position is \
            the first node past the limit.
            """,
        bad: "[[[[[[ ... 10,000 levels ... ]]]]]]",
        good: "spec:\n  template:\n    spec:\n      containers: []\n")

    public static let bidiControl = DiagnosticID(
        code: "LC1106", name: "bidi-control", severity: .warning,
        summary: "an invisible text-direction control character",
        explanation: """
            Unicode's direction controls (U+202A–U+202E, U+2066–U+2069) reorder how editors, diff \
            views and code review display the text around them, while launchc, the agent and every \
            API read the bytes in order: a value or a comment can look like something it is not (the \
            \"Trojan Source\" attack). A configuration has no use for them; delete them.
            """,
        bad: "user: \"\u{202E}nimda\u{202C}\"   # shows as 'admin'\n",
        good: "user: admin\n")

    public static let scalarTooLong = DiagnosticID(
        code: "LC1105", name: "scalar-too-long", severity: .error,
        summary: "a string or key is longer than launchc's limit",
        explanation: """
            Configuration values are short; launchc refuses a single string or key longer than its \
            limit (16 MiB by default, `--limit scalar-size=SIZE`) so that a hostile file cannot make \
            every later check (patterns, messages, excerpts) slow. Kubernetes itself caps a whole \
            ConfigMap at 1 MiB. Keep large data in a file or an artifact and refer to it.
            """,
        bad: "command: [\"python\", \"-c\", \"<5 MB of inline code>\"]",
        good: "command: [\"python\", \"train.py\"]")

    // MARK: LC12xx: YAML

    public static let yamlSyntax = DiagnosticID(
        code: "LC1201", name: "yaml-syntax", severity: .error,
        summary: "the file is not valid YAML",
        explanation: """
            libyaml could not parse the file. The message gives its reason and the note shows where \
            the construct it was reading started. Common causes: an unterminated quote, a `key: value` \
            inside a plain value (quote the value), or indentation that does not line up.
            """,
        bad: "entrypoint: python train.py --lr: 0.1\n",
        good: "entrypoint: \"python train.py --lr: 0.1\"\n")

    public static let yamlTabIndentation = DiagnosticID(
        code: "LC1202", name: "yaml-tab-indentation", severity: .error,
        summary: "a tab character is used for indentation",
        explanation: """
            YAML forbids tabs in indentation. Editors often insert one invisibly; replace it with spaces \
            (and set the editor to indent YAML with spaces).
            """,
        bad: "queues:\n\t- default\n",
        good: "queues:\n  - default\n")

    public static let yamlUnknownTag = DiagnosticID(
        code: "LC1203", name: "yaml-unknown-tag", severity: .error,
        summary: "a YAML tag launchc does not know",
        explanation: """
            launchc reads plain data: the core tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, \
            `!!map` and `!!seq`, and the non-specific tag `!`. Application tags such as CloudFormation's \
            `!Ref` or Python's `!!python/object` mean nothing to the W&B agent's safe loader, which \
            rejects them. Remove the tag, or quote the value to keep it as text.
            """,
        bad: "role: !Ref SageMakerRole\n",
        good: "role: arn:aws:iam::123456789012:role/SageMakerRole\n")

    public static let yamlTagMismatch = DiagnosticID(
        code: "LC1204", name: "yaml-tag-mismatch", severity: .error,
        summary: "a value does not have the form its tag demands",
        explanation: """
            An explicit core tag says what type a value has; the value must then be written in that \
            type's form (`!!int 8`, `!!bool true`, `!!map {}`). Fix the value or drop the tag.
            """,
        bad: "max_jobs: !!int eight\n",
        good: "max_jobs: !!int 8\n")

    public static let yamlNonStringKey = DiagnosticID(
        code: "LC1205", name: "yaml-non-string-key", severity: .error,
        summary: "a mapping key is a sequence or a mapping",
        explanation: """
            YAML allows complex keys (`? [a, b] : value`), but JSON, the W&B API and every Launch \
            document use string keys only. Use a string key.
            """,
        bad: "? [gpu, count]\n: 8\n",
        good: "gpu_count: 8\n")

    public static let yamlUndefinedAlias = DiagnosticID(
        code: "LC1206", name: "yaml-undefined-alias", severity: .error,
        summary: "an alias names an anchor that is not defined before it",
        explanation: """
            `*name` refers to the node marked `&name`, which must appear earlier in the same document. \
            Check the spelling, and that the anchor comes first.
            """,
        bad: "config: *defaults\ndefaults: &defaults {max_jobs: 1}\n",
        good: "defaults: &defaults {max_jobs: 1}\nconfig: *defaults\n")

    public static let yamlRecursiveAlias = DiagnosticID(
        code: "LC1207", name: "yaml-recursive-alias", severity: .error,
        summary: "an alias refers to a node that contains it",
        explanation: """
            An alias inside the node its anchor marks would make an infinite structure, which JSON \
            cannot represent.
            """,
        bad: "loop: &a [1, *a]\n",
        good: "base: &a [1]\nlist: *a\n")

    public static let yamlInvalidMerge = DiagnosticID(
        code: "LC1208", name: "yaml-invalid-merge", severity: .error,
        summary: "a merge key's value is not a mapping or a list of mappings",
        explanation: """
            `<<: *anchor` merges the keys of a mapping (or of each mapping in a list) into the mapping \
            it sits in; explicit keys win over merged ones. Anything else after `<<` is an error.
            """,
        bad: "base: &base [1, 2]\njob:\n  <<: *base\n",
        good: "base: &base {image: python:3.11}\njob:\n  <<: *base\n  name: train\n")

    public static let yaml11Ambiguity = DiagnosticID(
        code: "LC1209", name: "yaml11-ambiguous-scalar", severity: .warning,
        summary: "a plain value that YAML 1.1 tools read differently",
        explanation: """
            launchc reads YAML 1.2, where `yes`, `no`, `on` and `off` are strings, `010` is ten and \
            `1:20` is text. PyYAML, the W&B UI and many other tools read YAML 1.1, where the same words are \
            booleans, `010` is eight and `1:20` is eighty. Quote the value so that every reader agrees, \
            or write the form both versions share (`true`, `false`).
            """,
        bad: "enable_web_access: yes\ntimeout: 1:30\n",
        good: "enable_web_access: true\ntimeout: \"1:30\"\n")

    public static let yamlAliasExpansion = DiagnosticID(
        code: "LC1210", name: "yaml-alias-expansion", severity: .error,
        summary: "aliases expand to more nodes than launchc's limit",
        explanation: """
            Each alias stands for a whole copy of its anchored node, so a few lines of nested aliases \
            (a \"billion laughs\" attack) can expand to billions of nodes. launchc counts the nodes its \
            aliases produce and stops at 1,000,000; real configs produce a few hundred at most.
            """,
        bad: "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# ... nine levels\n",
        good: "defaults: &defaults {instance_type: ml.g5.xlarge}\njob: *defaults\n")

    public static let yamlNonFiniteNumber = DiagnosticID(
        code: "LC1211", name: "yaml-non-finite-number", severity: .warning,
        summary: "a YAML infinity or NaN has no JSON form",
        explanation: """
            `.inf`, `-.inf` and `.nan` are YAML floats that JSON cannot represent. `launchc parse` writes \
            them as the strings \".inf\", \"-.inf\" and \".nan\"; the W&B server stores configs as JSON, so \
            use a finite number or a string.
            """,
        bad: "max_runtime: .inf\n",
        good: "max_runtime: 86400\n")

    public static let yamlTooManyDocuments = DiagnosticID(
        code: "LC1212", name: "yaml-too-many-documents", severity: .error,
        summary: "the YAML stream holds more documents than launchc's limit",
        explanation: """
            A file of `---`-separated documents is read document by document; launchc stops at its \
            limit (10,000 by default, `--limit documents=N`) so that a file of millions of empty \
            documents cannot exhaust memory. The position is the first document past the limit.
            """,
        bad: "---\n---\n---\n# ... a million times\n",
        good: "# one document per config\nmax_jobs: 1\n")

    // MARK: LC13xx: JSON

    public static let jsonSyntax = DiagnosticID(
        code: "LC1301", name: "json-syntax", severity: .error,
        summary: "the file is not valid JSON",
        explanation: """
            jansson could not parse the file as strict JSON (RFC 8259). The message gives its reason at \
            the offending character.
            """,
        bad: "{\"max_jobs\" 1}\n",
        good: "{\"max_jobs\": 1}\n")

    public static let jsonComment = DiagnosticID(
        code: "LC1302", name: "json-comment", severity: .error,
        summary: "JSON does not allow comments",
        explanation: """
            Strict JSON has no comments, and the W&B agent and the cloud APIs parse it strictly. Remove \
            the comment, or write the file as YAML, which has them.
            """,
        bad: "{\n  // the GPU queue\n  \"resource\": \"kubernetes\"\n}\n",
        good: "{\n  \"resource\": \"kubernetes\"\n}\n")

    public static let jsonTrailingComma = DiagnosticID(
        code: "LC1303", name: "json-trailing-comma", severity: .error,
        summary: "JSON does not allow a comma before a closing bracket",
        explanation: "A comma after the last element of an array or object is an error in strict JSON. Remove it.",
        bad: "{\"queues\": [\"default\",]}\n",
        good: "{\"queues\": [\"default\"]}\n")

    public static let jsonNonFiniteNumber = DiagnosticID(
        code: "LC1304", name: "json-non-finite-number", severity: .error,
        summary: "JSON has no NaN or Infinity",
        explanation: """
            Python's `json.dumps` writes `NaN` and `Infinity`, but they are not JSON and strict parsers \
            reject them. Use null, a finite number, or a string.
            """,
        bad: "{\"max_runtime\": Infinity}\n",
        good: "{\"max_runtime\": null}\n")

    public static let jsonSingleQuotes = DiagnosticID(
        code: "LC1305", name: "json-single-quotes", severity: .error,
        summary: "JSON strings take double quotes",
        explanation: "Single-quoted strings are JavaScript or Python, not JSON. Use double quotes.",
        bad: "{'resource': 'sagemaker'}\n",
        good: "{\"resource\": \"sagemaker\"}\n")

    public static let jsonTrailingContent = DiagnosticID(
        code: "LC1306", name: "json-trailing-content", severity: .error,
        summary: "there is more after the JSON value",
        explanation: """
            A JSON file holds exactly one value. Text after it (a second object, a stray bracket) is an \
            error; to keep several documents in one file, use a YAML stream separated by `---`.
            """,
        bad: "{\"a\": 1}\n{\"b\": 2}\n",
        good: "[{\"a\": 1}, {\"b\": 2}]\n")

    // MARK: LC20xx: schemas

    public static let schemaType = DiagnosticID(
        code: "LC2001", name: "wrong-type", severity: .error,
        summary: "a value has the wrong type",
        explanation: """
            The schema for this place asks for another type: a string where a number was written, a list \
            where a mapping was expected. In YAML, quoting changes the type (`"8"` is a string, `8` an \
            integer).
            """,
        bad: "max_jobs: \"4\"\n",
        good: "max_jobs: 4\n")

    public static let schemaRequired = DiagnosticID(
        code: "LC2002", name: "missing-key", severity: .error,
        summary: "a required key is missing",
        explanation: "The schema requires this key in the mapping; the position is the mapping that lacks it.",
        bad: "ResourceConfig:\n  InstanceCount: 1\n",
        good: "ResourceConfig:\n  InstanceType: ml.g5.xlarge\n  InstanceCount: 1\n")

    public static let schemaUnknownKey = DiagnosticID(
        code: "LC2003", name: "unknown-key", severity: .error,
        summary: "a key the schema does not allow",
        explanation: """
            The mapping does not allow this key. It is usually a typo or a key from another backend; the \
            message suggests the nearest allowed key, including spellings that differ only in case, \
            underscores or dashes.
            """,
        bad: "ResourceConfig:\n  InstanceTyp: ml.g5.xlarge\n",
        good: "ResourceConfig:\n  InstanceType: ml.g5.xlarge\n")

    public static let schemaValue = DiagnosticID(
        code: "LC2004", name: "value-not-allowed", severity: .error,
        summary: "a value is not one of those allowed",
        explanation: "The schema lists the values allowed here (`enum`) or fixes one (`const`).",
        bad: "prioritization_mode: fifo\n",
        good: "prioritization_mode: V0\n")

    public static let schemaRange = DiagnosticID(
        code: "LC2005", name: "number-out-of-bounds", severity: .error,
        summary: "a number is outside its bounds",
        explanation: "The schema bounds this number (`minimum`, `maximum`, their exclusive forms) or asks for a multiple of a step (`multipleOf`).",
        bad: "InstanceCount: 0\n",
        good: "InstanceCount: 1\n")

    public static let schemaString = DiagnosticID(
        code: "LC2006", name: "string-form", severity: .error,
        summary: "a string is too short, too long, or does not match its pattern",
        explanation: "The schema bounds the string's length (counted in characters) or gives a regular expression it must match.",
        bad: "S3OutputPath: my-bucket/out\n",
        good: "S3OutputPath: s3://my-bucket/out\n")

    public static let schemaArray = DiagnosticID(
        code: "LC2007", name: "list-form", severity: .error,
        summary: "a list has too few or too many items, repeats an item, or lacks a required item",
        explanation: "The schema bounds the list's length (`minItems`, `maxItems`), asks for unique items, or asks for items of a form (`contains`).",
        bad: "worker_pool_specs: []\n",
        good: "worker_pool_specs:\n  - machine_spec: {machine_type: n1-standard-4}\n")

    public static let schemaObject = DiagnosticID(
        code: "LC2008", name: "mapping-form", severity: .error,
        summary: "a mapping has too few or too many keys, or a key without the keys it needs",
        explanation: "The schema bounds the number of keys, or says that one key needs others beside it (`dependentRequired`).",
        bad: "VolumeKmsKeyId: alias/ml\n",
        good: "VolumeKmsKeyId: alias/ml\nVolumeSizeInGB: 50\n")

    public static let schemaNoForm = DiagnosticID(
        code: "LC2009", name: "no-matching-form", severity: .error,
        summary: "a value matches none of the forms allowed, or more than one of the exclusive ones",
        explanation: """
            The schema offers several forms (`anyOf`, `oneOf`). launchc reports the problems of the form you \
            most likely meant (the one a distinguishing key such as `resource` selects, else the one with \
            fewest problems); this code appears only when no form stands out, or when a value matches \
            several forms of which exactly one is allowed.
            """,
        bad: "resource: sagemakr\n",
        good: "resource: sagemaker\n")

    public static let schemaForbidden = DiagnosticID(
        code: "LC2010", name: "forbidden-form", severity: .error,
        summary: "a value has a form the schema forbids",
        explanation: "The schema forbids this form (`not`, or a `false` schema).",
        bad: "# a policy forbidding spot instances\nEnableManagedSpotTraining: true\n",
        good: "EnableManagedSpotTraining: false\n")

    public static let schemaPatternTooCostly = DiagnosticID(
        code: "LC2012", name: "pattern-too-costly", severity: .error,
        summary: "a schema's pattern ran out of its step budget on a value, so the value fails",
        explanation: """
            Some regular expressions backtrack exponentially on some strings (`^(a+)+$` on `aaaa…!`). \
            launchc gives each `pattern` match of a `--schema` a budget of steps: 1,000,000 \
            (`--limit pattern-steps=N`) plus 16 for each character of the value. A match that runs \
            past it fails the check here (a policy must not be passed by a value too long or too \
            twisted to decide), and that pattern is not run again in the same file. Rewrite the \
            pattern without nested quantifiers over the same characters, or raise the budget.
            """,
        bad: "{\"pattern\": \"^(a+)+$\"}\n",
        good: "{\"pattern\": \"^a+$\"}\n")

    public static let schemaInvalid = DiagnosticID(
        code: "LC2011", name: "invalid-schema", severity: .error,
        summary: "a schema given with --schema is not a valid JSON Schema 2020-12 schema",
        explanation: """
            launchc could not compile the schema: a keyword has a value of the wrong kind, a `$ref` leads \
            nowhere, or a `pattern` is not a regular expression. The run exits with code 2.
            """,
        bad: "{\"type\": \"strin\"}\n",
        good: "{\"type\": \"string\"}\n")

    public static let schemaCycle = DiagnosticID(
        code: "LC2013", name: "schema-cycle", severity: .error,
        summary: "a schema reaches itself again without reading into the value, so evaluating it never ends",
        explanation: """
            A `$ref` (or `$dynamicRef`) leads, directly or through `allOf`, `anyOf`, `oneOf`, `not`, \
            `if`/`then`/`else` or `dependentSchemas`, back to a subschema that is already being \
            evaluated at the same place in the document. Nothing in between steps into a property or \
            an item, so evaluation would repeat forever (JSON Schema leaves such schemas undefined). \
            launchc refuses the schema when it is compiled; a cycle that only a `$dynamicRef`'s \
            dynamic scope closes is found when a document reaches it. The note names every step of \
            the cycle. The run exits with code 2. Make the recursion step into the value (under \
            `properties`, `items`, ...) or remove the reference.
            """,
        bad: "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"allOf\": [{\"$ref\": \"#/$defs/a\"}]}}, \"$ref\": \"#/$defs/a\"}\n",
        good: "{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {\"children\": {\"items\": {\"$ref\": \"#/$defs/node\"}}}}}, \"$ref\": \"#/$defs/node\"}\n")

    public static let schemaTooDeep = DiagnosticID(
        code: "LC2014", name: "schema-too-deep", severity: .error,
        summary: "evaluating a schema nested deeper than launchc's limit, so the document is not decided",
        explanation: """
            Each subschema a schema applies, and each reference it follows, nests one evaluation \
            inside another. launchc stops at 100,000 levels (`--limit schema-depth=N`), or earlier \
            when the stack it runs on has no room left, so that no schema can exhaust the stack. The \
            document is then not decided by that schema, and the check fails. A real schema nests a \
            few hundred levels at most; a long chain of references is usually generated: flatten it, \
            or raise the limit.
            """,
        bad: "{\"$ref\": \"#/$defs/d0\", \"$defs\": {\"d0\": {\"$ref\": \"#/$defs/d1\"}, ... 200,000 links ...}}\n",
        good: "{\"$ref\": \"#/$defs/d0\", \"$defs\": {\"d0\": {\"type\": \"object\"}}}\n")

    public static let schemaTooCostly = DiagnosticID(
        code: "LC2015", name: "schema-too-costly", severity: .error,
        summary: "evaluating a schema took more steps than launchc's budget, so the document is not decided",
        explanation: """
            A schema can ask for exponentially many evaluations without any cycle: an `anyOf` whose \
            branches refer to the same definitions, each of which is again an `anyOf` of the next, \
            doubles the work at every level. launchc counts the subschemas one validation evaluates \
            and stops at 1,000,000 plus 16 for each byte of the document (`--limit schema-steps=N`), \
            so that no schema can hang a check. The document is then not decided by that schema, and \
            the check fails. Rewrite the schema so that branches do not repeat the same references, \
            or raise the budget.
            """,
        bad: "{\"$defs\": {\"a\": {\"anyOf\": [{\"$ref\": \"#/$defs/b\"}, {\"$ref\": \"#/$defs/b\"}]}, \"b\": {\"anyOf\": [{\"$ref\": \"#/$defs/c\"}, {\"$ref\": \"#/$defs/c\"}]}, ... 40 levels ...}}\n",
        good: "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/c\"}, ...}}\n")

    // MARK: LC31xx: the agent's configuration

    public static let agentIgnoredRegistryKey = DiagnosticID(
        code: "LC3101", name: "agent-ignored-registry-key", severity: .warning,
        summary: "a registry key the agent does not read",
        explanation: """
            The agent's `registry` block ignores keys it does not know, without a word. The key has no \
            effect; the block itself is deprecated in favour of the builder's `destination`.
            """,
        bad: "registry:\n  type: ecr\n  url: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n",
        good: "registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let agentIgnoredBuilderKey = DiagnosticID(
        code: "LC3102", name: "agent-ignored-builder-key", severity: .warning,
        summary: "a builder key the agent ignores, often an underscore spelling of a dashed key",
        explanation: """
            The builder block accepts its multi-word keys only with dashes (`build-context-store`, \
            `secret-name`, `kaniko-image`); the underscore spellings, and any other unknown key, are \
            ignored silently, so kaniko runs without the setting you wrote.
            """,
        bad: "builder:\n  type: kaniko\n  build_context_store: s3://ml-builds/context\n",
        good: "builder:\n  type: kaniko\n  build-context-store: s3://ml-builds/context\n")

    public static let agentLegacyQueue = DiagnosticID(
        code: "LC3103", name: "agent-legacy-queue-key", severity: .error,
        summary: "the legacy 'queue' key stops the agent",
        explanation: """
            The agent reads a `queue:` key and adds it to `queues`, but then its configuration check \
            rejects the key as unknown, so the agent never starts. List the queue under `queues`.
            """,
        bad: "queue: train-gpu\n",
        good: "queues:\n  - train-gpu\n")

    public static let agentEnvironmentRegion = DiagnosticID(
        code: "LC3104", name: "agent-environment-region", severity: .error,
        summary: "the environment block has no 'region' key",
        explanation: """
            The agent's configuration check requires a `region` key in `environment` for every cloud, \
            Azure included (where its value may be null); without it the agent does not start. The W&B \
            docs' Azure example has this mistake.
            """,
        bad: "environment:\n  type: azure\n",
        good: "environment:\n  type: azure\n  region: null\n")

    public static let agentKanikoContext = DiagnosticID(
        code: "LC3105", name: "agent-kaniko-context", severity: .error,
        summary: "a kaniko builder without a build context store",
        explanation: """
            Kaniko builds read the build context from object storage named by `build-context-store` \
            (an `s3://`, `gs://` or Azure blob URI). The agent starts without it and fails on the first \
            build.
            """,
        bad: "builder:\n  type: kaniko\n",
        good: "builder:\n  type: kaniko\n  build-context-store: s3://ml-builds/context\n")

    public static let agentIgnoredEnvironmentKey = DiagnosticID(
        code: "LC3106", name: "agent-ignored-environment-key", severity: .warning,
        summary: "an environment key the agent ignores",
        explanation: """
            The agent reads only `type` and `region` from `environment`; anything else gets a runtime \
            warning ("Unrecognized field") and no effect. The W&B docs' GCP example sets `project`, but the \
            agent takes the GCP project from its credentials (`google.auth.default()`).
            """,
        bad: "environment:\n  type: gcp\n  region: us-central1\n  project: ml-platform\n",
        good: "environment:\n  type: gcp\n  region: us-central1\n")

    public static let registryTag = DiagnosticID(
        code: "LC3107", name: "registry-tag", severity: .error,
        summary: "an image destination with a tag",
        explanation: """
            `builder.destination` and `registry.uri` name a repository; the agent tags each image it builds \
            with a hash of the source, and refuses a destination that carries a tag of its own.
            """,
        bad: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch:latest\n",
        good: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryIncomplete = DiagnosticID(
        code: "LC3108", name: "registry-incomplete", severity: .error,
        summary: "an image destination without its repository or image name",
        explanation: """
            An Artifact Registry destination needs the image name after the repository \
            (`<region>-docker.pkg.dev/<project>/<repository>/<image>`); ECR and ACR destinations need the \
            repository. The agent refuses the config otherwise.
            """,
        bad: "builder:\n  destination: us-central1-docker.pkg.dev/ml-platform/launch\n",
        good: "builder:\n  destination: us-central1-docker.pkg.dev/ml-platform/launch/train\n")

    public static let registryUnrecognized = DiagnosticID(
        code: "LC3109", name: "registry-unrecognized", severity: .warning,
        summary: "an image destination the agent does not recognise",
        explanation: """
            The agent recognises ECR (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>`), Artifact \
            Registry and ACR destinations. Anything else (Docker Hub, a URI missing `.dkr`) it accepts with a \
            warning, and pushing may fail later. The W&B docs' AWS example leaves out `.dkr`.
            """,
        bad: "builder:\n  destination: 123456789012.ecr.us-east-1.amazonaws.com/launch\n",
        good: "builder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryARN = DiagnosticID(
        code: "LC3110", name: "registry-arn", severity: .error,
        summary: "an ECR repository ARN where an image URI belongs",
        explanation: """
            `registry.uri` and `builder.destination` take the repository's URI, not its ARN; the ECR registry \
            refuses an ARN when the job runs. The W&B SageMaker tutorial has this mistake. launchc offers \
            the URI the ARN stands for.
            """,
        bad: "registry:\n  type: ecr\n  uri: arn:aws:ecr:us-east-1:123456789012:repository/launch\n",
        good: "registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    public static let registryRegion = DiagnosticID(
        code: "LC3111", name: "registry-region", severity: .warning,
        summary: "an image destination in another region than the agent's environment",
        explanation: """
            The W&B docs ask for the ECR or Artifact Registry destination to be in the environment's \
            region; pushing across regions fails with the agent's regional credentials, or costs transfer.
            """,
        bad: "environment: {type: aws, region: us-east-1}\nbuilder:\n  destination: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/launch\n",
        good: "environment: {type: aws, region: us-east-1}\nbuilder:\n  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")

    // MARK: LC32xx: launch specs

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

    // MARK: LC33xx: SageMaker

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

    // MARK: LC36xx: template variables

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

    // MARK: LC34xx: Vertex AI

    public static let vertexRequired = DiagnosticID(
        code: "LC3401", name: "vertex-required", severity: .error,
        summary: "a Vertex queue config without its worker pools or staging bucket",
        explanation: "The agent refuses a Vertex queue config without `spec.worker_pool_specs` (at least one pool) and `spec.staging_bucket`.",
        bad: "spec:\n  worker_pool_specs: []\n",
        good: "spec:\n  worker_pool_specs:\n    - machine_spec: {machine_type: n1-standard-4}\n      replica_count: 1\n      container_spec: {image_uri: ${image_uri}}\n  staging_bucket: gs://ml-staging\n")

    public static let vertexIgnored = DiagnosticID(
        code: "LC3402", name: "vertex-ignored-key", severity: .warning,
        summary: "a Vertex setting the agent does not read",
        explanation: """
            From `spec` the agent reads only `worker_pool_specs`, `staging_bucket`, `base_output_dir`, \
            `encryption_spec_key_name` and `labels`; from `run` only `timeout`, `service_account`, `network`, \
            `enable_web_access`, `experiment`, `experiment_run`, `tensorboard` and \
            `restart_job_on_worker_restart`. The W&B docs say `spec.service_account`, which is ignored.
            """,
        bad: "spec:\n  service_account: trainer@ml.iam.gserviceaccount.com\n",
        good: "run:\n  service_account: trainer@ml.iam.gserviceaccount.com\n")

    public static let vertexContainerSpec = DiagnosticID(
        code: "LC3403", name: "vertex-container-spec", severity: .error,
        summary: "a worker pool without a container_spec",
        explanation: "The agent refuses a worker pool without a `container_spec`, even one with a `python_package_spec`.",
        bad: "- machine_spec: {machine_type: n1-standard-4}\n  replica_count: 1\n",
        good: "- machine_spec: {machine_type: n1-standard-4}\n  replica_count: 1\n  container_spec: {image_uri: ${image_uri}}\n")

    public static let vertexCommand = DiagnosticID(
        code: "LC3404", name: "vertex-command-discarded", severity: .warning,
        summary: "container_spec.command is replaced by the job's entry point",
        explanation: "The agent always overwrites `container_spec.command` with the job's entry point (even an empty one); `args` from the queue are kept.",
        bad: "container_spec:\n  image_uri: ${image_uri}\n  command: [python, train.py]\n",
        good: "container_spec:\n  image_uri: ${image_uri}\n  args: [--epochs, \"90\"]\n")

    public static let vertexCamelCase = DiagnosticID(
        code: "LC3405", name: "vertex-camel-case", severity: .error,
        summary: "a camelCase key in a Vertex queue config",
        explanation: """
            The Vertex SDK builds its requests from snake_case field names and rejects camelCase ones, \
            although Google's REST documentation spells them in camelCase. Every key must be snake_case.
            """,
        bad: "spec:\n  workerPoolSpecs: []\n",
        good: "spec:\n  worker_pool_specs: []\n")

    public static let vertexExperimentAndTensorboard = DiagnosticID(
        code: "LC3406", name: "vertex-experiment-with-tensorboard", severity: .error,
        summary: "run.experiment and run.tensorboard together",
        explanation: """
            The agent hands both to the Vertex SDK's `CustomJob.submit`, which raises "'experiment' and \
            'tensorboard' cannot be set together." before anything is submitted. An experiment has its \
            own backing TensorBoard; set one or the other.
            """,
        bad: "run:\n  experiment: resnet-sweep\n  tensorboard: projects/123/locations/us-central1/tensorboards/456\n",
        good: "run:\n  experiment: resnet-sweep\n")

    // MARK: LC35xx: Kubernetes

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

    // Macros (render: the agent's quirks that change what a job gets, PRODUCT.md §5.3)

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

    // MARK: LC37xx: local-container and local-process

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

    public static let localProcessIgnored = DiagnosticID(
        code: "LC3704", name: "local-process-ignored", severity: .warning,
        summary: "a local-process queue config key, which the runner ignores",
        explanation: "The local-process runner reads nothing from its queue config; settings there have no effect.",
        bad: "env: [DEBUG=1]\n",
        good: "{}\n")

    // MARK: LC40xx: policy

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
