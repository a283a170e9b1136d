/// classify: what each document is, first match wins: command-line flags; a
/// `# launchc: kind=… resource=…` modeline; the file's name, for `.launchc.yaml`; a `files` glob
/// of the project config; a `# yaml-language-server: $schema=…` modeline or a `$schema` key
/// naming one of launchc's schemas; then the document's keys. When the keys fit more than one
/// kind, launchc says so rather than guessing.
public struct Classifier: Sendable {
    public var kind: DocumentKind?
    public var resource: LaunchResource?
    /// Whether `resource` without `kind` says the document is a queue config of that resource
    /// (`check` and `render`), rather than only completing a kind found otherwise (`policy`,
    /// where queue definitions and bare configs come together).
    public var resourceMeansQueueConfig = false
    /// The severity of the finding (LC1404) on a document of no kind launchc knows: a note, an
    /// error (`--require-kind`), or none (only syntax was asked for, or users' schemas apply).
    public var unrecognised: Severity?
    /// What the project config's `files` says the file is, and which glob said so.
    public var layout: Layout?

    public struct Layout: Sendable {
        public var kind: DocumentKind?
        public var resource: LaunchResource?
        /// "the glob 'queues/*.yaml' of .launchc.yaml"
        public var origin: String

        public init(kind: DocumentKind?, resource: LaunchResource?, origin: String) {
            self.kind = kind
            self.resource = resource
            self.origin = origin
        }
    }

    public init(kind: DocumentKind? = nil, resource: LaunchResource? = nil, layout: Layout? = nil, resourceMeansQueueConfig: Bool = false) {
        self.kind = kind
        self.resource = resource
        self.layout = layout
        self.resourceMeansQueueConfig = resourceMeansQueueConfig
    }

    /// The names launchc's project config goes by.
    public static let projectConfigNames = [".launchc.yaml", ".launchc.yml"]

    static func isProjectConfig(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return projectConfigNames.contains(name)
    }

    /// Settings a file gives about itself in comments.
    struct Modeline {
        var kind: DocumentKind?
        var resource: LaunchResource?
        var schema: String?
        var line: Int = 0
        var diagnostics: [Diagnostic] = []
    }

    /// Classifies every document of a parsed file.
    public func classify(_ parsed: ParseResult) -> (classifications: [Classification?], diagnostics: [Diagnostic]) {
        let modeline = parsed.format == .yaml ? Self.modeline(parsed.file) : Modeline()
        var diagnostics = modeline.diagnostics
        var result: [Classification?] = []
        // A file that did not parse has its verdict already, its syntax errors: no LC1404 for it.
        var classifier = self
        if parsed.diagnostics.contains(where: { $0.severity == .error }) { classifier.unrecognised = nil }
        for document in parsed.documents {
            let (classification, problems) = classifier.classify(document, file: parsed.file, modeline: modeline)
            result.append(classification)
            diagnostics += problems
        }
        return (result, diagnostics)
    }

