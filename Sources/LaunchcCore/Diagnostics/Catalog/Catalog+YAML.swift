/// LC12xx: YAML.
extension DiagnosticID {
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
            or write the form both versions share (`true`, `false`). An agent config is the exception: the \
            agent loads it with PyYAML, so launchc checks its values as PyYAML reads them, and the fix writes \
            that reading in a form every version shares.
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
}
