/// LC20xx: schema findings.
extension DiagnosticID {
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

    public static let schemaInvalid = DiagnosticID(
        code: "LC2011", name: "invalid-schema", severity: .error,
        summary: "a schema given with --schema is not a valid JSON Schema 2020-12 schema",
        explanation: """
            launchc could not compile the schema: a keyword has a value of the wrong kind, a `$ref` leads \
            nowhere, or a `pattern` is not a regular expression. The run exits with code 2.
            """,
        bad: "{\"type\": \"strin\"}\n",
        good: "{\"type\": \"string\"}\n")

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
}
