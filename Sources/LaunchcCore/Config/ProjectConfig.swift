/// `.launchc.yaml`: a repository's own settings for `check` (schema: schemas/launchc-config.json).
///
/// ```yaml
/// strict: true
/// files:
///   queues/sagemaker/*.yaml: {kind: queue-config, resource: sagemaker}
///   agents/*.yaml: {kind: agent}
/// ignore:
///   - code: LC1209
///     files: legacy/**
///     reason: only YAML 1.2 tools read these
/// ```
///
/// It is found upward from each checked file, up to the top of the git work tree, and is
/// itself checked like any other document; one with errors is reported and not applied.
public struct ProjectConfig: Sendable {
    /// The path it is reported under.
    public let path: String
    /// The absolute folder its globs are relative to.
    public let directory: String
    /// What checking the file found.
    public internal(set) var report: FileReport
    public internal(set) var strict: Bool?
    /// `require-kind`: the globs of the files where an unrecognised document is an error
    /// (`**` for `true`).
    var requireKind: [Glob] = []
    /// The file as read (nil when it could not be).
    var file: SourceFile?
    var rules: [FileRule] = []
    var ignores: [Ignore] = []

    struct FileRule: Sendable {
        var glob: Glob
        var kind: DocumentKind?
        var resource: LaunchResource?
        /// The glob's key, for notes about it.
        var keyRange: SourceRange
    }

    struct Ignore: Sendable {
        var codes: Set<String>
        var reason: String
        /// Empty: every file.
        var globs: [Glob]
    }

    /// Whether it applies: it could be read and has no errors.
    public var isUsable: Bool {
        !report.unreadable && !report.diagnostics.contains { $0.severity == .error }
    }

    /// Reads and checks the config at `path` (as the user would name it) whose absolute path is
    /// `absolute`; its globs are relative to `directory` (by default, the config's own folder).
    public static func load(path: String, absolute: String, directory: String? = nil, limits: Limits = .default) -> ProjectConfig {
        let directory = directory ?? FileSystem.parent(of: absolute) ?? "/"
        let options = CheckOptions(limits: limits, classifier: Classifier(kind: .launchcConfig))
        guard case .success(let file) = Checker.read(.file(path), limits: limits) else {
            let report = Checker.check(.file(path), options: options)
            return ProjectConfig(path: path, directory: directory, report: report)
        }
        let parsed = DocumentParser.parse(file, limits: limits)
        var config = ProjectConfig(path: path, directory: directory, report: Checker.check(file, parsed: parsed, options: options), file: file)
        guard config.isUsable, let root = parsed.documents.first?.root else { return config }
        if case .bool(let strict)? = root["strict"]?.value { config.strict = strict }
        switch root["require-kind"]?.value {
        case .bool(true)?: config.requireKind = [Glob("**")]
        default: config.requireKind = strings(root["require-kind"]).map(Glob.init)
        }
        if case .object(let members)? = root["files"]?.value {
            for member in members {
                config.rules.append(FileRule(
                    glob: Glob(member.key),
                    kind: member.value["kind"].flatMap { if case .string(let s) = $0.value { DocumentKind(rawValue: s) } else { nil } },
                    resource: member.value["resource"].flatMap { if case .string(let s) = $0.value { LaunchResource(name: s) } else { nil } },
                    keyRange: member.keyRange))
            }
        }
        if case .array(let entries)? = root["ignore"]?.value {
            for entry in entries {
                let codes = strings(entry["code"]).compactMap { DiagnosticID.lookup($0)?.code }
                let reason = strings(entry["reason"]).first ?? ""
                config.ignores.append(Ignore(codes: Set(codes), reason: reason, globs: strings(entry["files"]).map(Glob.init)))
            }
        }
        return config
    }

    /// A string or a list of strings.
    private static func strings(_ node: Node?) -> [String] {
        switch node?.value {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.compactMap { if case .string(let s) = $0.value { s } else { nil } }
        default: return []
        }
    }

    /// The rules beyond the schema: codes that launchc does not have.
    static func rules(_ root: Node, file: SourceFile) -> [Diagnostic] {
        guard case .array(let entries)? = root["ignore"]?.value else { return [] }
        var out: [Diagnostic] = []
        for entry in entries {
            guard let code = entry["code"] else { continue }
            let nodes: [Node]
            switch code.value {
            case .array(let items): nodes = items
            default: nodes = [code]
            }
            for node in nodes {
                guard case .string(let name) = node.value, DiagnosticID.lookup(name) == nil else { continue }
                out.append(Diagnostic(.configUnknownCode, "'\(name)' is not a launchc code, so this entry ignores nothing",
                                      at: SourceSpan(file: file, range: node.range),
                                      fixIts: [FixIt("'launchc explain' lists the codes")]))
            }
        }
        return out
    }

