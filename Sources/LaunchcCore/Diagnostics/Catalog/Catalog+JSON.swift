/// LC13xx: JSON.
extension DiagnosticID {
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
}
