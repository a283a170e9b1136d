/// An agent config as the agent reads it: wandb 0.31.0 loads launch-config.yaml with PyYAML's
/// `yaml.safe_load`, whose YAML 1.1 resolver types plain scalars its own way (`010` is 8,
/// `1_000` is 1000, `12:30` is 750, `yes` is true, while `0o10` and `1e3` stay strings).
/// The composer reads YAML 1.2 and reports each plain value the two disagree on (LC1209); for an
/// agent config those values take PyYAML's reading, in place, and the finding says what the
/// agent sees and how to write that so every reader agrees.
enum PyYAMLReading {
    /// The values PyYAML gives the plain scalars LC1209 found, by their range.
    static func values(for findings: [Diagnostic], in file: SourceFile) -> [SourceRange: Value] {
        var out: [SourceRange: Value] = [:]
        for finding in findings where finding.id == .yaml11Ambiguity {
            guard let range = finding.span.range, let value = value(of: YAML11.read(file.text(in: range)), text: file.text(in: range)) else { continue }
            out[range] = value
        }
        return out
    }

    /// PyYAML's reading as a value launchc checks; nil where launchc keeps its own (a date, an
    /// integer beyond 64 bits).
    static func value(of reading: YAML11.Reading, text: String) -> Value? {
        switch reading {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let i?): return .integer(i)
        case .integer(nil), .timestamp: return nil
        case .float(let d): return .number(d)
        case .string: return .string(text)
        }
    }

    /// The tree with each value in `values` (a plain scalar, found by its range) retyped.
    static func retype(_ node: Node, with values: [SourceRange: Value]) -> Node {
        switch node.value {
        case .array(let items):
            return Node(.array(items.map { retype($0, with: values) }), range: node.range)
        case .object(let members):
            return Node(.object(members.map { Member(key: $0.key, keyRange: $0.keyRange, value: retype($0.value, with: values)) }), range: node.range)
        default:
            guard let value = values[node.range] else { return node }
            return Node(value, range: node.range)
        }
    }

    /// LC1209 for an agent config: what the agent reads, and the spelling of that reading that
    /// every YAML version shares (a safe fix: the agent's behaviour does not change).
    static func agentFinding(_ finding: Diagnostic, file: SourceFile) -> Diagnostic {
        guard finding.id == .yaml11Ambiguity, let range = finding.span.range else { return finding }
        let text = file.text(in: range)
        guard let agent = value(of: YAML11.read(text), text: text), case .value(let other) = CoreSchema.resolve(text) else { return finding }
        var d = finding
        d.message = "'\(text)' is \(YAMLComposer.describe(agent)) to the agent, which reads YAML 1.1 (PyYAML), but \(YAMLComposer.describe(other)) in YAML 1.2"
        let spelled: String
        switch agent {
        case .null: spelled = "null"
        case .bool(let b): spelled = String(b)
        case .integer(let i): spelled = String(i)
        case .number(let n):
            // PyYAML's floats need a '.': '1e+16' would be text to it.
            var text = n.description
            if !text.contains(".") && !text.contains("n") { text = text.replacingFirstE(with: ".0e") }
            spelled = text
        default: spelled = YAMLComposer.quoted(text)
        }
        d.fixIts = [FixIt("write \(spelled), what the agent reads, in a form every YAML version reads the same",
                          edits: [TextEdit(range: range, replacement: spelled)], safe: true)]
        return d
    }
}
