/// LC11xx: values, in YAML and JSON alike.
extension DiagnosticID {
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

    public static let placeholderValue = DiagnosticID(
        code: "LC1107", name: "placeholder-value", severity: .error,
        summary: "a placeholder copied from an example, never filled in",
        explanation: """
            Documentation examples mark what to fill in as `<queue-name>`, `<your-region>`, \
            `your-bucket` or `YOUR_PROJECT_ID`. The agent and the cloud APIs take such a value as \
            written: the agent polls a queue named `<queue-name>`, SageMaker is asked for region \
            `<your-region>`. Replace each with the real value (template variables are written \
            `{{name}}`, and are not placeholders).
            """,
        bad: "queues: [<queue-name>]\nenvironment:\n  type: aws\n  region: <your-region>\n",
        good: "queues: [gpu-training]\nenvironment:\n  type: aws\n  region: us-east-1\n")
}
