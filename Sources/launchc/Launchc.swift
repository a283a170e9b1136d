public import ArgumentParser
public import LaunchcCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The executable: it parses the command line into a request, runs the library's pipeline for
/// it, and carries out the outcome (`Emitter`). All the rest is in LaunchcCore.
@main
struct Launchc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "launchc",
        abstract: "Check and compile W&B Launch queue and agent configuration.",
        discussion: CommandHelp.launchc,
        version: LaunchcVersion.current,
        subcommands: [Check.self, Render.self, Policy.self, Parse.self, Schema.self, Explain.self]
    )

    /// Runs the command on a thread with a large stack (`ThreadStack`), so that deep schemas
    /// are limited by `--limit schema-depth`, not by the main thread's 8 MiB.
    static func main() {
        ThreadStack.run {
            let environment = RunEnvironment.current
            let (outcome, color) = outcome(of: Array(CommandLine.arguments.dropFirst()), environment: environment)
            terminate(Emitter.perform(outcome, environment: environment, color: color))
        }
    }

    /// What a command line (without the program name) comes to: the fast path for the common
    /// ones, else ArgumentParser; then the command's pipeline, or ArgumentParser's help or
    /// error (exit 2 where ArgumentParser says 64). The tests run command lines through this.
    static func outcome(of arguments: [String], environment: RunEnvironment) -> (Outcome, ColorMode) {
        if let fast = FastPath.command(arguments, environment: environment) { return (fast.outcome(environment: environment), fast.color) }
        if let unknown = CommandHelp.unknownCommand(arguments, color: .auto, environment: environment) { return (unknown, .auto) }
        return $arguments.withValue(arguments) { parsed(arguments, environment: environment) }
    }

    /// The command line being parsed, for what ArgumentParser does not keep (the order of
    /// `check`'s --format and --output).
    @TaskLocal static var arguments: [String] = []

    private static func parsed(_ arguments: [String], environment: RunEnvironment) -> (Outcome, ColorMode) {
        do {
            var command = try parseAsRoot(arguments)
            if let pipeline = command as? any PipelineCommand { return (pipeline.outcome(environment: environment), pipeline.color) }
            try command.run()
            return (Outcome(), .auto)
        } catch {
            var outcome = Outcome()
            if exitCode(for: error) == .success {
                outcome.write(fullMessage(for: error) + "\n")  // --help, --version, completion scripts
            } else {
                outcome.write(fullMessage(for: error) + "\n", to: .standardError)
                outcome.status = 2
            }
            return (outcome, .auto)
        }
    }
}

/// A command that runs a pipeline of the library.
protocol PipelineCommand {
    func outcome(environment: RunEnvironment) -> Outcome
    /// The --color asked for (for messages about files that cannot be written).
    var color: ColorMode { get }
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

/// A request's usage problems (LC1901), as ArgumentParser reports them.
func usage(_ problems: [Diagnostic]) throws {
    if let problem = problems.first { throw ValidationError(problem.message) }
}

extension RunEnvironment {
    /// This process's terminals and variables.
    static var current: RunEnvironment {
        var variables: [String: String] = [:]
        for name in ["NO_COLOR", "GITHUB_ACTIONS", "WANDB_API_KEY"] {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return RunEnvironment(standardOutputIsTerminal: isatty(1) == 1, standardErrorIsTerminal: isatty(2) == 1, variables: variables)
    }
}

/// Options every command that reads files shares.
struct InputOptionGroup: ParsableArguments {
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

    var options: InputOptions {
        InputOptions(color: color, stdinName: stdinName, limits: LimitSetting.limits(maxFileSize: maxFileSize, settings: limitSettings))
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

    /// The limits these options ask for (a later `--limit` wins over an earlier one).
    static func limits(maxFileSize: FileSize?, settings: [LimitSetting]) -> Limits {
        var limits = Limits.default
        if let maxFileSize { limits.maxFileBytes = maxFileSize.bytes }
        for setting in settings { _ = limits.set(setting.name, to: setting.value) }
        return limits
    }
}

/// A byte count as given on the command line: digits with an optional K, M or G (powers of 1024).
struct FileSize: ExpressibleByArgument, Equatable {
    var bytes: Int

    init?(argument: String) {
        // Offsets are 32-bit (SourceRange), so 1 GiB is the ceiling as well as the default.
        guard argument.allSatisfy(\.isASCII), let bytes = Limits.size(argument), bytes <= Limits.default.maxFileBytes else { return nil }
        self.bytes = bytes
    }
}

extension ColorMode: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
extension PolicyFormat: ExpressibleByArgument {}
extension DocumentKind: ExpressibleByArgument {}

extension LaunchResource: ExpressibleByArgument {
    /// By name or alias (`vertex`, `docker`).
    public init?(argument: String) { self.init(name: argument) }
}
