/// A Vertex queue config's machines: each worker pool's `machine_spec` against the machine
/// types Vertex AI trains on and the accelerators each takes (`CloudRegions.vertexMachines`,
/// from Google's documentation). Warnings: the table can lag behind new machines.
enum VertexMachines {
    /// Counts the Vertex API allows for the GPUs of a machine without a fixed number.
    static let flexibleCounts: Set<Int64> = [1, 2, 4, 8]

    /// Every accelerator some machine type takes.
    static let knownAccelerators = Set(CloudRegions.vertexMachines.values.flatMap { $0.map(\.type) })

    static func check(_ config: Node, file: SourceFile, pointer: JSONPointer) -> [Diagnostic] {
        guard case .array(let pools)? = config["spec"]?["worker_pool_specs"]?.value else { return [] }
        var out: [Diagnostic] = []
        for (i, pool) in pools.enumerated() {
            guard let spec = pool["machine_spec"] else { continue }
            out += machine(spec, file: file, pointer: pointer.appending("spec").appending("worker_pool_specs").appending(i).appending("machine_spec"))
        }
        return out
    }

    static func machine(_ spec: Node, file: SourceFile, pointer: JSONPointer) -> [Diagnostic] {
        guard let typeNode = spec["machine_type"], case .string(let machine) = typeNode.value, !machine.hasTemplateOpening else { return [] }
        guard let options = CloudRegions.vertexMachines[machine] else {
            let close = Suggestions(Array(CloudRegions.vertexMachines.keys)).closest(machine).prefix(3).map { "'\($0)'" }
            let help = close.isEmpty ? "see the machine types for custom training in the Vertex AI documentation"
                                     : "did you mean \(close.count > 1 ? close.dropLast().joined(separator: ", ") + " or " + close.last! : close[0])?"
            return [Diagnostic(.vertexMachineUnknown, "'\(machine)' is not a machine type Vertex AI trains on, as far as launchc knows",
                               at: SourceSpan(file: file, range: typeNode.range), pointer: pointer.appending("machine_type"), fixIts: [FixIt(help)])]
        }
        // An accelerator that is no accelerator at all is the schema's finding.
        guard let acceleratorNode = spec["accelerator_type"], case .string(let accelerator) = acceleratorNode.value,
              knownAccelerators.contains(accelerator) else { return [] }
        let at = SourceSpan(file: file, range: acceleratorNode.range)
        let typePointer = pointer.appending("accelerator_type")
        let note = Note("the machine type", at: SourceSpan(file: file, range: typeNode.range))
        if options.isEmpty {
            return [Diagnostic(.vertexAccelerator, "'\(machine)' takes no accelerators; Vertex AI refuses '\(accelerator)' on it", at: at, pointer: typePointer,
                               notes: [note], fixIts: [FixIt("remove accelerator_type and accelerator_count, or choose a machine type that takes \(accelerator)")])]
        }
        guard let option = options.first(where: { $0.type == accelerator }) else {
            let names = options.map(\.type)
            var fixIts = [FixIt("'\(machine)' takes \(names.joined(separator: ", "))")]
            if names.count == 1 {
                fixIts = [FixIt("write \(names[0]), the accelerator '\(machine)' has",
                                edits: [TextEdit(range: acceleratorNode.range, replacement: SchemaDiagnostics.renamed(file.text(in: acceleratorNode.range), to: names[0]))])]
            }
            return [Diagnostic(.vertexAccelerator, "'\(accelerator)' does not attach to '\(machine)'", at: at, pointer: typePointer, notes: [note], fixIts: fixIts)]
        }
        guard let countNode = spec["accelerator_count"], case .integer(let count) = countNode.value else { return [] }
        let countAt = SourceSpan(file: file, range: countNode.range)
        if let fixed = option.count, count != Int64(fixed) {
            return [Diagnostic(.vertexAccelerator, "'\(machine)' has \(fixed) \(accelerator); accelerator_count must be \(fixed), not \(count)", at: countAt,
                               pointer: pointer.appending("accelerator_count"), notes: [note],
                               fixIts: [FixIt("write \(fixed)", edits: [TextEdit(range: countNode.range, replacement: String(fixed))])])]
        }
        if option.count == nil, !flexibleCounts.contains(count) {
            return [Diagnostic(.vertexAccelerator, "\(count) \(accelerator) cannot attach to one machine; Vertex AI takes 1, 2, 4 or 8", at: countAt,
                               pointer: pointer.appending("accelerator_count"), notes: [note], fixIts: [FixIt("write 1, 2, 4 or 8")])]
        }
        return []
    }
}
