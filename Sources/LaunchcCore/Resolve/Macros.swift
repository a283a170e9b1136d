/// The agent's macros (`${run_id}`, ...), filled exactly as wandb 0.31.0 fills them
/// (`utils.macro_sub`, `recursive_macro_sub`): names are word characters, one pass
/// from left to right with no look at what was substituted, unknown names kept as written,
/// string values only (never keys), and a missing value printed as Python prints `None`.
public struct MacroTable: Sendable {
    /// Name → value; a nil value is substituted as `None`, as `str(None)` is.
    public private(set) var values: [String: String?]

    public init(_ values: [String: String?] = [:]) { self.values = values }

    /// The macros the agent fills from the run itself, whatever its environment.
    public static let agentMacros: Set<String> = ["project_name", "entity_name", "run_id", "run_name", "image_uri", "author"]

    /// The agent's built-in macros, then its process environment, which overrides them.
    public init(project: String, entity: String, runID: String, runName: String?, imageURI: String, author: String?,
                environment: [String: String] = [:]) {
        values = [
            "project_name": project.pythonLowercased,
            "entity_name": entity,
            "run_id": runID,
            "run_name": runName.flatMap { $0.isEmpty ? nil : $0 },
            "image_uri": imageURI,
            "author": author,
        ]
        for (name, value) in environment { values[name] = .some(value) }
    }

    /// One string with its macros filled, and the names it used.
    public func fill(_ text: String) -> (text: String, used: [String]) {
        guard text.contains("${") else { return (text, []) }
        var out = ""
        var used: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            let name = after.prefix { Self.isWordCharacter($0) }
            let end = after.index(after.startIndex, offsetBy: name.count)
            if !name.isEmpty, end < after.endIndex, after[end] == "}", let value = values[String(name)] {
                out += value ?? "None"
                used.append(String(name))
                rest = after[after.index(after: end)...]
            } else {
                // Not a macro, or not a known one: keep "${" and go on right after it.
                out += "${"
                rest = after
            }
        }
        out += rest
        return (out, used)
    }

    /// The names of the macros in `text`, in order, as `fill` reads them (known or not).
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            let after = rest[open.upperBound...]
            let name = after.prefix { isWordCharacter($0) }
            let end = after.index(after.startIndex, offsetBy: name.count)
            if !name.isEmpty, end < after.endIndex, after[end] == "}" {
                names.append(String(name))
                rest = after[after.index(after: end)...]
            } else {
                rest = after
            }
        }
        return names
    }

    /// Every string value under `node` filled; keys and other values as they were.
    public func fill(_ node: Node) -> Node {
        switch node.value {
        case .string(let text): return Node(.string(fill(text).text), range: node.range)
        case .array(let items): return Node(.array(items.map(fill)), range: node.range)
        case .object(let members):
            return Node(.object(members.map { Member(key: $0.key, keyRange: $0.keyRange, value: fill($0.value)) }), range: node.range)
        default: return node
        }
    }

    /// Python's `\w` in a `str` pattern: letters, digits (Unicode) and underscore.
    static func isWordCharacter(_ c: Character) -> Bool {
        c == "_" || c.isLetter || c.isNumber
    }
}

/// The warnings for each of the agent's macro quirks that changes what a
/// job gets, at the place in the queue or the launch spec that holds the macro (LC3608-LC3612).
struct MacroQuirks {
    var macros: MacroTable
    var provenance: Provenance
    /// The project as given (`${project_name}` is it lower-cased).
    var project: String

    /// The findings on a resolved config, in document order.
    func diagnostics(_ config: Node, resource: LaunchResource) -> [Diagnostic] {
        var out: [Diagnostic] = []
        walk(config, path: [], resource: resource, into: &out)
        return out
    }

    func walk(_ node: Node, path: [String], resource: LaunchResource, into out: inout [Diagnostic]) {
        switch node.value {
        case .string(let text):
            // SageMaker reads these before it fills macros; LC3305 says so.
            if resource == .sagemaker, path == ["RoleArn"] || path == ["role_arn"] || path == ["AlgorithmSpecification", "TrainingImage"] { return }
            for name in Self.unique(MacroTable.names(in: text)) { check(name, in: node, into: &out) }
        case .array(let items):
            for item in items { walk(item, path: path + ["[]"], resource: resource, into: &out) }
        case .object(let members):
            for member in members {
                if !MacroTable.names(in: member.key).isEmpty {
                    out.append(Diagnostic(.macroInKey, "the agent fills macros in values only, so key '\(member.key)' is sent as written",
                                          at: span(member.keyRange), fixIts: [FixIt("move the macro into a value, or write the key out")]))
                }
                walk(member.value, path: path + [member.key], resource: resource, into: &out)
            }
        default:
            break
        }
    }

    func check(_ name: String, in node: Node, into out: inout [Diagnostic]) {
        let place = span(node.range)
        guard let entry = macros.values[name] else {
            out.append(Diagnostic(.macroUnknown, "${\(name)} is not a macro the agent knows here, so it is sent as written", at: place,
                                  fixIts: [FixIt("if the agent's environment sets \(name), pass --macro \(name)=VALUE to render it as that agent would")]))
            return
        }
        guard let value = entry else {
            let (what, fix) = name == "run_name" ? ("the run has no name", "name the run: the launch spec's name, or --run-name")
                                                 : ("the run has no author", "give the launch spec an author, or pass --author")
            out.append(Diagnostic(.macroNone, "${\(name)} is filled with the text 'None': \(what)", at: place, fixIts: [FixIt(fix)]))
            return
        }
        // Once per job: the first place says it for all of them.
        if name == "project_name", value != project, value == project.pythonLowercased, !out.contains(where: { $0.id == .macroLowercased }) {
            out.append(Diagnostic(.macroLowercased, "${project_name} is the project lower-cased: '\(project)' is filled in as '\(value)'", at: place,
                                  fixIts: [FixIt("name the project in lower case, or write the name you want instead of the macro")]))
        }
        if !MacroTable.names(in: value).isEmpty {
            out.append(Diagnostic(.macroSinglePass, "${\(name)} is filled with '\(value)', whose own macros are not filled: the agent makes one pass", at: place,
                                  fixIts: [FixIt("write that text into the config itself, where the agent fills its macros")]))
        }
    }

    /// Where a value came from, as a place to report: its file and range, or the queue as a whole.
    func span(_ range: SourceRange) -> SourceSpan {
        provenance.origin(of: range)?.span ?? SourceSpan(file: provenance.queue, range: nil)
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}

extension String {
    /// Python's `str.strip()` with no argument: Unicode whitespace on both ends.
    func trimmingPythonWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