    func classify(_ document: ParsedDocument, file: SourceFile, modeline: Modeline) -> (Classification?, [Diagnostic]) {
        let root = document.root
        var classification: Classification?
        if let kind {
            classification = Classification(kind: kind, resource: resource, origin: "the --kind flag")
        } else if resourceMeansQueueConfig, let resource {
            // The wrapped form names its resource itself; a bare config never has such a key.
            let wrapped = Self.isResourceArgs(root)
            classification = Classification(kind: wrapped ? .resourceArgs : .queueConfig, resource: resource, origin: wrapped ? "its keys" : "the --resource flag")
        } else if let kind = modeline.kind {
            classification = Classification(kind: kind, resource: modeline.resource, origin: "the modeline on line \(modeline.line)")
        } else if Self.isProjectConfig(file.path) {
            classification = Classification(kind: .launchcConfig, origin: "its name")
        } else if let layout, let kind = layout.kind {
            classification = Classification(kind: kind, resource: layout.resource, origin: layout.origin)
        } else if let schema = modeline.schema, let named = Self.kind(ofSchema: schema) {
            classification = Classification(kind: named.0, resource: named.1, origin: "its yaml-language-server modeline")
        } else if case .string(let schema)? = root["$schema"]?.value, let named = Self.kind(ofSchema: schema) {
            classification = Classification(kind: named.0, resource: named.1, origin: "its $schema")
        }
        if var known = classification {
            // A resource from a flag or modeline completes whatever said the kind.
            if known.resource == nil { known.resource = resource ?? modeline.resource ?? layout?.resource }
            if known.kind == .queueConfig && known.resource == nil { known.resource = Self.inferResource(root) }
            if known.kind == .queueConfig && known.resource == nil {
                return (known, [Diagnostic(
                    .classifyNoResource, "cannot tell which resource this queue config is for", at: Self.span(root, file),
                    fixIts: [FixIt("add '# launchc: resource=sagemaker' (or gcp-vertex, kubernetes, local-container, local-process) at the top, or pass --resource")])])
            }
            return (known, [])
        }
        let candidates = Self.infer(root)
        switch candidates.count {
        case 0:
            // An empty document, or a file that did not parse, has its verdict already.
            guard let unrecognised, root.value != .null else { return (nil, []) }
            return (nil, [Diagnostic(
                .classifyUnknown, severity: unrecognised, "not recognised as a W&B Launch document, so only its syntax was checked",
                at: Self.span(root, file),
                fixIts: [FixIt("say what it is: '# launchc: kind=queue-config resource=sagemaker' at the top, --kind/--resource, or a files glob in .launchc.yaml ('kind=data' if it is not a Launch document)")])])
        case 1:
            var inferred = candidates[0]
            if inferred.resource == nil { inferred.resource = resource ?? modeline.resource ?? layout?.resource }
            return (inferred, [])
        default:
            let names = candidates.map(\.kind.title)
            return (nil, [Diagnostic(
                .classifyAmbiguous, "cannot tell whether this document is \(names.dropLast().joined(separator: ", ")) or \(names.last!)",
                at: Self.span(root, file),
                fixIts: [FixIt("say which with a modeline, such as '# launchc: kind=\(candidates[0].kind.rawValue)', or pass --kind")])])
        }
    }

    /// Where a finding about a whole document goes: its first key, else its start.
    static func span(_ root: Node, _ file: SourceFile) -> SourceSpan {
        if case .object(let members) = root.value, let first = members.first { return SourceSpan(file: file, range: first.keyRange) }
        return SourceSpan(file: file, range: SourceRange(start: root.range.start, end: root.range.start))
    }

    // MARK: Modelines

    static func modeline(_ file: SourceFile) -> Modeline {
        var result = Modeline()
        // Only the comments that open the file matter: walk line by line and stop at the first
        // line of content, without a line table of the whole file.
        let bytes = file.bytes
        var lineStart = file.byteOrderMarkLength
        var index = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D { lineEnd += 1 }
            defer {
                var next = lineEnd
                if next < bytes.count && bytes[next] == 0x0D { next += 1 }
                if next < bytes.count && bytes[next] == 0x0A { next += 1 }
                lineStart = next == lineEnd ? bytes.count : next
                index += 1
            }
            let range = lineStart..<lineEnd
            let text = String(decoding: bytes[range], as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#") else {
                if trimmed.isEmpty || trimmed.hasPrefix("---") || trimmed.hasPrefix("%") { continue }
                break  // modelines belong to the comments that open the file
            }
            let comment = trimmed.dropFirst().drop { $0 == " " }
            if comment.hasPrefix("yaml-language-server:"), let equals = comment.firstRange(of: "$schema=") {
                result.schema = String(comment[equals.upperBound...]).trimmingSpaces()
            }
            guard comment.hasPrefix("launchc:") else { continue }
            // '# launchc: ignore[...]' is a suppression (Suppressions), not a modeline.
            if comment.dropFirst("launchc:".count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("ignore") { continue }
            result.line = index + 1
            var offset = range.lowerBound + text.utf8.count - comment.utf8.count + "launchc:".utf8.count
            for word in comment.dropFirst("launchc:".count).split(separator: " ", omittingEmptySubsequences: false) {
                defer { offset += word.utf8.count + 1 }
                guard !word.isEmpty else { continue }
                let span = SourceSpan(file: file, range: SourceRange(start: offset, end: offset + word.utf8.count))
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                switch (parts.first, parts.count == 2 ? parts[1] : nil) {
                case ("kind", let value?) where DocumentKind(rawValue: value) != nil:
                    result.kind = DocumentKind(rawValue: value)
                case ("resource", let value?) where LaunchResource(name: value) != nil:
                    result.resource = LaunchResource(name: value)
                case ("kind", _):
                    result.diagnostics.append(Diagnostic(.classifyModeline, "unknown kind in '\(word)'", at: span,
                        fixIts: [FixIt("use kind=" + DocumentKind.allCases.map(\.rawValue).joined(separator: ", kind="))]))
                case ("resource", _):
                    result.diagnostics.append(Diagnostic(.classifyModeline, "unknown resource in '\(word)'", at: span,
                        fixIts: [FixIt("use resource=" + LaunchResource.allCases.map(\.rawValue).joined(separator: ", resource="))]))
                default:
                    result.diagnostics.append(Diagnostic(.classifyModeline, "unknown setting '\(word)' in the launchc modeline", at: span,
                        fixIts: [FixIt("a modeline takes kind=… and resource=…")]))
                }
            }
        }
        return result
    }

