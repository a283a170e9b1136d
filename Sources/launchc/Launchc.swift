import ArgumentParser
import LaunchcCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Launchc: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "launchc",
        abstract: "Check and compile W&B Launch queue and agent configuration.",
        discussion: """
            launchc reads the YAML and JSON files that define W&B Launch queues and agents and \
            reports mistakes with their exact line and column, before the agent or a cloud API \
            rejects a run.

            Exit codes: 0 no error-level findings; 1 findings at error level (or at warning \
            level with --strict); 2 a usage error or an input that cannot be read.

            Examples:
              launchc check launch-config.yaml queues/
              launchc check --format json queues/ > findings.json
              launchc render queues/sagemaker.yaml --spec launch-spec.yaml
              launchc policy launch-config.yaml queues/sagemaker.yaml
              launchc parse queues/train-gpu.yaml
              launchc explain LC1101

            Shell completion:
              launchc --generate-completion-script bash > /etc/bash_completion.d/launchc
              launchc --generate-completion-script zsh > "${fpath[1]}/_launchc"
              launchc --generate-completion-script fish > ~/.config/fish/completions/launchc.fish
            """,
        version: version,
        subcommands: [Check.self, Render.self, Policy.self, Parse.self, Schema.self, Explain.self]
    )

    /// Runs the command on a thread with a large stack (`ThreadStack`), so that deep schemas
    /// are limited by `--limit schema-depth`, not by the main thread's 8 MiB.
    static func main() {
        ThreadStack.run { runCommand() }
    }

    /// ArgumentParser exits with 64 for usage errors; launchc's contract is 2.
    static func runCommand() {
        do {
            if let fast = FastPath.command(Array(CommandLine.arguments.dropFirst())) {
                try fast.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)  // --help, --version
            }
            Output.write(fullMessage(for: error) + "\n", to: .standardError)
            terminate(2)
        }
    }
}

/// Options every command that reads files shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Colour findings: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Option(name: .customLong("stdin-name"), help: "The file name to report for standard input; its extension selects YAML or JSON.")
    var stdinName = "<stdin>"

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse files larger than this many bytes (suffixes K, M, G; at most and by default 1G).", valueName: "size"))
    var maxFileSize: FileSize?

    @Option(name: .customLong("limit"), help: ArgumentHelp(
        "Change a limit on hostile input (repeatable), such as depth=1000 or scalar-size=16M.",
        discussion: "Limits and their defaults: " + Limits.names.map { "\($0.name), \($0.help)" }.joined(separator: "; ") + ".",
        valueName: "name=value"))
    var limitSettings: [LimitSetting] = []

    var settings: CommonSettings {
        CommonSettings(color: color, stdinName: stdinName, maxFileSize: maxFileSize, limitSettings: limitSettings)
    }
}

/// What `CommonOptions` ask for, however the command line was parsed.
struct CommonSettings: Equatable {
    var color: ColorMode = .auto
    var stdinName = "<stdin>"
    var maxFileSize: FileSize?
    var limitSettings: [LimitSetting] = []

    /// The limits these options ask for (a later `--limit` wins over an earlier one).
    var limits: Limits {
        var limits = Limits.default
        if let maxFileSize { limits.maxFileBytes = maxFileSize.bytes }
        for setting in limitSettings { _ = limits.set(setting.name, to: setting.value) }
        return limits
    }
}

/// `--limit NAME=VALUE`, checked when it is parsed.
struct LimitSetting: ExpressibleByArgument, Equatable {
    var name: String
    var value: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
        var probe = Limits.default
        guard probe.set(name, to: value) else { return nil }
    }

    static var allValueStrings: [String] { Limits.names.map { $0.name + "=" } }
}

/// A byte count as given on the command line: digits with an optional K, M or G (powers of 1024).
struct FileSize: ExpressibleByArgument, Equatable {
    var bytes: Int

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(argument)
        var unit = 1
        if let last = digits.last?.uppercased().first, let scale = units[last] {
            unit = scale
            digits = digits.dropLast()
        }
        // Offsets are 32-bit (SourceRange), so 1 GiB is the ceiling as well as the default.
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let count = Int(digits), count >= 0,
              count <= Limits.default.maxFileBytes / unit else { return nil }
        bytes = count * unit
    }
}

/// When to colour text output.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto` colours only a terminal, and never when `NO_COLOR` is set (no-color.org).
    func enabled(for stream: Output.Stream) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            return isatty(stream == .standardOutput ? 1 : 2) == 1
        }
    }
}

/// An input read whole, or its report printed to standard error and the exit code it calls for.
func readOrExit(_ input: Input, style: ReportStyle, limits: Limits) throws -> SourceFile {
    switch Checker.read(input, limits: limits) {
    case .failure(let report):
        // 2 for a file that cannot be read; 1 for one launchc refuses to read (over a limit).
        let run = RunReport(files: [report], strict: false)
        Output.write(TextReporter(style: style).render(run), to: .standardError)
        throw ExitCode(run.exitCode)
    case .success(let file):
        return file
    }
}

func terminate(_ status: Int32) -> Never {
    #if canImport(Darwin)
    Darwin.exit(status)
    #elseif canImport(Musl)
    Musl.exit(status)
    #else
    Glibc.exit(status)
    #endif
}

/// Unbuffered writes of whole texts to standard output and standard error: each call is one
/// `write(2)` loop, so output is complete before any exit.
enum Output {
    enum Stream { case standardOutput, standardError }

    static func write(_ text: String, to stream: Stream = .standardOutput) {
        _ = writeAll(text, to: stream == .standardOutput ? 1 : 2)
    }

    /// Writes all of `text` to `fd`, retrying interrupted writes: 0, or the `errno` that stopped it.
    static func writeAll(_ text: String, to fd: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { buffer in
            guard var pointer = buffer.baseAddress else { return 0 }
            var left = buffer.count
            while left > 0 {
                let n = systemWrite(fd, pointer, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                pointer += n
                left -= n
            }
            return 0
        }
    }

    static func systemWrite(_ fd: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, pointer, count)
        #elseif canImport(Musl)
        return Musl.write(fd, pointer, count)
        #else
        return Glibc.write(fd, pointer, count)
        #endif
    }
}
