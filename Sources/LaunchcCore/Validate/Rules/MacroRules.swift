/// `${NAME}` in a queue config, as the agent fills it (`LaunchProject.fill_macros`): its own
/// macros from the run, any other name from the agent's process environment, and a name it
/// does not have is sent as written. launchc cannot see that environment, so a value that only
/// its environment can make valid is a warning where the text as written would be refused.
enum MacroRules {
    /// Strings holding a `${NAME}` that is not one of the agent's own macros, and those names.
    static func environmentMacros(in node: Node, at pointer: JSONPointer) -> [(pointer: JSONPointer, node: Node, names: [String])] {
        switch node.value {
        case .string(let text):
            guard text.contains("${") else { return [] }
            let names = MacroTable.names(in: text).filter { !MacroTable.agentMacros.contains($0) }
            return names.isEmpty ? [] : [(pointer, node, Array(Set(names)).sorted())]
        case .array(let items):
            return items.enumerated().flatMap { environmentMacros(in: $0.element, at: pointer.appending($0.offset)) }
        case .object(let members):
            return members.flatMap { environmentMacros(in: $0.value, at: pointer.appending($0.key)) }
        default:
            return []
        }
    }

    /// - Parameters:
    ///   - config: the queue config, at `pointer` in the document.
    ///   - schema: the resource's schema, checked again with those names as written.
    ///   - reported: findings already made; a value with an error among them is not reported again.
    static func check(_ config: Node, at pointer: JSONPointer, schema: LaunchSchemas.Compiled, file: SourceFile, limits: Limits,
                      reported: [Diagnostic] = []) -> [Diagnostic] {
        let uses = environmentMacros(in: config, at: pointer)
        guard !uses.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for use in uses where use.names.contains("WANDB_API_KEY") {
            out.append(Diagnostic(.macroAPIKey, "${WANDB_API_KEY} is filled with the agent's own API key, written out in plain text in the job it submits",
                                  at: SourceSpan(file: file, range: use.node.range), pointer: use.pointer,
                                  fixIts: [FixIt("remove it: the agent gives every job WANDB_API_KEY itself (on Kubernetes from a Secret)")]))
        }
        let validator = SchemaValidator(schema.set, limits: limits, defersPlaceholders: true)
        validator.literalUnknownMacros = true
        let failures = validator.validate(config, against: schema.root)
        let erred = Set(reported.filter { $0.severity == .error }.compactMap { $0.span.range?.start })
        let byPointer = Dictionary(uses.map { ($0.pointer, $0.names) }, uniquingKeysWith: { a, _ in a })
        for finding in SchemaDiagnostics(set: schema.set, file: file, root: config, prefix: pointer).diagnose(failures, stopped: validator.stopped) {
            guard let at = finding.pointer, let names = byPointer[at], names != ["WANDB_API_KEY"], !erred.contains(finding.span.range?.start ?? -1) else { continue }
            let shown = names.map { "${\($0)}" }.joined(separator: ", ")
            out.append(Diagnostic(.macroUnknown, severity: .warning,
                                  "\(shown) is not one of the agent's macros: unless the agent's environment sets \(names.joined(separator: ", ")), it is sent as written, and refused",
                                  at: finding.span, pointer: at, notes: [Note("as written: \(finding.message)")] + finding.notes,
                                  fixIts: [FixIt("use one of the agent's macros (${run_id}, ${project_name}, ...), or make sure every agent on this queue sets \(names[0])")]))
        }
        return out
    }
}
