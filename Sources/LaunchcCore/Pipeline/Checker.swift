#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// An input named on the command line, or found by walking a directory.
public enum Input: Sendable, Equatable {
    case file(String)
    case standardInput(name: String)
    /// A document already in memory (an editor's buffer), under its path.
    case memory(SourceFile)
    /// A path that does not exist or cannot be listed.
    case missing(String, reason: String)

    public static func == (lhs: Input, rhs: Input) -> Bool {
        switch (lhs, rhs) {
        case let (.file(a), .file(b)): return a == b
        case let (.standardInput(a), .standardInput(b)): return a == b
        case let (.memory(a), .memory(b)): return a.path == b.path && a.bytes == b.bytes
        case let (.missing(a, x), .missing(b, y)): return a == b && x == y
        default: return false
        }
    }
}

/// What a check applies beyond syntax.
public struct CheckOptions: Sendable {
    public var limits: Limits
    /// Users' own schemas (`--schema`), applied to every document.
    public var schemas: [UserSchema]
    /// The kind and resource given on the command line or by the project config, if any.
    public var classifier: Classifier
    /// Codes the project config ignores in this file, with the reason it gives ("" for none).
    public var ignoredCodes: [String: String] = [:]
    /// The project config's `strict`, if it sets one.
    public var strict: Bool?

    public init(limits: Limits = .default, schemas: [UserSchema] = [], classifier: Classifier = Classifier()) {
        self.limits = limits
        self.schemas = schemas
        self.classifier = classifier
    }
}

/// read → parse → validate (→ classify, in a later stage) for one input.
public enum Checker {
    public static func check(_ input: Input, options: CheckOptions = CheckOptions()) -> FileReport {
        switch read(input, limits: options.limits) {
        case .failure(let report):
            return report
        case .success(let file):
            return check(file, options: options)
        }
    }

    /// Checks a file already in memory: parse, classify, then each document against its kind's
    /// schema and the user's schemas.
    public static func check(_ file: SourceFile, options: CheckOptions = CheckOptions()) -> FileReport {
        check(file, parsed: DocumentParser.parse(file, limits: options.limits), options: options)
    }

    /// The same, for a file its caller has already parsed (with `options.limits`).
    public static func check(_ file: SourceFile, parsed: ParseResult, options: CheckOptions = CheckOptions()) -> FileReport {
        let (kinds, classifyProblems) = options.classifier.classify(parsed)
        let parsed = readAsConsumers(parsed, kinds: kinds)
        var diagnostics = parsed.diagnostics
        var invalidSchema = false
        diagnostics += classifyProblems
        // Schemas apply only to documents that parsed without errors.
        if !parsed.diagnostics.contains(where: { $0.severity == .error }) {
            let validators = options.schemas.map { $0.validator() }
            for (document, kind) in zip(parsed.documents, kinds) {
                if let kind { diagnostics += validate(document.root, as: kind, file: file, limits: options.limits) }
                for (schema, validator) in zip(options.schemas, validators) {
                    let found = schema.check(document, in: file, with: validator)
                    if found.contains(where: { $0.id == .schemaCycle }) { invalidSchema = true }
                    diagnostics += found
                }
            }
        }
        // Text only: not in a file that is binary, not UTF-8 or not decodable.
        if !parsed.diagnostics.contains(where: { $0.code == "LC1003" || $0.code == "LC1004" || $0.code == "LC1005" }) {
            diagnostics += BidiControls.find(in: file)
        }
        let secrets = Secrets.find(in: parsed, file: file)
        diagnostics += Secrets.diagnostics(for: secrets, in: file)
        // Inline suppressions first (so that one the config makes redundant is still used), then the config's ignore list.
        var suppressed: [SuppressedFinding]
        (diagnostics, suppressed) = Suppressions.apply(DiagnosticCollector.sorted(diagnostics), to: parsed)
        if !options.ignoredCodes.isEmpty {
            for d in diagnostics {
                guard let reason = options.ignoredCodes[d.code] else { continue }
                suppressed.append(SuppressedFinding(diagnostic: d, kind: .external, justification: reason.isEmpty ? nil : reason))
            }
            diagnostics.removeAll { options.ignoredCodes[$0.code] != nil }
        }
        if !secrets.isEmpty {
            // Nothing printed about this file shows a secret: excerpts come from a masked copy.
            let (_, redact) = Secrets.mask(secrets, in: file)
            diagnostics = diagnostics.map(redact)
            suppressed = suppressed.map { var s = $0; s.diagnostic = redact(s.diagnostic); return s }
        }
        var report = FileReport(path: file.path, diagnostics: diagnostics, format: parsed.format, kinds: kinds)
        report.strict = options.strict
        report.suppressed = suppressed
        report.invalidSchema = invalidSchema
        return report
    }