    /// A schema reference that names one of launchc's schemas, by `$id`, name or file name.
    static func kind(ofSchema reference: String) -> (DocumentKind, LaunchResource?)? {
        let name = reference.split(separator: "/").last.map { String($0) } ?? reference
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        switch stem {
        case "agent": return (.agent, nil)
        case "queue": return (.queue, nil)
        case "launch-spec": return (.launchSpec, nil)
        case "resource-args": return (.resourceArgs, nil)
        case "launchc-config": return (.launchcConfig, nil)
        default:
            if let resource = LaunchResource(name: stem) { return (.queueConfig, resource) }
            return nil
        }
    }

    // MARK: Inference

    static let foldedAgentKeys = Set(agentKeys.map { SchemaDiagnostics.fold($0.string) })

    static let agentKeys: Set<ScalarKey> = [
        "queues", "entity", "max_jobs", "max_schedulers", "secure_mode", "verbosity", "stopped_run_timeout",
        "registry", "environment", "builder", "queue",
    ]
    static let agentSignals: Set<ScalarKey> = ["queues", "queue", "max_jobs", "max_schedulers", "builder", "registry", "environment", "secure_mode"]
    static let specSignals: Set<ScalarKey> = ["overrides", "resource_args", "job", "docker", "uri", "run_id"]
    static let sageMakerKeys: Set<ScalarKey> = [
        "RoleArn", "ResourceConfig", "AlgorithmSpecification", "OutputDataConfig", "StoppingCondition",
        "TrainingJobName", "HyperParameters", "InputDataConfig", "VpcConfig", "Environment",
    ]

    /// Every kind the keys suggest; more than one is ambiguous.
    static func infer(_ root: Node) -> [Classification] {
        guard case .object(let members) = root.value else { return [] }
        let keys = Set(members.map { ScalarKey($0.key) })
        var found: [Classification] = []
        if keys.contains("resource") && keys.contains("config") {
            let resource = root["resource"].flatMap { if case .string(let s) = $0.value { LaunchResource(name: s) } else { nil } }
            found.append(Classification(kind: .queue, resource: resource, origin: "its keys"))
        }
        // Typos must not hide a file from the checks that would catch them: agent keys count
        // up to case, '_' and '-', and two of them suffice.
        let agentSignal = !keys.isDisjoint(with: agentSignals)
        func agentLike() -> Int { keys.lazy.filter { Self.foldedAgentKeys.contains(SchemaDiagnostics.fold($0.string)) }.count }
        if !keys.contains("config") && !keys.contains("resource")
            && ((agentSignal && keys.isSubset(of: agentKeys)) || agentLike() >= 2) {
            found.append(Classification(kind: .agent, origin: "its keys"))
        }
        if !keys.isDisjoint(with: specSignals) && !keys.contains("config") {
            found.append(Classification(kind: .launchSpec, origin: "its keys"))
        }
        if let resource = inferResource(root) {
            found.append(Classification(kind: .queueConfig, resource: resource, origin: "its keys"))
        }
        if isResourceArgs(root) {
            found.append(Classification(kind: .resourceArgs, origin: "its keys"))
        }
        return found
    }

    /// Whether every key names a resource, each with a mapping: `{"kubernetes": {...}}`.
    static func isResourceArgs(_ root: Node) -> Bool {
        guard case .object(let members) = root.value, !members.isEmpty else { return false }
        return members.allSatisfy { member in
            guard LaunchResource(name: member.key) != nil else { return false }
            if case .object = member.value.value { return true }
            return member.value.value == .null
        }
    }

    /// The resource a bare queue config is for, from its shape.
    static func inferResource(_ root: Node) -> LaunchResource? {
        guard case .object(let members) = root.value else { return nil }
        let keys = Set(members.map { ScalarKey($0.key) })
        if !keys.isDisjoint(with: sageMakerKeys) { return .sagemaker }
        if root["spec"]?["worker_pool_specs"] != nil || root["spec"]?["workerPoolSpecs"] != nil { return .gcpVertex }
        if keys.contains("apiVersion") || root["spec"]?["template"] != nil { return .kubernetes }
        return nil
    }
}
