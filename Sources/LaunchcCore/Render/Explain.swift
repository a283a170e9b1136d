/// Where the run's facts came from (a flag, the launch spec, the queue definition, or launchc's
/// placeholder), marked in a `Provenance` so that rendered values made from them say so.
struct FactOrigins {
    var facts: Renderer.Facts
    var spec: Node?
    var queue: Node?

    func mark(in provenance: inout Provenance) -> JobLaunch.Origins {
        var origins = JobLaunch.Origins()
        func fact(_ what: String, flag: String, _ given: String?, spec path: [String] = [], queue key: String? = nil,
                  placeholder: Bool = false) -> Provenance.Origin? {
            if let given { return Provenance.Origin(span: nil, detail: "\(what), from \(flag) \(given)") }
            if !path.isEmpty, let node = spec?.resolve(JSONPointer(tokens: path)), node.value != .null, let file = provenance.spec {
                return Provenance.Origin(span: SourceSpan(file: file, range: node.range), detail: "\(what), from the launch spec's \(path.joined(separator: "."))")
            }
            if let key, let node = queue?[key], node.value.isTruthy {
                return Provenance.Origin(span: SourceSpan(file: provenance.queue, range: node.range), detail: "\(what), from the queue definition's \(key)")
            }
            guard placeholder else { return nil }
            let spec = path.isEmpty ? "" : ", or \(path.joined(separator: ".")) in the launch spec"
            return Provenance.Origin(span: nil, detail: "launchc's placeholder for \(what) (give \(flag)\(spec))")
        }
        let runID = fact("the run id", flag: "--run-id", facts.runID, spec: ["run_id"], placeholder: true)
        let runName = fact("the run name", flag: "--run-name", facts.runName, spec: ["name"])
        let image = fact("the image", flag: "--image-uri", facts.imageURI, spec: ["docker", "docker_image"], placeholder: true)
        let args = fact("the run's args", flag: "--args", facts.args?.joined(separator: " "), spec: ["overrides", "args"])
        let variables: [(String, Provenance.Origin?)] = [
            ("WANDB_API_KEY", Provenance.Origin(span: nil, detail: facts.apiKey == nil
                ? "launchc's placeholder for the API key (--show-secrets renders WANDB_API_KEY)" : "the API key, from WANDB_API_KEY (--show-secrets)")),
            ("WANDB_PROJECT", fact("the project", flag: "--project", facts.project, spec: ["project"], placeholder: true)),
            ("WANDB_ENTITY", fact("the entity", flag: "--entity", facts.entity, spec: ["entity"], placeholder: true)),
            ("WANDB_RUN_ID", runID),
            ("WANDB_DOCKER", fact("the source image", flag: "--image-uri", nil, spec: ["docker", "docker_image"])),
            ("WANDB_NAME", runName),
            ("WANDB_USERNAME", fact("the author", flag: "--author", facts.author, spec: ["author"])),
            ("WANDB_LAUNCH_QUEUE_NAME", fact("the queue", flag: "--queue", facts.queueName, queue: "name")),
            ("WANDB_LAUNCH_QUEUE_ENTITY", fact("the queue's entity", flag: "--queue-entity", facts.queueEntity, queue: "entity")),
            ("WANDB_LAUNCH_TRACE_ID", fact("the run queue item", flag: "--run-queue-item-id", facts.runQueueItemID)),
            ("WANDB_CONFIG", fact("the run config", flag: "--spec", nil, spec: ["overrides", "run_config"])),
            ("WANDB_ARTIFACTS", fact("the job", flag: "--spec", nil, spec: ["job"])),
        ]
        origins.runID = runID.map { provenance.mark($0) } ?? .made
        origins.runName = runName.map { provenance.mark($0) } ?? .made
        origins.image = image.map { provenance.mark($0) } ?? .made
        origins.args = args.map { provenance.mark($0) } ?? .made
        origins.overrideEntryPoint = fact("the entry point", flag: "--spec", nil, spec: ["overrides", "entry_point"]).map { provenance.mark($0) } ?? .made
        origins.jobEntryPoint = fact("the job's entry point", flag: "--entry-point", facts.entryPoint?.joined(separator: " ")).map { provenance.mark($0) } ?? .made
        for (name, origin) in variables {
            guard let origin else { continue }
            origins.variables[name] = provenance.mark(Provenance.Origin(span: origin.span, detail: "the agent's \(name): \(origin.detail ?? "")"))
        }
        return origins
    }
}

/// `render --explain` (every field of the body with its value and where it came from) and the
/// notes that tie a finding on the rendered body back to that place.
public enum RenderExplanation {
    public struct Row: Sendable, Equatable {
        /// A JSON Pointer into the body, or `argv[i]` for a command's word.
        public var field: String
        /// The value as JSON (a command's word as it is), cut to `valueWidth` characters.
        public var value: String
        public var origin: String
    }

    static let valueWidth = 60

    public static func rows(_ rendered: Renderer.Rendered) -> [Row] {
        guard let body = rendered.body, let provenance = rendered.provenance else { return [] }
        switch body {
        case .json(let node):
            var rows: [Row] = []
            var cache = ConverterCache()
            leaves(node, at: .root) { pointer, leaf in
                rows.append(Row(field: pointer.description, value: cut(CanonicalJSON.string(leaf, indent: nil)),
                                origin: describe(leaf, provenance: provenance, macros: rendered.macros, cache: &cache)))
            }
            return rows
        case .command(let argv, let origins, _):
            var cache = ConverterCache()
            return zip(argv, origins).enumerated().map { index, word in
                Row(field: "argv[\(index)]", value: cut(word.0),
                    origin: describe(Node(.string(word.0), range: word.1), provenance: provenance, macros: rendered.macros, cache: &cache))
            }
        }
    }