    /// Each document as the program that consumes it reads it: an agent config's plain values as
    /// PyYAML types them (see `PyYAMLReading`), with the findings saying so. Other kinds keep YAML 1.2.
    static func readAsConsumers(_ parsed: ParseResult, kinds: [Classification?]) -> ParseResult {
        guard parsed.format == .yaml, kinds.contains(where: { $0?.kind == .agent }),
              parsed.diagnostics.contains(where: { $0.id == .yaml11Ambiguity }) else { return parsed }
        var result = parsed
        let values = PyYAMLReading.values(for: parsed.diagnostics, in: parsed.file)
        var agentStarts: [(start: Int, end: Int)] = []
        for (i, kind) in kinds.enumerated() where kind?.kind == .agent && i < parsed.documents.count {
            result.documents[i].root = PyYAMLReading.retype(parsed.documents[i].root, with: values)
            let end = i + 1 < parsed.documents.count ? parsed.documents[i + 1].start : Int.max
            agentStarts.append((parsed.documents[i].start, end))
        }
        result.diagnostics = parsed.diagnostics.map { d in
            guard d.id == .yaml11Ambiguity, let at = d.span.range?.start, agentStarts.contains(where: { $0.start <= at && at < $0.end }) else { return d }
            return PyYAMLReading.agentFinding(d, file: parsed.file)
        }
        return result
    }

    /// validate: one document against its kind's schema, then the rules that go with the kind.
    static func validate(_ root: Node, as kind: Classification, file: SourceFile, limits: Limits = .default) -> [Diagnostic] {
        let found = validateKind(root, as: kind, file: file, limits: limits)
        switch kind.kind {
        case .agent, .queue, .queueConfig, .launchSpec, .resourceArgs: return Placeholders.check(root, file: file, schemaFindings: found)
        case .launchcConfig, .data: return found
        }
    }

    static func validateKind(_ root: Node, as kind: Classification, file: SourceFile, limits: Limits) -> [Diagnostic] {
        let launch = LaunchSchemas.shared
        if kind.kind == .resourceArgs, case .object(let entries) = root.value {
            return resourceArgs(entries, at: .root, file: file, launch: launch, limits: limits)
        }
        guard let schema = launch.schema(for: kind) else { return [] }
        let validator = SchemaValidator(schema.set, limits: limits, defersPlaceholders: true)
        let failures = validator.validate(root, against: schema.root)
        let found = SchemaDiagnostics(set: schema.set, file: file, root: root).diagnose(failures, stopped: validator.stopped)
        switch kind.kind {
        case .agent:
            // A job-time error replaces the warning given at the same place ("not read", "not recognised").
            let jobFindings = AgentJobRules.check(root, file: file)
            let replaced = Set(jobFindings.compactMap { $0.span.range?.start })
            let superseded: Set = [DiagnosticID.agentIgnoredRegistryKey.code, DiagnosticID.registryUnrecognized.code]
            return (found + AgentRules.check(root, file: file)).filter { d in
                !(superseded.contains(d.code) && d.span.range.map { replaced.contains($0.start) } == true)
            } + jobFindings
        case .queue:
            // The config is checked filled with its template variables, once the definition is sound.
            return failures.isEmpty && validator.stopped == nil ? found + QueueChecks.check(root, file: file, launch: launch, limits: limits) : found
        case .queueConfig:
            guard let resource = kind.resource else { return found }
            var rules = ResourceRules.apply(resource, to: root, file: file, pointer: .root, schemaFindings: found)
            if resource == .gcpVertex { rules += ResourceRules.nestedCamelCase(root, found: rules, schema: schema, file: file, limits: limits) }
            return rules + MacroRules.check(root, at: .root, schema: schema, file: file, limits: limits, reported: rules)
        case .launchSpec:
            guard case .object(let entries)? = root["resource_args"]?.value else { return found }
            return found + resourceArgs(entries, at: JSONPointer(tokens: ["resource_args"]), file: file, launch: launch, limits: limits)
        case .launchcConfig:
            return found + ProjectConfig.rules(root, file: file)
        case .data, .resourceArgs:
            return found
        }
    }

