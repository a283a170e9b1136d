/// Agent rules for resource configs that schemas do not express well.
enum ResourceRules {
    /// A resource config's rule findings, merged with its schema's: a rule that explains a key
    /// better replaces the schema's generic finding for it.
    static func apply(_ resource: LaunchResource, to config: Node, file: SourceFile, pointer: JSONPointer,
                      schemaFindings: [Diagnostic]) -> [Diagnostic] {
        switch resource {
        case .localContainer:
            let (rules, keys) = localContainer(config, file: file, pointer: pointer)
            return schemaFindings.filter { !($0.code == "LC3702" && $0.span.range.map(keys.contains) == true) } + rules
        case .sagemaker:
            return schemaFindings + sageMaker(config, file: file, pointer: pointer)
        case .gcpVertex:
            let findings = schemaFindings.map(vertexCamelCase)
            // A required key written in camelCase is reported once, as camelCase.
            let camel = Set(findings.filter { $0.code == "LC3405" }.compactMap { d in
                d.pointer.map { JSONPointer(tokens: $0.tokens.dropLast() + [String(d.fixIts.first?.edits.first?.replacement.filter { $0 != "\"" && $0 != "'" } ?? "")]) }
            })
            return findings.filter { d in
                guard d.code == "LC3401" || d.code == "LC2002", let pointer = d.pointer else { return true }
                return !camel.contains { $0.tokens.dropLast() == pointer.tokens[...] && d.message.contains("spec.\($0.tokens.last!)") }
            } + VertexMachines.check(config, file: file, pointer: pointer)
        case .kubernetes:
            let rules = KubernetesRules.check(config, file: file, pointer: pointer)
            // What lies inside a refused key goes with it; its own problems are noise.
            let refused = rules.filter { $0.code == "LC3501" }.compactMap(\.pointer)
            let kept = schemaFindings.filter { finding in
                guard let at = finding.pointer else { return true }
                return !refused.contains { at.tokens.count > $0.tokens.count && Array(at.tokens.prefix($0.tokens.count)) == $0.tokens }
            }
            return kept + rules
        default:
            return schemaFindings
        }
    }