    /// A checked file's path relative to the config's folder (nil when outside it).
    func relativePath(_ absolute: String) -> String? { FileSystem.relative(absolute, to: directory) }

    /// The first `files` rule matching the path, and its index.
    func rule(for relative: String) -> (index: Int, rule: FileRule)? {
        for (index, rule) in rules.enumerated() where rule.glob.matchesFileOrFolder(relative) { return (index, rule) }
        return nil
    }

    /// What the config says about one checked file: its layout and the codes ignored in it.
    /// Entries without `files` apply to every file, inside the config's folder or not.
    public func settings(for absolute: String) -> (layout: Classifier.Layout?, ignored: [String: String], rule: Int?) {
        guard isUsable else { return (nil, [:], nil) }
        let relative = relativePath(absolute)
        var ignored: [String: String] = [:]
        for entry in ignores where entry.globs.isEmpty || relative.map({ path in entry.globs.contains { $0.matchesFileOrFolder(path) } }) == true {
            for code in entry.codes where ignored[code] == nil { ignored[code] = entry.reason }
        }
        guard let relative, let (index, rule) = rule(for: relative) else { return (nil, ignored, nil) }
        let layout = Classifier.Layout(kind: rule.kind, resource: rule.resource, origin: "the glob '\(rule.glob)' of \(path)")
        return (layout, ignored, index)
    }

    /// Whether `require-kind` covers the file: an unrecognised document in it is an error.
    public func requiresKind(_ absolute: String) -> Bool {
        guard isUsable, !requireKind.isEmpty, let relative = relativePath(absolute) else { return false }
        return requireKind.contains { $0.matchesFileOrFolder(relative) }
    }

    /// Notes for the `files` globs that matched none of the files a run checked (given by rule index).
    public mutating func noteUnmatched(_ matched: Set<Int>) {
        guard isUsable, let file else { return }
        for (index, rule) in rules.enumerated() where !matched.contains(index) {
            report.diagnostics.append(Diagnostic(.configUnmatchedGlob, "the glob '\(rule.glob)' matches none of the files checked",
                                                 at: SourceSpan(file: file, range: rule.keyRange)))
        }
        report.diagnostics = DiagnosticCollector.sorted(report.diagnostics)
    }

    /// Finds the config of each checked file: the nearest `.launchc.yaml` (or `.launchc.yml`) in
    /// the file's folder or above it, up to the top of the git work tree. Each folder is looked
    /// at once, each config loaded once.
    public struct Finder {
        public private(set) var configs: [ProjectConfig] = []
        private var byFolder: [String: Int?] = [:]
        private let limits: Limits
        private let currentDirectory = FileSystem.currentDirectory()

        public init(limits: Limits = .default) { self.limits = limits }

        /// A config named on the command line (`--config`), for every file; its globs are
        /// relative to the current folder, where it was named from.
        public mutating func use(_ path: String) -> Int {
            configs.append(ProjectConfig.load(path: path, absolute: FileSystem.absolute(path, from: currentDirectory),
                                              directory: currentDirectory, limits: limits))
            return configs.count - 1
        }

        /// The absolute path of an input.
        public func absolute(_ path: String) -> String { FileSystem.absolute(path, from: currentDirectory) }

        /// The index in `configs` of the config for a file (absolute path), if any.
        public mutating func config(forFile absolute: String) -> Int? {
            guard let folder = FileSystem.parent(of: absolute) else { return nil }
            return config(forFolder: folder)
        }

        public mutating func config(forFolder folder: String) -> Int? {
            if let known = byFolder[folder] { return known }
            var found: Int?
            if let name = Classifier.projectConfigNames.first(where: { FileSystem.exists(FileSystem.join(folder, $0)) }) {
                let absolute = FileSystem.join(folder, name)
                let shown = FileSystem.relative(absolute, to: currentDirectory) ?? absolute
                configs.append(ProjectConfig.load(path: shown, absolute: absolute, limits: limits))
                found = configs.count - 1
            } else if !FileSystem.exists(FileSystem.join(folder, ".git")), let parent = FileSystem.parent(of: folder) {
                found = config(forFolder: parent)
            }
            byFolder[folder] = .some(found)
            return found
        }
    }
}
