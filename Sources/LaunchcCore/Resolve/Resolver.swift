/// resolve: a queue's config with its template variables filled, a launch
/// spec's `resource_args.<resource>` deep-merged over it, and the `builder` key removed, ready
/// for macros and a renderer.
public struct Resolver {
    /// A `--set NAME=VALUE` flag as given.
    public struct Setting: Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// `NAME=VALUE`; the agent refuses anything without exactly one `=`, so launchc does too.
        public init?(_ flag: String) {
            let parts = flag.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            self.init(name: String(parts[0]), value: String(parts[1]))
        }
    }

    public struct Resolved: Sendable {
        public var resource: LaunchResource
        /// The config before macros.
        public var config: Node
        /// The value each template variable took.
        public var values: [String: Node]
        public var diagnostics: [Diagnostic]
        /// Where each value of `config` came from (its ranges index it).
        public var provenance: Provenance
    }

    public var settings: [Setting] = []

    public init(settings: [Setting] = []) { self.settings = settings }

    /// - Parameters:
    ///   - queue: a queue definition, or a bare queue config for `resource`.
    ///   - spec: the launch spec, if any, parsed from `specFile`.
    public func resolve(queue: Node, kind: Classification, file: SourceFile, spec: Node? = nil, specFile: SourceFile? = nil) -> Result<Resolved, ResolveFailure> {
        var diagnostics: [Diagnostic] = []
        let resource: LaunchResource
        var config: Node
        var values: [String: Node] = [:]
        var provenance = Provenance(queue: file, spec: specFile)
        switch kind.kind {
        case .queue:
            guard case .string(let name)? = queue["resource"]?.value, let r = LaunchResource(name: name), let c = queue["config"] else {
                return .failure(ResolveFailure(message: "the queue definition needs a resource and a config"))
            }
            resource = r
            let templates = TemplateVariables(queue: queue)
            let sources: [String: Provenance.Origin]
            (values, sources, diagnostics) = templateValues(templates, spec: spec, file: file, specFile: specFile)
            config = provenance.markTemplates(original: c, filled: TemplateVariables.fill(c, with: values), sources: sources)
        case .queueConfig, .resourceArgs:
            var bare = queue
            if kind.kind == .resourceArgs {
                // The wrapped form: the entry of the resource asked for, or its only entry.
                guard case .object(let entries) = queue.value else { return .failure(ResolveFailure(message: "resource args are a mapping by resource")) }
                let chosen = kind.resource.map { r in entries.filter { LaunchResource(name: $0.key) == r } } ?? entries
                guard chosen.count == 1, let only = chosen.first, let r = LaunchResource(name: only.key) else {
                    let names = entries.map(\.key).joined(separator: ", ")
                    return .failure(ResolveFailure(message: kind.resource == nil ? "the resource args hold \(names): say which to render with --resource"
                                                                                : "the resource args hold no \(kind.resource!.rawValue) entry (they hold \(names))"))
                }
                bare = only.value
                resource = r
            } else {
                guard let r = kind.resource else { return .failure(ResolveFailure(message: "say which resource the queue config is for (--resource)")) }
                resource = r
            }
            let sources: [String: Provenance.Origin]
            (values, sources, diagnostics) = bareValues(bare, file: file)
            config = provenance.markTemplates(original: bare, filled: TemplateVariables.fill(bare, with: values), sources: sources)
        default:
            return .failure(ResolveFailure(message: "render takes a queue definition or a queue config, not \(kind.kind.title)"))
        }
        if let spec, case .object(let overrides)? = spec["resource_args"]?.value, !overrides.isEmpty {
            let templated = spec["template_variables"].map { if case .object(let m) = $0.value { !m.isEmpty } else { false } } ?? false
            // The agent drops resource_args beside template variables (LC3202 says so when checking).
            if !templated, let override = overrides.first(where: { LaunchResource(name: $0.key) == resource })?.value {
                config = DeepMerge.merge(config, Provenance.fromSpec(override))
            }
        }
        if case .object(var members) = config.value {
            members.removeAll { $0.key.hasSameScalars(as: "builder") }
            config = Node(.object(members), range: config.range)
        }
        return .success(Resolved(resource: resource, config: config, values: values, diagnostics: diagnostics, provenance: provenance))
    }

    /// A bare queue config's `{{name}}` values: its variables are declared in the W&B UI, so each
    /// comes from `--set`, typed by its text (an integer, a number, or else text).
    func bareValues(_ config: Node, file: SourceFile) -> ([String: Node], [String: Provenance.Origin], [Diagnostic]) {
        var values: [String: Node] = [:]
        var sources: [String: Provenance.Origin] = [:]
        var out: [Diagnostic] = []
        var used: [String] = []
        var firstUse: [String: Node] = [:]
        for use in TemplateVariables.uses(in: config) {
            for placeholder in use.placeholders where firstUse[placeholder.name] == nil {
                used.append(placeholder.name)
                firstUse[placeholder.name] = use.node
            }
        }
        for setting in settings {
            let text = "\(setting.name)=\(setting.value)"
            guard firstUse[setting.name] != nil else {
                out.append(Diagnostic(.templateSetUndeclared, "the queue config has no '{{\(setting.name)}}'; --set \(setting.name) does nothing",
                                      at: Self.flagSpan("--set", text, highlight: setting.name),
                                      fixIts: SchemaDiagnostics.nearest(setting.name, among: used).map { [FixIt("did you mean '\($0)'?")] } ?? []))
                continue
            }
            let value = PythonNumber.int(setting.value).map { Value.integer($0) }
                ?? PythonNumber.float(setting.value).map { Value.number($0) } ?? .string(setting.value)
            values[setting.name] = Node(value, range: .at(0))
            sources[setting.name] = Provenance.Origin(span: nil, detail: "template variable '\(setting.name)' (set by --set \(text))")
        }
        for name in used where values[name] == nil {
            out.append(Diagnostic(.templateMissingValue, "'{{\(name)}}' has no value: a bare queue config's template variables are declared in the W&B UI",
                                  at: SourceSpan(file: file, range: firstUse[name]!.range),
                                  fixIts: [FixIt("pass --set \(name)=VALUE, the value a job on this queue would have")]))
        }
        return (values, sources, out)
    }

    /// Each variable's value (`--set`, then the launch spec's `template_variables`, then the
    /// default) and where it came from.
    func templateValues(_ templates: TemplateVariables, spec: Node?, file: SourceFile, specFile: SourceFile?)
        -> ([String: Node], [String: Provenance.Origin], [Diagnostic]) {
        var values: [String: Node] = [:]
        var sources: [String: Provenance.Origin] = [:]
        var out: [Diagnostic] = []
        for setting in settings where templates.variable(setting.name) == nil {
            out.append(Diagnostic(.templateSetUndeclared, "the queue does not support overriding '\(setting.name)': it declares no such template variable",
                                  at: Self.flagSpan("--set", "\(setting.name)=\(setting.value)", highlight: setting.name),
                                  fixIts: SchemaDiagnostics.nearest(setting.name, among: templates.variables.map(\.name)).map { [FixIt("did you mean '\($0)'?")] } ?? []))
        }
        for variable in templates.variables {
            let place: SourceSpan
            var value: Node?
            let source: Provenance.Origin
            let variableName = "template variable '\(variable.name)'"
            if let setting = settings.last(where: { $0.name == variable.name }) {
                let text = "\(setting.name)=\(setting.value)"
                place = Self.flagSpan("--set", text, highlight: setting.value)
                source = Provenance.Origin(span: nil, detail: "\(variableName) (set by --set \(text))")
                // Typed as `wandb launch --set-var` types them: int() or float(); other types keep the text.
                switch variable.type {
                case "integer":
                    value = PythonNumber.int(setting.value).map { Node(.integer($0), range: .at(0)) }
                case "number":
                    value = PythonNumber.float(setting.value).map { Node(.number($0), range: .at(0)) }
                default:
                    value = Node(.string(setting.value), range: .at(0))
                }
                if value == nil {
                    out.append(Diagnostic(.templateSetType, "value for \(variable.name) must be of type \(variable.type ?? "?"), not '\(setting.value)'", at: place))
                    continue
                }
            } else if let given = spec?["template_variables"]?[variable.name] {
                value = given
                // Without the spec's own file (a caller that has only its tree), the queue's.
                place = SourceSpan(file: specFile ?? file, range: given.range)
                source = Provenance.Origin(span: place, detail: "\(variableName) (set by the launch spec)")
            } else if let fallback = variable.defaultValue {
                value = fallback
                place = SourceSpan(file: file, range: fallback.range)
                source = Provenance.Origin(span: place, detail: "\(variableName) (its default)")
            } else {
                out.append(Diagnostic(.templateMissingValue, "template variable '\(variable.name)' has no value and no default",
                                      at: SourceSpan(file: file, range: variable.keyRange),
                                      fixIts: [FixIt("pass --set \(variable.name)=VALUE, or give it a default")]))
                continue
            }
            guard let value else { continue }
            values[variable.name] = value
            sources[variable.name] = source
            for problem in Self.bounds(value, variable) {
                out.append(Diagnostic(.templateOutOfBounds, problem, at: place))
            }
        }
        return (values, sources, out)
    }

    /// The value against the variable's minimum, maximum and options (which the W&B server enforces).
    static func bounds(_ value: Node, _ variable: TemplateVariables.Variable) -> [String] {
        var problems: [String] = []
        let shown = SchemaValidator.show(value.value)
        if let min = variable.minimum, SchemaValidator.compare(value.value, min.value) < 0, value.value.isNumber {
            problems.append("\(shown) is below the minimum \(SchemaValidator.show(min.value)) of template variable '\(variable.name)'")
        }
        if let max = variable.maximum, SchemaValidator.compare(value.value, max.value) > 0, value.value.isNumber {
            problems.append("\(shown) is above the maximum \(SchemaValidator.show(max.value)) of template variable '\(variable.name)'")
        }
        if !variable.options.isEmpty && !variable.options.contains(value) {
            problems.append("\(shown) is not one of the options of template variable '\(variable.name)'")
        }
        return problems
    }

    /// A command-line value as a source of its own, so findings about it print like others.
    static func flagSpan(_ flag: String, _ text: String, highlight: String? = nil) -> SourceSpan {
        let file = SourceFile(path: flag, text: text)
        guard let highlight, let range = text.utf8.firstRange(of: highlight.utf8) else {
            return SourceSpan(file: file, range: SourceRange(start: 0, end: text.utf8.count))
        }
        let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        return SourceSpan(file: file, range: SourceRange(start: start, end: start + highlight.utf8.count))
    }
}

/// Why a queue cannot be resolved at all.
public struct ResolveFailure: Error, Sendable, Equatable {
    public var message: String
}
