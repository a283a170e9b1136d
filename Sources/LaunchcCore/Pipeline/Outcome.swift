/// The two streams a command writes to.
public enum OutputStream: Sendable, Equatable {
    case standardOutput, standardError
}

/// What running a command produced, in the order it is to be written: texts for the two
/// streams and files to write whole or not at all, the findings it made, and its exit status.
///
/// A pipeline builds one from a request without touching the terminal or writing a file;
/// `Emitter` carries it out (the executable), and tests and editors read it as it is.
public struct Outcome: Sendable {
    public enum Action: Sendable {
        case write(String, to: OutputStream)
        /// A file written whole or not at all (`AtomicFile`). `what` names it in the error
        /// when it cannot be written ("'out.sarif'", "the fixes to 'queue.yaml'"); with `stops`,
        /// nothing after it is written then. `done` goes to standard error once it is written.
        case file(path: String, text: String, what: String, stops: Bool, done: String?)
    }

    public var actions: [Action] = []
    /// 0 clean, 1 findings that fail the run, 2 a usage error or an input that cannot be read.
    /// A file that cannot be written makes it 2 when the outcome is carried out.
    public var status: Int32 = 0
    /// Every finding the run made, in the order it made them, including the ones about the
    /// invocation itself (LC19xx): what an editor shows, whatever the output format.
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// A usage error (exit 2) as its message alone, as the command line's parser reports one.
    public init(usage error: any Error) {
        write("Error: \(error)\n", to: .standardError)
        status = 2
    }

    public mutating func write(_ text: String, to stream: OutputStream = .standardOutput) {
        guard !text.isEmpty else { return }
        actions.append(.write(text, to: stream))
    }

    public mutating func file(_ path: String, _ text: String, what: String? = nil, stops: Bool = true, done: String? = nil) {
        actions.append(.file(path: path, text: text, what: what ?? "'\(path)'", stops: stops, done: done))
    }

    /// Findings printed as text to `stream` (nothing when there are none), and kept.
    mutating func report(_ findings: [Diagnostic], style: ReportStyle, to stream: OutputStream = .standardError) {
        diagnostics += findings
        guard !findings.isEmpty else { return }
        write(TextReporter(style: style).renderDiagnostics(findings), to: stream)
    }

    /// Ends the run with a finding about the invocation (LC19xx) on standard error.
    mutating func fail(_ finding: Diagnostic, status: Int32 = 2, style: ReportStyle) {
        report([finding], style: style)
        self.status = status
    }

    /// All that goes to `stream`, in order (files not included).
    public func text(_ stream: OutputStream) -> String {
        actions.reduce(into: "") { text, action in
            if case .write(let chunk, let to) = action, to == stream { text += chunk }
        }
    }

    /// The files it writes, in order.
    public var files: [(path: String, text: String)] {
        actions.compactMap { if case .file(let path, let text, _, _, _) = $0 { (path, text) } else { nil } }
    }
}

/// What a run learns from the process it runs in, passed in so that a pipeline stays a
/// function of its inputs (tests and editors give their own).
public struct RunEnvironment: Sendable {
    /// Whether each stream is a terminal (for `--color auto`).
    public var standardOutputIsTerminal: Bool
    public var standardErrorIsTerminal: Bool
    /// The variables launchc reads: NO_COLOR, GITHUB_ACTIONS, WANDB_API_KEY.
    public var variables: [String: String]

    public init(standardOutputIsTerminal: Bool = false, standardErrorIsTerminal: Bool = false, variables: [String: String] = [:]) {
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.variables = variables
    }

    /// Whether text to `stream` is coloured under `mode`: `auto` colours a terminal only, and
    /// never when NO_COLOR is set to anything (no-color.org).
    public func colors(_ stream: OutputStream, mode: ColorMode) -> Bool {
        switch mode {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = variables["NO_COLOR"], !noColor.isEmpty { return false }
            return stream == .standardOutput ? standardOutputIsTerminal : standardErrorIsTerminal
        }
    }

    /// The style of findings written to `stream`.
    func style(_ stream: OutputStream, mode: ColorMode, quiet: Bool = false) -> ReportStyle {
        ReportStyle(color: colors(stream, mode: mode), quiet: quiet)
    }
}

/// When to colour text output.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never
}

/// A document in memory, given to a pipeline instead of a path (an editor's unsaved buffer).
public struct InputBuffer: Sendable, Equatable {
    /// The name findings give it; its extension says YAML or JSON, as a file's does.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) { self.init(path: path, bytes: Array(text.utf8)) }

    var file: SourceFile { SourceFile(path: path, bytes: bytes) }
}

/// What every command that reads files takes: colour, the name of standard input, and the limits.
public struct InputOptions: Sendable, Equatable {
    public var color: ColorMode = .auto
    public var stdinName = "<stdin>"
    public var limits = Limits.default

    public init(color: ColorMode = .auto, stdinName: String = "<stdin>", limits: Limits = .default) {
        self.color = color
        self.stdinName = stdinName
        self.limits = limits
    }

    /// A path as given, or `-` for standard input.
    func input(_ path: String) -> Input {
        path == "-" ? .standardInput(name: stdinName) : .file(path)
    }
}
