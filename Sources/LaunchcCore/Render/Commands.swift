
/// A value as Python's `str()` writes it, for command words.
enum PythonText {
    static func str(_ value: Value) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .integer(let i): return String(i)
        case .number(let d): return PythonJSON.repr(d).replacingNonFinite()
        case .string(let s): return s
        case .array, .object: return PythonJSON.dumps(Node(value, range: .at(0)))
        }
    }
}

extension String {
    /// Python's `str(float('inf'))` is `inf`, where JSON would say `Infinity`.
    fileprivate func replacingNonFinite() -> String {
        switch self {
        case "Infinity": return "inf"
        case "-Infinity": return "-inf"
        case "NaN": return "nan"
        default: return self
        }
    }
}

/// The `docker run` command the local-container runner builds
/// (`get_docker_command`): each word both as docker receives it and as the agent writes it.
public struct DockerCommand: Sendable {
    public struct Failure: Error, Sendable {
        public var flag: String
        public var message: String
    }

    /// The words as docker receives them, after the shell has read the agent's command line.
    public var words: [String] = []
    /// The same words as the agent writes them (`shlex.quote`d; a variable as `KEY=VALUE`
    /// quoted on each side).
    public var quoted: [String] = []
    /// Where each word came from (`Provenance` ranges).
    public var origins: [SourceRange] = []

    /// The one line the agent runs with `bash -c`.
    public var commandLine: String { quoted.joined(separator: " ").trimmingPythonWhitespace() }

    mutating func append(_ word: String, from origin: SourceRange = .made) {
        append(word, quoted: ShellQuote.quote(word), from: origin)
    }

    mutating func append(_ word: String, quoted text: String, from origin: SourceRange) {
        words.append(word)
        quoted.append(text)
        origins.append(origin)
    }

    /// - Parameters:
    ///   - environment: the W&B variables, in order.
    ///   - flags: the queue's docker flags in their order, keys as written (after macros).
    ///   - entryPoint: the job's entry point (the runner ignores `overrides.entry_point`).
    /// The agent's allow-list check of a local-container config, before anything is built
    /// (`validate_local_container_resource_args`): each flag, normalised, must be allowed, and
    /// its value a single string or number (a list of them for `e`, `env` and `ulimit`).
    public static func validate(_ flags: [Member]) -> Failure? {
        func safe(_ value: Value) -> Bool {
            switch value {
            case .string, .integer, .number: return true
            default: return false
            }
        }
        for flag in flags {
            let name = ResourceRules.normalizedDockerFlag(flag.key)
            guard ResourceRules.dockerFlags.contains(name) else {
                return Failure(flag: flag.key, message: "Unsupported resource_args.local-container option '\(name)'. Supported options are: "
                               + ResourceRules.dockerFlags.sorted().joined(separator: ", "))
            }
            if ["e", "env", "ulimit"].contains(name), case .array(let items) = flag.value.value {
                if items.isEmpty { return Failure(flag: flag.key, message: "resource_args.local-container option '\(name)' requires a value.") }
                if !items.allSatisfy({ safe($0.value) }) {
                    return Failure(flag: flag.key, message: "resource_args.local-container option '\(name)' only accepts string or numeric values.")
                }
                continue
            }
            if !safe(flag.value.value) {
                return Failure(flag: flag.key, message: "resource_args.local-container option '\(name)' must be a single string or numeric value.")
            }
        }
        return nil
    }

    ///   - origins: where the image, the entry point, the args and the variables came from.
    public static func build(environment: [(name: String, value: String)], flags: [Member], image: String,
                             entryPoint: [String], args: [String], origins: JobLaunch.Origins = .init()) -> Result<DockerCommand, Failure> {
        var command = DockerCommand()
        for word in ["docker", "run", "--rm"] { command.append(word) }
        for (name, value) in environment {
            command.append("-e")
            command.append(name + "=" + value, quoted: ShellQuote.quote(name) + "=" + ShellQuote.quote(value), from: origins.variable(name))
        }
        for flag in flags {
            // The raw key: `shm_size` stays `--shm_size` (see LC3701).
            let prefix = flag.key.count == 1 ? "-" : "--"
            let name = prefix + flag.key
            let quotedName = prefix + ShellQuote.quote(flag.key)
            func pair(_ value: Node) {
                command.append(name, quoted: quotedName, from: flag.keyRange)
                command.append(PythonText.str(value.value), from: value.range)
            }
            switch flag.value.value {
            case .array(let items):
                for item in items { pair(item) }
            case .bool(true):
                command.append(name, quoted: quotedName, from: flag.keyRange)
            case .object:
                return .failure(Failure(flag: flag.key, message: "Invalid docker argument '\(flag.key)': mapping values are not supported."))
            default:
                pair(flag.value)
            }
        }
        if let first = entryPoint.first {
            command.append("--entrypoint")
            command.append(first, from: origins.jobEntryPoint)
        }
        command.append(image, from: origins.image)
        for word in entryPoint.dropFirst() { command.append(word, from: origins.jobEntryPoint) }
        for word in args { command.append(word, from: origins.args) }
        return .success(command)
    }
}

/// The local-process runner's command line: every W&B variable as
/// `KEY=VALUE` (each side quoted), then the entry point and the override args, quoted.
public enum ProcessCommand {
    public static func commandLine(environment: [(name: String, value: String)], entryPoint: [String], args: [String]) -> String {
        var words = environment.map { ShellQuote.quote($0.name) + "=" + ShellQuote.quote($0.value) }
        words += (entryPoint + args).map(ShellQuote.quote)
        return words.joined(separator: " ")
    }
}