    /// The rows as aligned text, with a header.
    public static func text(_ rows: [Row]) -> String {
        let fieldWidth = min(rows.map(\.field.count).max() ?? 0, 56)
        let valueWidth = rows.map(\.value.count).max() ?? 0
        func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
        var out = pad("FIELD", fieldWidth) + "  " + pad("VALUE", valueWidth) + "  FROM\n"
        for row in rows { out += pad(row.field, fieldWidth) + "  " + pad(row.value, valueWidth) + "  " + row.origin + "\n" }
        return out
    }

    /// Each finding on the rendered body with a note saying where the value it is about came from.
    public static func annotate(_ diagnostics: [Diagnostic], _ rendered: Renderer.Rendered) -> [Diagnostic] {
        guard case .json(let body)? = rendered.body, let provenance = rendered.provenance else { return diagnostics }
        // The printed body, parsed once, to tell findings about keys (a YAML stream's documents
        // are the items of the body's list).
        var printed: [ObjectIdentifier: Node] = [:]
        func printedRoot(_ file: SourceFile) -> Node {
            if let root = printed[ObjectIdentifier(file)] { return root }
            let documents = DocumentParser.parse(file).documents
            let root = documents.count == 1 ? documents[0].root : Node(.array(documents.map(\.root)), range: .made)
            printed[ObjectIdentifier(file)] = root
            return root
        }
        return diagnostics.map { diagnostic in
            guard let pointer = diagnostic.pointer else { return diagnostic }
            // The deepest node the pointer reaches (a missing key's finding is about its object).
            var tokens = pointer.tokens
            var found = body.resolve(pointer)
            while found == nil, !tokens.isEmpty {
                tokens.removeLast()
                found = body.resolve(JSONPointer(tokens: tokens))
            }
            let node = found ?? body
            var annotated = diagnostic
            if let key = keyFinding(diagnostic, pointer: pointer, in: body, printed: printedRoot(diagnostic.span.file)) {
                let origin = provenance.origin(of: key.keyRange)
                annotated.notes.append(Note("the key comes from \(origin?.detail ?? (origin == nil ? "the agent, not from the configs" : "the queue"))", at: origin?.span))
                return annotated
            }
            let origin = provenance.origin(of: node.range)
            let what = phrase(origin, provenance: provenance, node: node, macros: rendered.macros)
            annotated.notes.append(Note("the value comes from \(what)", at: origin?.span))
            return annotated
        }
    }

    /// The member of `body` whose key (not value) a finding on the printed body is about: its
    /// range in the printed text (`printed`) is the key's.
    static func keyFinding(_ diagnostic: Diagnostic, pointer: JSONPointer, in body: Node, printed: Node) -> Member? {
        guard let key = pointer.tokens.last, let range = diagnostic.span.range else { return nil }
        let parent = JSONPointer(tokens: Array(pointer.tokens.dropLast()))
        guard printed.resolve(parent)?.member(key)?.keyRange == range else { return nil }
        return body.resolve(parent)?.member(key)
    }

    /// An origin as one line of the table: the place, then what it is.
    static func describe(_ node: Node, provenance: Provenance, macros: MacroTable?, cache: inout ConverterCache) -> String {
        guard let origin = provenance.origin(of: node.range) else { return "the agent" }
        var parts: [String] = []
        if let span = origin.span, let range = span.range {
            let location = cache.converter(for: span.file).location(of: range.start)
            parts.append("\(span.file.path):\(location.line):\(location.column)")
        }
        if let detail = origin.detail { parts.append(detail) }
        return parts.joined(separator: ": ") + (filled(node, origin: origin, provenance: provenance, macros: macros).map { " (with \($0))" } ?? "")
    }

    /// An origin as the end of "the value comes from ...".
    static func phrase(_ origin: Provenance.Origin?, provenance: Provenance, node: Node, macros: MacroTable?) -> String {
        guard let origin else { return "the agent, not from the configs" }
        let what = origin.detail ?? "the queue"
        return what + (filled(node, origin: origin, provenance: provenance, macros: macros).map { ", with \($0)" } ?? "")
    }

    /// The macros the value's source text held that were filled in it: "${run_id} = 'abc123'".
    static func filled(_ node: Node, origin: Provenance.Origin, provenance: Provenance, macros: MacroTable?) -> String? {
        guard let macros, case .string(let rendered) = node.value, let span = origin.span, let range = span.range,
              span.file === provenance.queue || span.file === provenance.spec else { return nil }
        let used = MacroTable.names(in: span.file.text(in: range)).filter { !rendered.contains("${\($0)}") }
        var seen: Set<String> = []
        let shown = used.compactMap { name -> String? in
            guard seen.insert(name).inserted, let value = macros.values[name] else { return nil }
            return "${\(name)} = " + (value.map { "'\($0)'" } ?? "None")
        }
        return shown.isEmpty ? nil : Provenance.list(shown)
    }

    static func leaves(_ node: Node, at pointer: JSONPointer, _ visit: (JSONPointer, Node) -> Void) {
        switch node.value {
        case .array(let items) where !items.isEmpty:
            for (i, item) in items.enumerated() { leaves(item, at: pointer.appending(i), visit) }
        case .object(let members) where !members.isEmpty:
            for member in members { leaves(member.value, at: pointer.appending(member.key), visit) }
        default:
            visit(pointer, node)
        }
    }

    static func cut(_ text: String) -> String {
        text.count <= valueWidth ? text : String(text.prefix(valueWidth - 3)) + "..."
    }
}
