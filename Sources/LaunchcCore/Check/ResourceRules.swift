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
        for member in members where !dockerFlags.contains(member.key) {
            let flag = normalizedDockerFlag(member.key)
            guard dockerFlags.contains(flag) else { continue }
            let emitted = (member.key.count == 1 ? "-" : "--") + member.key
            reported.insert(member.keyRange)
            out.append(Diagnostic(
                .dockerRawFlag, "'\(member.key)' passes the agent's check as '\(flag)' but is emitted as '\(emitted)', which docker rejects",
                at: SourceSpan(file: file, range: member.keyRange), pointer: pointer.appending(member.key),
                fixIts: [FixIt("write '\(flag)'", edits: [TextEdit(range: member.keyRange, replacement: SchemaDiagnostics.renamed(file.text(in: member.keyRange), to: flag))])]))
        }
        return (out, reported)
    }
}
