/// How serious a finding is. `--strict` makes warnings fail a run as errors do.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}

/// A place in a file. `range` is nil when a finding is about the file as a whole (for example
/// a file that cannot be opened).
public struct SourceSpan: Sendable {
    public var file: SourceFile
    public var range: SourceRange?

    public init(file: SourceFile, range: SourceRange?) {
        self.file = file
        self.range = range
    }
}

extension SourceFile {
    /// Stands for the command line itself, for findings about the invocation rather than a
    /// file (LC19xx): text output prints them as `launchc: error: ...`.
    public static let invocation = SourceFile(path: "launchc", bytes: [])
}

extension SourceSpan {
    /// A finding about the invocation (`SourceFile.invocation`).
    public static var invocation: SourceSpan { SourceSpan(file: .invocation, range: nil) }

    public var isInvocation: Bool { file === SourceFile.invocation }
}

/// Extra information attached to a diagnostic, with a place of its own when it has one
/// ("first defined here").
public struct Note: Sendable {
    public var message: String
    public var span: SourceSpan?

    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// One replacement of a byte range in the diagnostic's file.
public struct TextEdit: Sendable, Equatable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A suggested fix: advice in words and, when the fix is mechanical, the exact edits.
public struct FixIt: Sendable {
    public var message: String
    public var edits: [TextEdit]
    /// Whether `check --fix` applies it: the edits are the one obvious fix, and change nothing
    /// but the mistake (a camelCase Vertex key, a misspelt key with a single near match, a
    /// builder key's underscores, a YAML 1.1-ambiguous string, a docker flag's spelling).
    public var isSafe: Bool

    public init(_ message: String, edits: [TextEdit] = [], safe: Bool = false) {
        self.message = message
        self.edits = edits
        self.isSafe = safe && !edits.isEmpty
    }
}

/// One finding: what is wrong, where, and what to do about it.
public struct Diagnostic: Sendable {
    public var severity: Severity
    public var id: DiagnosticID
    /// One line, lowercase, no final period, naming the offending key or value.
    public var message: String
    public var span: SourceSpan
    /// Where in the document the offending node sits, when it sits in one.
    public var pointer: JSONPointer?
    public var notes: [Note]
    public var fixIts: [FixIt]

    public init(
        _ id: DiagnosticID,
        severity: Severity? = nil,
        _ message: String,
        at span: SourceSpan,
        pointer: JSONPointer? = nil,
        notes: [Note] = [],
        fixIts: [FixIt] = []
    ) {
        self.id = id
        self.severity = severity ?? id.severity
        self.message = message
        self.span = span
        self.pointer = pointer
        self.notes = notes
        self.fixIts = fixIts
    }

    public var code: String { id.code }
}

/// Receives findings as they are made. Producers never decide whether a finding stops the
/// run: the caller looks at what was collected (and at `--strict`).
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Findings in file order; a stable sort keeps producers' order for ties.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        sorted(diagnostics) { $0 }
    }

    /// Anything that carries a finding, in the file order of its finding (stable).
    static func sorted<T>(_ items: [T], by finding: (T) -> Diagnostic) -> [T] {
        items.enumerated().sorted { a, b in
            let (x, y) = (finding(a.element).span.range?.start ?? -1, finding(b.element).span.range?.start ?? -1)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }
}
