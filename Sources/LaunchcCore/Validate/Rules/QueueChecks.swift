/// What launchc checks in a queue definition beyond its own schema:
/// every `{{name}}` is declared and every declared variable used; each variable's type, bounds,
/// default and options agree; and the config, filled with each default (and with each option of
/// each variable), passes the resource's schema.
enum QueueChecks {
    static func check(_ root: Node, file: SourceFile, launch: LaunchSchemas, limits: Limits = .default) -> [Diagnostic] {
        guard let config = root["config"] else { return [] }
        let templates = TemplateVariables(queue: root)
        var out = consistency(templates, config: config, file: file)
        out += variables(templates, file: file)
        guard case .string(let name)? = root["resource"]?.value, let resource = LaunchResource(name: name),
              let schema = launch.schema(for: resource) else { return out }

        var base: [String: Node] = [:]
        for variable in templates.variables {
            if let value = variable.defaultValue ?? variable.options.first { base[variable.name] = value }
        }
        let validator = SchemaValidator(schema.set, limits: limits, defersPlaceholders: true)
        func findings(_ values: [String: Node]) -> [Diagnostic] {
            let filled = TemplateVariables.fill(config, with: values)
            let found = SchemaDiagnostics(set: schema.set, file: file, root: filled, prefix: "/config")
                .diagnose(validator.validate(filled, against: schema.root), stopped: validator.stopped)
            var rules = ResourceRules.apply(resource, to: filled, file: file, pointer: "/config", schemaFindings: found)
            if resource == .gcpVertex {
                rules += ResourceRules.nestedCamelCase(filled, found: rules, schema: schema, file: file, limits: limits, pointer: "/config")
            }
            return rules
                .map { d in
                    // A filled value's problem lies in the variable, not in the placeholder the
                    // finding points at: keep the advice, drop edits that would rewrite the placeholder.
                    guard let range = d.span.range, file.text(in: range).contains("{{") else { return d }
                    var d = d
                    d.fixIts = d.fixIts.map { FixIt($0.message) }
                    return d
                }
        }
        var seen = Set<String>()
        func key(_ d: Diagnostic) -> String { "\(d.code) \(d.span.range?.start ?? -1) \(d.message)" }
        for d in findings(base) where seen.insert(key(d)).inserted { out.append(d) }
        out += MacroRules.check(TemplateVariables.fill(config, with: base), at: "/config", schema: schema, file: file, limits: limits, reported: out)
        // Each option of each variable, the others at their defaults.
        for variable in templates.variables where variable.options.count > 1 {
            for option in variable.options where option != base[variable.name] {
                var values = base
                values[variable.name] = option
                for var d in findings(values) where seen.insert(key(d)).inserted {
                    d.notes.append(Note("when template variable '\(variable.name)' is \(CanonicalJSON.string(option, indent: nil))",
                                        at: SourceSpan(file: file, range: option.range)))
                    out.append(d)
                }
            }
        }
        return out
    }

    /// Placeholders without a declaration, declarations without a placeholder.
    static func consistency(_ templates: TemplateVariables, config: Node, file: SourceFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var used = Set<String>()
        let declared = templates.variables.map(\.name)
        for use in TemplateVariables.uses(in: config, at: "/config") {
            for placeholder in use.placeholders {
                used.insert(placeholder.name)
                guard templates.variable(placeholder.name) == nil else { continue }
                var fixIts: [FixIt] = []
                if let near = SchemaDiagnostics.nearest(placeholder.name, among: declared) {
                    fixIts.append(FixIt("did you mean '{{\(near)}}'?"))
                } else {
                    fixIts.append(FixIt("declare it under template_variables with a schema (type, default)"))
                }
                out.append(Diagnostic(.templateUndeclared, "'{{\(placeholder.name)}}' uses a template variable that template_variables does not declare",
                                      at: SourceSpan(file: file, range: use.node.range), pointer: use.pointer, fixIts: fixIts))
            }
        }
        for variable in templates.variables where !used.contains(variable.name) {
            out.append(Diagnostic(.templateUnused, "template variable '\(variable.name)' is declared but no '{{\(variable.name)}}' in config uses it",
                                  at: SourceSpan(file: file, range: variable.keyRange), pointer: JSONPointer(tokens: ["template_variables", variable.name]),
                                  fixIts: [FixIt("use it in config as '{{\(variable.name)}}', or remove it")]))
        }
        return out
    }

    /// Each variable's default and options against its type and bounds.
    static func variables(_ templates: TemplateVariables, file: SourceFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for variable in templates.variables {
            let pointer = JSONPointer(tokens: ["template_variables", variable.name, "schema"])
            func report(_ node: Node, _ key: String, _ message: String) {
                out.append(Diagnostic(.templateValue, message, at: SourceSpan(file: file, range: node.range), pointer: pointer.appending(key)))
            }
            func fits(_ node: Node) -> Bool {
                switch (variable.type, node.value) {
                case ("string", .string), ("integer", .integer), ("number", .integer), ("number", .number): return true
                case ("integer", .number(let d)): return d == d.rounded()
                case (nil, _): return true
                default: return false
                }
            }
            if let min = variable.minimum, let max = variable.maximum, SchemaValidator.compare(min.value, max.value) > 0 {
                report(min, "minimum", "template variable '\(variable.name)' has a minimum above its maximum")
            }
            for (node, key) in [(variable.defaultValue, "default")] + variable.options.map({ ($0, "enum") }) {
                guard let node else { continue }
                let what = key == "default" ? "default" : "option"
                if !fits(node) {
                    report(node, key, "the \(what) \(SchemaValidator.show(node.value)) of template variable '\(variable.name)' is not of its type, \(variable.type ?? "?")")
                    continue
                }
                if case .string = node.value { continue }
                if let min = variable.minimum, SchemaValidator.compare(node.value, min.value) < 0 {
                    report(node, key, "the \(what) \(SchemaValidator.show(node.value)) of template variable '\(variable.name)' is below its minimum \(SchemaValidator.show(min.value))")
                }
                if let max = variable.maximum, SchemaValidator.compare(node.value, max.value) > 0 {
                    report(node, key, "the \(what) \(SchemaValidator.show(node.value)) of template variable '\(variable.name)' is above its maximum \(SchemaValidator.show(max.value))")
                }
            }
            if let value = variable.defaultValue, !variable.options.isEmpty, !variable.options.contains(value) {
                report(value, "default", "the default \(SchemaValidator.show(value.value)) of template variable '\(variable.name)' is not one of its options")
            }
        }
        return out
    }
}
