import LaunchcCore

/// The command lines that run on every commit (`check`, `render`, `parse` with their usual
/// options) parsed without ArgumentParser, whose reflection over every command's options costs
/// several milliseconds at start-up, more than checking a file does.
///
/// The fast path only says yes when it is sure: any token it does not know (`--help`, a
/// misspelt option, `-qs`, a value that looks like an option, an option given twice) and any
/// settings that fail validation send the whole command line to ArgumentParser, which then
/// gives its usual help or error. `FastPathTests` holds the two parsers to the same settings.
enum FastPath {
    /// What a command line (without the program name) runs, or nil for ArgumentParser to parse.
    static func command(_ arguments: [String], environment: RunEnvironment = RunEnvironment()) -> FastRequest? {
        guard let name = arguments.first else { return nil }
        let rest = Array(arguments.dropFirst())
        switch name {
        case "check":
            guard let request = parse(rest, into: CheckRequest(), options: checkOptions, positional: { $0.paths.append($1); return true }),
                  request.problems().isEmpty else { return nil }
            return .check(request)
        case "render":
            guard let request = parse(rest, into: RenderRequest(), options: renderOptions, positional: one(\.queue)),
                  !request.queue.isEmpty, request.problems(environment: environment).isEmpty else { return nil }
            return .render(request)
        case "parse":
            guard let request = parse(rest, into: ParseRequest(), options: parseOptions, positional: one(\.file)), !request.file.isEmpty else { return nil }
            return .parse(request)
        default:
            return nil
        }
    }

    /// The one positional argument, into `path`: false for a second one (or an empty one).
    static func one<S>(_ path: WritableKeyPath<S, String>) -> (inout S, String) -> Bool {
        { settings, value in
            guard settings[keyPath: path].isEmpty, !value.isEmpty else { return false }
            settings[keyPath: path] = value
            return true
        }
    }

    /// One option: its spellings, whether it takes a value and may repeat, and what it sets
    /// (false: the value is not one the option takes).
    struct Option<Settings> {
        var names: [String]
        var takesValue: Bool
        var repeats = false
        /// Whether the value may start with '-' (`--args "--lr 0.1"`), as ArgumentParser's `.unconditional`.
        var takesDashValues = false
        var apply: (inout Settings, String) -> Bool
    }

