/// What one input produced: its findings, and whether it could be read at all.
public struct FileReport: Sendable {
    public var path: String
    public var diagnostics: [Diagnostic]
    /// True when the file could not be opened or read (exit code 2).
    public var unreadable: Bool
    /// How the file was read (nil when it could not be).
    public var format: InputFormat?
    /// What each document was taken to be (nil: not known, so only its syntax was checked).
    public var kinds: [Classification?]
    /// Whether warnings fail this file, when its project config says (nil: as the run says).
    public var strict: Bool?
    /// Findings an inline suppression or the project config silenced (shown only in SARIF).
    public var suppressed: [SuppressedFinding] = []
    /// True when a `--schema` turned out to be unusable on this file (a cycle its dynamic scope
    /// closes, LC2013): a problem with the invocation, so exit code 2, as for a schema that
    /// does not compile.
    public var invalidSchema = false

    public var documentCount: Int { kinds.count }

    public init(path: String, diagnostics: [Diagnostic], unreadable: Bool = false, format: InputFormat? = nil, kinds: [Classification?] = []) {
        self.path = path
        self.diagnostics = diagnostics
        self.unreadable = unreadable
        self.format = format
        self.kinds = kinds
    }
}

/// A finding that was silenced, and by what.
public struct SuppressedFinding: Sendable {
    public enum Kind: String, Sendable {
        /// A `# launchc: ignore[...]` comment in the file.
        case inSource
        /// The project config's `ignore`.
        case external
    }

    public var diagnostic: Diagnostic
    public var kind: Kind
    public var justification: String?
}

/// The outcome of a whole run, from which reporters print and the exit code is derived.
public struct RunReport: Sendable {
    public var files: [FileReport]
    public var strict: Bool

    public init(files: [FileReport], strict: Bool) {
        self.files = files
        self.strict = strict
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// The least severity that fails a file: warnings with `--strict` (or the file's project
    /// config's `strict`), else errors.
    public func failing(_ file: FileReport) -> Severity {
        (file.strict ?? strict) ? .warning : .error
    }

    /// The findings that fail the run.
    public var failures: [Diagnostic] {
        files.flatMap { file in file.diagnostics.filter { $0.severity >= failing(file) } }
    }

    /// The findings suppressions and the project config silenced.
    public var suppressedCount: Int { files.reduce(0) { $0 + $1.suppressed.count } }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == severity }.count }
    }

    /// 2 when an input could not be read, 1 when a finding is at error level (or warning
    /// level with `--strict`), else 0.
    public var exitCode: Int32 {
        if files.contains(where: { $0.unreadable || $0.invalidSchema }) { return 2 }
        return files.contains { file in file.diagnostics.contains { $0.severity >= failing(file) } } ? 1 : 0
    }
}

extension FileReport: Error {}