    /// What the SageMaker runner sends as written: the role and a user training image are read
    /// before macros are filled; and SageMaker pulls training images only from ECR.
    static func sageMaker(_ config: Node, file: SourceFile, pointer: JSONPointer) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for path in [["RoleArn"], ["role_arn"], ["AlgorithmSpecification", "TrainingImage"]] {
            guard let node = config.resolve(JSONPointer(tokens: path)), case .string(let text) = node.value else { continue }
            let name = path.joined(separator: ".")
            if text.hasBytes(0x24, 0x7B) {  // "${"
                out.append(Diagnostic(.sageMakerMacro, "\(name) '\(text)' holds a macro, but the agent reads \(name) before filling macros and sends it as written",
                                      at: SourceSpan(file: file, range: node.range), pointer: JSONPointer(tokens: pointer.tokens + path),
                                      fixIts: [FixIt(path.last == "TrainingImage"
                                                     ? "leave TrainingImage out to train on the image W&B builds or names, or write the image's full ECR URI"
                                                     : "write the role's ARN or name without macros")]))
            } else if path.last == "TrainingImage", case .unrecognized = AgentRules.classify(text), !text.contains(".dkr.ecr.") {
                out.append(Diagnostic(.sageMakerImage, "TrainingImage '\(text)' is not in ECR; SageMaker pulls training images only from Amazon ECR",
                                      at: SourceSpan(file: file, range: node.range), pointer: JSONPointer(tokens: pointer.tokens + path),
                                      fixIts: [FixIt("push the image to ECR and write <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>")]))
            }
        }
        out += spotWait(config, file: file, pointer: pointer)
        return out
    }

    /// CreateTrainingJob's rule for managed spot training: a MaxWaitTimeInSeconds, at least the
    /// MaxRuntimeInSeconds (the API's own default for that is one day). Values still holding a
    /// template variable or macro are decided when filled.
    static func spotWait(_ config: Node, file: SourceFile, pointer: JSONPointer) -> [Diagnostic] {
        guard let spot = config["EnableManagedSpotTraining"], spot.value == .bool(true) else { return [] }
        let at = { (path: [String]) in JSONPointer(tokens: pointer.tokens + path) }
        let runtime = config.resolve(JSONPointer(tokens: ["StoppingCondition", "MaxRuntimeInSeconds"]))
        guard let wait = config.resolve(JSONPointer(tokens: ["StoppingCondition", "MaxWaitTimeInSeconds"])) else {
            // A StoppingCondition that is not a mapping (a template variable) is decided when filled.
            if let stopping = config["StoppingCondition"] {
                guard case .object = stopping.value else { return [] }
            }
            var least = " (86400 when it is not set)"
            if case .integer(let seconds)? = runtime?.value { least = " (\(seconds))" }
            return [Diagnostic(.sageMakerSpotWait, "EnableManagedSpotTraining is true but StoppingCondition has no MaxWaitTimeInSeconds; AWS refuses the job",
                               at: SourceSpan(file: file, range: config.member("EnableManagedSpotTraining")?.keyRange ?? spot.range), pointer: at(["EnableManagedSpotTraining"]),
                               fixIts: [FixIt("add StoppingCondition.MaxWaitTimeInSeconds, at least MaxRuntimeInSeconds" + least)])]
        }
        guard case .integer(let waitSeconds) = wait.value else { return [] }
        let runtimeSeconds: Int64
        switch runtime?.value {
        case nil: runtimeSeconds = 86_400
        case .integer(let seconds)?: runtimeSeconds = seconds
        default: return []
        }
        guard waitSeconds < runtimeSeconds else { return [] }
        return [Diagnostic(.sageMakerSpotWait, "MaxWaitTimeInSeconds \(waitSeconds) is less than MaxRuntimeInSeconds \(runtimeSeconds); AWS refuses the job",
                           at: SourceSpan(file: file, range: wait.range), pointer: at(["StoppingCondition", "MaxWaitTimeInSeconds"]),
                           fixIts: [FixIt("make MaxWaitTimeInSeconds at least \(runtimeSeconds)")])]
    }

    /// The Vertex SDK builds its protos from snake_case field names and fails on camelCase ones
    /// (the spelling of Google's REST documentation): an unknown key whose snake_case form is a
    /// known one is that mistake, said plainly.
    static func vertexCamelCase(_ finding: Diagnostic) -> Diagnostic {
        guard finding.code == "LC2003" || finding.code == "LC3402", let key = finding.pointer?.tokens.last,
              key.contains(where: \.isUppercase), !key.contains("_"),
              let rename = finding.fixIts.first?.edits.first?.replacement else { return finding }
        let snake = String(rename.filter { $0 != "\"" && $0 != "'" })
        guard snake.contains("_") || snake == key.lowercased(), SchemaDiagnostics.fold(snake) == SchemaDiagnostics.fold(key) else { return finding }
        var d = finding
        d.id = .vertexCamelCase
        d.severity = DiagnosticID.vertexCamelCase.severity
        d.message = "key '\(key)' must be snake_case"
        d.fixIts = [FixIt("rename it to '\(snake)' (the Vertex SDK rejects camelCase keys)", edits: finding.fixIts[0].edits, safe: true)]
        return d
    }

    /// The camelCase keys inside camelCase keys (`workerPoolSpecs[0].machineSpec.machineType`):
    /// the config is checked again with each key reported so far renamed, until no new one
    /// appears, so that one pass reports them all, each at its own place in the file.
    static func nestedCamelCase(_ config: Node, found: [Diagnostic], schema: LaunchSchemas.Compiled, file: SourceFile, limits: Limits,
                                pointer: JSONPointer = .root) -> [Diagnostic] {
        var reported = Set(found.filter { $0.id == .vertexCamelCase }.compactMap { $0.span.range?.start })
        var renames: [Int: String] = [:]
        var latest = found
        var out: [Diagnostic] = []
        // Vertex's spec is a few levels deep; each pass renames one more level.
        for _ in 0..<8 {
            for d in latest where d.id == .vertexCamelCase {
                guard let start = d.span.range?.start, let edit = d.fixIts.first?.edits.first else { continue }
                renames[start] = String(edit.replacement.filter { $0 != "\"" && $0 != "'" })
            }
            guard !renames.isEmpty else { return out }
            let renamed = renamingKeys(config, renames)
            let validator = SchemaValidator(schema.set, limits: limits, defersPlaceholders: true)
            let failures = validator.validate(renamed, against: schema.root)
            let findings = SchemaDiagnostics(set: schema.set, file: file, root: renamed, prefix: pointer).diagnose(failures, stopped: validator.stopped)
            latest = apply(.gcpVertex, to: renamed, file: file, pointer: pointer, schemaFindings: findings)
                .filter { $0.id == .vertexCamelCase && $0.span.range.map { reported.insert($0.start).inserted } == true }
            if latest.isEmpty { return out }
            out += latest
        }
        return out
    }

    /// The tree with the keys that start at the given offsets renamed (ranges kept).
    static func renamingKeys(_ node: Node, _ renames: [Int: String]) -> Node {
        switch node.value {
        case .object(let members):
            return Node(.object(members.map { m in
                Member(key: renames[m.keyRange.start] ?? m.key, keyRange: m.keyRange, value: renamingKeys(m.value, renames))
            }), range: node.range)
        case .array(let items):
            return Node(.array(items.map { renamingKeys($0, renames) }), range: node.range)
        default:
            return node
        }
    }

    /// The docker flags the agent allows (wandb 0.31.0, `_DOCKER_ALLOWED_RESOURCE_ARGS`).
    static let dockerFlags: Set<String> = [
        "command", "cpu", "cpu-period", "cpu-quota", "cpu-shares", "cpus", "cpuset-cpus", "cpuset-mems", "e", "env",
        "gpus", "m", "memory", "memory-reservation", "memory-swap", "name", "pids-limit", "platform", "shm-size",
        "ulimit", "w", "workdir",
    ]

    /// The agent checks a normalised key (trimmed, leading dashes dropped, `_` as `-`, lower
    /// case) but emits the key as written: `shm_size` passes and becomes `--shm_size`.
    static func normalizedDockerFlag(_ key: String) -> String {
        var k = key.trimmingSpaces()
        while k.hasPrefix("-") { k.removeFirst() }
        return String(k.map { $0 == "_" ? "-" : $0 }).lowercased()
    }

    /// Findings for a local-container config at `pointer`: flags the agent accepts but emits in
    /// a spelling docker rejects. Returns the keys reported, so that the schema's generic
    /// "not allowed" finding is not repeated for them.
    static func localContainer(_ config: Node, file: SourceFile, pointer: JSONPointer) -> (diagnostics: [Diagnostic], keys: Set<SourceRange>) {
        guard case .object(let members) = config.value else { return ([], []) }
        var out: [Diagnostic] = []
        var reported = Set<SourceRange>()
        for member in members where !dockerFlags.containsExactly(member.key) {
            let flag = normalizedDockerFlag(member.key)
            guard dockerFlags.containsExactly(flag) else { continue }
            let emitted = (member.key.count == 1 ? "-" : "--") + member.key
            reported.insert(member.keyRange)
            out.append(Diagnostic(
                .dockerRawFlag, "'\(member.key)' passes the agent's check as '\(flag)' but is emitted as '\(emitted)', which docker rejects",
                at: SourceSpan(file: file, range: member.keyRange), pointer: pointer.appending(member.key),
                fixIts: [FixIt("write '\(flag)'", edits: [TextEdit(range: member.keyRange, replacement: SchemaDiagnostics.renamed(file.text(in: member.keyRange), to: flag))],
                               safe: true)]))
        }
        // A value the agent emits as the word after `--flag` that itself reads as a flag.
        for member in members {
            let values: [Node]
            switch member.value.value {
            case .array(let items): values = items
            default: values = [member.value]
            }
            for (i, value) in values.enumerated() {
                // A negative number written as a string ("-1") is a value, not a flag.
                guard case .string(let text) = value.value, text.hasPrefix("-"), Double(text) == nil else { continue }
                let at = member.value.value.isArray ? pointer.appending(member.key).appending(i) : pointer.appending(member.key)
                out.append(Diagnostic(
                    .dockerFlagInjection, "value '\(text)' of '\(member.key)' starts with '-', so it reads as a docker flag",
                    at: SourceSpan(file: file, range: value.range), pointer: at,
                    notes: [Note("the agent runs 'docker run ... \((member.key.count == 1 ? "-" : "--") + member.key) \(text) ...' through a shell; a value that looks like a flag changes what docker runs if any tool on the way splits or re-parses it")],
                    fixIts: [FixIt("give a value that does not start with '-' (a template variable or macro filling in such a value is a risk too)")]))
            }
        }
        return (out, reported)
    }
}

extension Value {
    var isArray: Bool { if case .array = self { return true } else { return false } }
}