    /// Reads an input, or says why it could not be read as a report of its own.
    public static func read(_ input: Input, limits: Limits = .default) -> Result<SourceFile, FileReport> {
        let read: Result<SourceFile, ReadFailure>
        switch input {
        case .file(let path): read = InputReader.read(path: path, limits: limits)
        case .standardInput(let name): read = InputReader.readStandardInput(name: name, limits: limits)
        case .memory(let file): read = InputReader.check(file, limits: limits)
        case .missing(let path, let reason):
            read = .failure(ReadFailure(path: path, id: .unreadableFile, message: "cannot read '\(path)': \(reason)"))
        }
        return read.mapError { failure in
            let file = SourceFile(path: failure.path, bytes: [])
            let diagnostic = Diagnostic(failure.id, failure.message, at: SourceSpan(file: file, range: nil))
            return FileReport(path: failure.path, diagnostics: [diagnostic], unreadable: failure.id == .unreadableFile)
        }
    }

    /// Resource args (a launch spec's `resource_args`, at `pointer`, or the wrapped form on its
    /// own): each `<resource>` against its resource's schema, as a partial config.
    static func resourceArgs(_ entries: [Member], at pointer: JSONPointer, file: SourceFile, launch: LaunchSchemas, limits: Limits = .default) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for entry in entries {
            guard let resource = LaunchResource(name: entry.key), let schema = launch.schema(for: resource) else { continue }
            let prefix = pointer.appending(entry.key)
            // Deep-merged over the queue's config: what is missing here comes from there.
            let validator = SchemaValidator(schema.set, limits: limits, defersPlaceholders: true, ignoresRequired: true)
            let failures = validator.validate(entry.value, against: schema.root)
            let found = SchemaDiagnostics(set: schema.set, file: file, root: entry.value, prefix: prefix).diagnose(failures, stopped: validator.stopped)
            out += ResourceRules.apply(resource, to: entry.value, file: file, pointer: prefix, schemaFindings: found)
        }
        return out
    }

    /// The files to check for the paths given: files as named (whatever their extension),
    /// directories walked for `*.yaml`, `*.yml` and `*.json` in name order, skipping hidden
    /// entries, anything a `.gitignore` (or `.git/info/exclude`) of the enclosing git work tree
    /// ignores, and any directory already visited through a link. `-` is standard input.
    public static func inputs(for paths: [String], stdinName: String = "<stdin>") -> [Input] {
        var result: [Input] = []
        var visited = Set<DirectoryID>()
        for path in paths {
            if path == "-" {
                result.append(.standardInput(name: stdinName))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.append(.missing(path, reason: String(cString: strerror(errno)).lowercased()))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let absolute = FileSystem.absolute(path)
                walk(directory: path, absolute: absolute, ignores: IgnoreStack.enclosing(absolute), into: &result, visited: &visited)
            } else {
                result.append(.file(path))
            }
        }
        return result
    }

    struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    static let extensions = [".yaml", ".yml", ".json"]

    /// `ignores` is nil outside a git work tree, where `.gitignore` files mean nothing.
    private static func walk(directory: String, absolute: String, ignores: IgnoreStack?, into result: inout [Input], visited: inout Set<DirectoryID>) {
        var info = stat()
        guard stat(directory, &info) == 0 else { return }
        guard visited.insert(DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        guard let dir = opendir(directory) else {
            result.append(.missing(directory, reason: String(cString: strerror(errno)).lowercased()))
            return
        }
        var names: [String] = []
        var hasIgnoreFile = false
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == ".gitignore" { hasIgnoreFile = true }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        var ignores = ignores
        if hasIgnoreFile, ignores != nil, let file = IgnoreFile.load(FileSystem.join(directory, ".gitignore"), base: absolute) {
            ignores?.files.append(file)
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in FileSystem.sortedByBytes(names) {
            let path = prefix + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else { continue }
            let isDirectory = (entryInfo.st_mode & S_IFMT) == S_IFDIR
            let entryAbsolute = FileSystem.join(absolute, name)
            if let ignores, ignores.ignores(entryAbsolute, isDirectory: isDirectory) { continue }
            if isDirectory {
                walk(directory: path, absolute: entryAbsolute, ignores: ignores, into: &result, visited: &visited)
            } else if extensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                result.append(.file(path))
            }
        }
    }
}

