/// LC10xx: reading the input.
extension DiagnosticID {
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
}