    /// Parses the tokens after the command name; nil when any of them is not understood.
    static func parse<Settings>(_ tokens: [String], into initial: Settings, options: [Option<Settings>],
                                positional: (inout Settings, String) -> Bool) -> Settings? {
        var settings = initial
        var seen = Set<String>()
        var index = 0
        var onlyPositionals = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if onlyPositionals || token == "-" || !token.hasPrefix("-") {
                guard positional(&settings, token) else { return nil }
                continue
            }
            if token == "--" { onlyPositionals = true; continue }
            var name = token
            var inline: String?
            if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                inline = String(token[token.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.names.contains(name) }) else { return nil }
            let key = option.names[0]
            guard option.repeats || seen.insert(key).inserted else { return nil }
            if option.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index < tokens.count, option.takesDashValues || !tokens[index].hasPrefix("-") || tokens[index] == "-" else { return nil }
                    value = tokens[index]
                    index += 1
                }
                guard option.apply(&settings, value) else { return nil }
            } else {
                guard inline == nil, option.apply(&settings, "") else { return nil }
            }
        }
        return settings
    }

    static func value<S>(_ names: String..., repeats: Bool = false, apply: @escaping (inout S, String) -> Bool) -> Option<S> {
        Option(names: names, takesValue: true, repeats: repeats, apply: apply)
    }

    /// An option whose value is set as it is, appended (repeatable), or read as an enum.
    static func text<S>(_ name: String, _ path: WritableKeyPath<S, String?>) -> Option<S> { value(name) { $0[keyPath: path] = $1; return true } }
    static func text<S>(_ name: String, _ path: WritableKeyPath<S, String>) -> Option<S> { value(name) { $0[keyPath: path] = $1; return true } }
    static func words<S>(_ name: String, _ path: WritableKeyPath<S, String?>) -> Option<S> { var o = text(name, path); o.takesDashValues = true; return o }
    static func list<S>(_ name: String, _ path: WritableKeyPath<S, [String]>) -> Option<S> {
        value(name, repeats: true) { $0[keyPath: path].append($1); return true }
    }
    static func choice<S, E: RawRepresentable<String>>(_ name: String, _ path: WritableKeyPath<S, E?>) -> Option<S> {
        value(name) { $0[keyPath: path] = E(rawValue: $1); return $0[keyPath: path] != nil }
    }

    static func flag<S>(_ names: String..., apply: @escaping (inout S) -> Void) -> Option<S> {
        Option(names: names, takesValue: false, apply: { settings, _ in apply(&settings); return true })
    }

    static func common<S>(_ path: WritableKeyPath<S, InputOptions>) -> [Option<S>] {
        [
            value("--color") { s, v in
                guard let mode = ColorMode(rawValue: v) else { return false }
                s[keyPath: path].color = mode
                return true
            },
            value("--stdin-name") { s, v in s[keyPath: path].stdinName = v; return true },
            value("--max-file-size") { s, v in
                guard let size = FileSize(argument: v) else { return false }
                // As for ArgumentParser (LimitSetting.limits), a --limit file-size wins wherever it is.
                if s[keyPath: path].limits.maxFileBytes == Limits.default.maxFileBytes { s[keyPath: path].limits.maxFileBytes = size.bytes }
                return true
            },
            value("--limit", repeats: true) { s, v in LimitSetting(argument: v).map { s[keyPath: path].limits.set($0.name, to: $0.value) } ?? false },
        ]
    }

    static var checkOptions: [Option<CheckRequest>] {
        [
            value("--format", repeats: true) { s, v in
                guard let format = ReportFormat(rawValue: v) else { return false }
                s.destinations.append(ReportDestination(format: format))
                return true
            },
            value("--output", repeats: true) { s, v in
                // An --output belongs to the --format just before it.
                guard let last = s.destinations.indices.last, s.destinations[last].output == nil else { return false }
                s.destinations[last].output = v
                return true
            },
            flag("--strict") { $0.strict = true }, flag("--no-strict") { $0.strict = false }, flag("--require-kind") { $0.requireKind = true },
            value("--jobs") { s, v in s.jobs = Int(v); return s.jobs != nil },
            text("--config", \.config), flag("--no-config") { $0.noConfig = true }, flag("--quiet", "-q") { $0.quiet = true },
            list("--schema", \.schemas), choice("--kind", \.kind),
            value("--resource") { s, v in s.resource = LaunchResource(name: v); return s.resource != nil },
        ] + common(\.input)
    }

    static var renderOptions: [Option<RenderRequest>] {
        [
            text("--spec", \.spec), list("--set", \.settings), choice("--kind", \.kind),
            value("--resource") { s, v in s.resource = LaunchResource(name: v); return s.resource != nil },
            text("--run-id", \.runID), text("--project", \.project), text("--entity", \.entity), text("--run-name", \.runName),
            text("--author", \.author), text("--image-uri", \.imageURI), words("--entry-point", \.entryPoint), words("--args", \.args),
            text("--queue", \.queueName), text("--queue-entity", \.queueEntity), text("--run-queue-item-id", \.runQueueItemID),
            list("--macro", \.macros), text("--aws-account", \.awsAccount), text("--aws-partition", \.awsPartition),
            text("--gcp-project", \.gcpProject), text("--gcp-region", \.gcpRegion), choice("--format", \.format),
            value("--output", "-o") { s, v in s.output = v; return true },
            flag("--show-secrets") { $0.showSecrets = true }, flag("--compact") { $0.compact = true },
            flag("--explain") { $0.explain = true }, flag("--agent-input") { $0.agentInput = true },
        ] + common(\.input)
    }

    static var parseOptions: [Option<ParseRequest>] {
        [flag("--all-documents") { $0.allDocuments = true }, flag("--compact") { $0.compact = true }] + common(\.input)
    }
}

/// A request the fast path parsed, ready to run.
enum FastRequest: Equatable, PipelineCommand {
    case check(CheckRequest)
    case render(RenderRequest)
    case parse(ParseRequest)

    func outcome(environment: RunEnvironment) -> Outcome {
        switch self {
        case .check(let request): return CheckPipeline.run(request, environment: environment)
        case .render(let request): return RenderPipeline.run(request, environment: environment)
        case .parse(let request): return ParsePipeline.run(request, environment: environment)
        }
    }

    var color: ColorMode {
        switch self {
        case .check(let request): return request.input.color
        case .render(let request): return request.input.color
        case .parse(let request): return request.input.color
        }
    }
}
