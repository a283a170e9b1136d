/// Turns schema failures into findings a person can act on: one per real problem, at the
/// offending key or value, with the code of its kind, the nearest known key for an unknown one,
/// and for `anyOf`/`oneOf` the problems of the form the user meant rather than "valid under none".
public struct SchemaDiagnostics {
    public let set: SchemaSet
    public let file: SourceFile
    /// The document the failures are about.
    public let root: Node
    /// For a user's schema (`--schema`): its name, noted on each finding.
    public let schemaName: String?
    /// Where `root` sits in its document (`/config` for a queue definition's config).
    public let prefix: JSONPointer

    public init(set: SchemaSet, file: SourceFile, root: Node, schemaName: String? = nil, prefix: JSONPointer = .root) {
        self.set = set
        self.file = file
        self.root = root
        self.schemaName = schemaName
        self.prefix = prefix
    }

    public func diagnose(_ failures: [SchemaFailure]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for failure in failures { diagnose(failure, into: &out) }
        guard !prefix.tokens.isEmpty else { return out }
        return out.map { d in
            var d = d
            d.pointer = d.pointer.map { JSONPointer(tokens: prefix.tokens + $0.tokens) }
            return d
        }
    }

    /// The failures of a validation, or when it stopped before the end, why (the document is
    /// then not decided, and that is the one finding).
    public func diagnose(_ failures: [SchemaFailure], stopped: SchemaValidator.Stop?) -> [Diagnostic] {
        guard let stopped else { return diagnose(failures) }
        return [diagnostic(for: stopped, schema: nil)]
    }

    /// Why evaluation stopped, as a finding: a cycle at the reference that closes it, in the
    /// schema's file when `schema` gives it (LC2013); evaluation too deep, at the document's
    /// value (LC2014).
    func diagnostic(for stop: SchemaValidator.Stop, schema: SchemaPlace?) -> Diagnostic {
        switch stop {
        case .cycle(let nodes, let pointer, let range):
            let last = set.nodes[nodes[nodes.count - 1]]
            let keyword = SchemaCycles.keyword(from: last, to: nodes[0])
            var location = last.location
            location.pointer = location.pointer.appending(keyword)
            let home = schema?.uri ?? location.document
            var notes = schema?.notes(for: location) ?? [Note("in \(schemaName ?? location.document)#\(location.pointer)")]
            notes.append(Note("the cycle, through the dynamic scope: " + SchemaCycles.describe(nodes, in: set, home: home)))
            notes.append(Note("the document's value where the schema reached itself", at: SourceSpan(file: file, range: range)))
            let message = "'\(keyword)' leads back to a subschema under way at \(Self.place(pointer)) without reading into the value: evaluation would never end"
            guard let schema, let span = schema.span(of: location) else {
                return Diagnostic(.schemaCycle, message, at: SourceSpan(file: file, range: range), pointer: pointer, notes: notes)
            }
            return Diagnostic(.schemaCycle, message, at: span, pointer: location.pointer, notes: notes)
        case .tooDeep(let node, let pointer, let range, let depth, let stack):
            let limit = stack ? "as deep as the stack has room for (\(Limits.grouped(depth)) subschemas)" : "the limit of \(Limits.grouped(depth)) nested subschemas"
            let location = set.nodes[node].location
            return Diagnostic(.schemaTooDeep, "evaluating the schema reached \(limit) at \(Self.place(pointer)); not decided, so it fails",
                              at: SourceSpan(file: file, range: range), pointer: pointer,
                              notes: [Note("in \(schemaName ?? location.document)#\(location.pointer)")],
                              fixIts: [FixIt(stack ? "flatten the chain of references, or run launchc on a thread with a larger stack"
                                                   : "flatten the chain of references, or raise the limit with --limit schema-depth=N")])
        }
    }

    private func diagnose(_ failure: SchemaFailure, into out: inout [Diagnostic]) {
        // A schema that names its own finding for anyOf/oneOf has said what the problem is.
        let custom = set.nodes[failure.schema].launchc(failure.keyword)
        if !failure.branches.isEmpty && custom.code == nil && custom.message == nil {
            switch chooseBranch(failure) {
            case .branch(let chosen):
                for f in chosen { diagnose(f, into: &out) }
                return
            case .unknownDiscriminator(let member, let allowed):
                let shown = allowed.map(SchemaValidator.show).joined(separator: ", ")
                out.append(Diagnostic(.schemaValue, "\(SchemaValidator.show(member.value.value)) is not one of \(shown)",
                                      at: SourceSpan(file: file, range: member.value.range),
                                      pointer: failure.pointer.appending(member.key),
                                      notes: [Note("'\(member.key)' selects which form of \(Self.place(failure.pointer)) applies")]
                                        + schemaNote(set.nodes[failure.schema])))
                return
            case nil:
                break
            }
        }
        out.append(diagnostic(for: failure))
    }

    enum Choice {
        case branch([SchemaFailure])
        /// A key that selects the branch (a `const` in every branch) has a value no branch takes.
        case unknownDiscriminator(Member, allowed: [Value])
    }

    // MARK: anyOf / oneOf

    /// The branch the user meant: the one a distinguishing key selects (a key whose value is a
    /// `const` in each branch, such as `resource`), else among the branches whose type fits the
    /// one with fewest problems, when exactly one has fewest, else the problems all of them share.
    /// Nil when no branch stands out.
    func chooseBranch(_ failure: SchemaFailure) -> Choice? {
        guard let instance = root.resolve(failure.pointer) else { return nil }
        if case .object(let members) = instance.value {
            for member in members {
                // The values each branch allows for this key, when every branch fixes them.
                let allowed = failure.branches.map { branch -> [Value]? in
                    guard let (_, sub) = set.nodes[branch.schema].properties.first(where: { $0.0 == member.key }) else { return nil }
                    if let value = set.nodes[sub].constValue { return [value] }
                    return set.nodes[sub].enumValues
                }
                guard allowed.allSatisfy({ $0 != nil }) else { continue }
                let selecting = failure.branches.indices.filter { allowed[$0]!.contains(member.value.value) }
                if selecting.count == 1 { return .branch(failure.branches[selecting[0]].failures) }
                if selecting.isEmpty { return .unknownDiscriminator(member, allowed: allowed.flatMap { $0! }) }
            }
        }
        // Branches for another type of value say little about what the user meant.
        let fitting = failure.branches.filter { branch in
            !branch.failures.contains { $0.keyword == "type" && $0.pointer == failure.pointer }
        }
        guard !fitting.isEmpty else { return nil }
        let fewest = fitting.map(\.failures.count).min()!
        let best = fitting.filter { $0.failures.count == fewest }
        if best.count == 1 { return .branch(best[0].failures) }
        // Problems every form has are the ones to fix, whichever form was meant.
        let common = fitting[0].failures.filter { f in
            fitting.allSatisfy { $0.failures.contains { $0.pointer == f.pointer && $0.message == f.message } }
        }
        return common.isEmpty ? nil : .branch(common)
    }

    // MARK: One failure

    func diagnostic(for failure: SchemaFailure) -> Diagnostic {
        let node = set.nodes[failure.schema]
        var id = Self.id(for: failure.keyword)
        var message = failure.message
        var notes: [Note] = []
        var fixIts: [FixIt] = []
        var range = failure.range
        switch failure.keyword {
        case "additionalProperties", "unevaluatedProperties":
            let key = failure.pointer.tokens.last ?? ""
            let siblings: Set<String>
            if case .object(let members)? = root.resolve(JSONPointer(tokens: Array(failure.pointer.tokens.dropLast())))?.value {
                siblings = Set(members.map(\.key))
            } else {
                siblings = []
            }
            // A suggestion the mapping already has would only make a duplicate.
            // Only a near match is safe to apply: an alias is a guess at what was meant.
            let alias = node.aliases[key]
            if let suggestion = alias ?? Self.nearest(key, among: knownKeys(failure.schema)),
               !siblings.contains(suggestion) {
                message = "unknown key '\(key)'; did you mean '\(suggestion)'?"
                if suggestion.contains(" ") {
                    // An alias written as advice rather than as a key.
                    message = "unknown key '\(key)': \(suggestion)"
                } else if let dot = suggestion.lastIndex(of: ".") {
                    // A key that belongs elsewhere: say where; moving it is not one edit.
                    fixIts.append(FixIt("move it under '\(suggestion[..<dot])' as '\(suggestion[suggestion.index(after: dot)...])'"))
                } else {
                    fixIts.append(FixIt("rename it to '\(suggestion)'", edits: [TextEdit(range: range, replacement: Self.renamed(file.text(in: range), to: suggestion))],
                                        safe: alias == nil))
                }
            }
        case "required":
            let (at, place) = anchor(failure.pointer)
            range = at ?? range
            message = "\(place) is \(message)"
        case "enum":
            if case .string(let text)? = root.resolve(failure.pointer)?.value,
               let options = node.enumValues?.compactMap({ v -> String? in if case .string(let s) = v { s } else { nil } }),
               let suggestion = Self.nearest(text, among: options) {
                message += "; did you mean '\(suggestion)'?"
                fixIts.append(FixIt("write '\(suggestion)'", edits: [TextEdit(range: range, replacement: Self.renamed(file.text(in: range), to: suggestion))]))
            }
        case "not" where node.forbidsKey:
            // The key itself is what may not be there.
            range = keyRange(of: failure.pointer) ?? range
        case "uniqueItems":
            if let first = failure.related {
                notes.append(Note("the first occurrence is here", at: SourceSpan(file: file, range: first)))
            }
        case "anyOf", "oneOf":
            guard !failure.branches.isEmpty else { break }
            let types = Set(failure.branches.compactMap { branch in set.nodes[branch.schema].types?.description })
            if failure.branches.allSatisfy({ b in b.failures.contains { $0.keyword == "type" && $0.pointer == failure.pointer } }),
               let instance = root.resolve(failure.pointer) {
                id = .schemaType
                message = "expected \(types.sorted().joined(separator: " or ")), found \(SchemaValidator.describe(instance.value))"
            } else if node.launchc(failure.keyword).message == nil {
                for (i, branch) in failure.branches.enumerated() {
                    if let first = branch.failures.first {
                        notes.append(Note("form \(i + 1): \(first.message)\(first.pointer == failure.pointer ? "" : " (at \(first.pointer))")"))
                    }
                }
            }
        default:
            break
        }
        // A finding about a whole mapping or list is shown at the key that names it.
        if failure.keyword != "required" && failure.keyword != "uniqueItems",
           let instance = root.resolve(failure.pointer), instance.range == failure.range {
            switch instance.value {
            case .object, .array: range = anchor(failure.pointer).range ?? range
            default: break
            }
        }
        if case .string(let text)? = root.resolve(failure.pointer)?.value, Self.isPlaceholder(text) {
            notes.append(Note("'\(text)' looks like a placeholder left from an example; fill in the real value"))
        }
        let (code, custom) = node.launchc(failure.keyword)
        if let code, let known = DiagnosticID.lookup(code) { id = known }
        if let custom {
            message = custom.replacingPlaceholder("{key}", with: failure.key ?? failure.pointer.tokens.last ?? "")
        }
        notes += schemaNote(node, keyword: failure.keyword)
        return Diagnostic(id, message, at: SourceSpan(file: file, range: range), pointer: failure.pointer,
                          notes: notes, fixIts: fixIts)
    }

    /// `<queue name>`, `<REQUIRED>`: the angle-bracket placeholders of W&B's examples.
    static func isPlaceholder(_ text: String) -> Bool {
        text.count >= 3 && text.hasPrefix("<") && text.hasSuffix(">") && !text.dropFirst().dropLast().contains("<")
    }

    /// "the document", "'ResourceConfig'", "item 1 of 'InputDataConfig'".
    static func place(_ pointer: JSONPointer) -> String {
        guard let last = pointer.tokens.last else { return "the document" }
        if JSONPointer.arrayIndex(last) != nil {
            let parent = pointer.tokens.dropLast().last.map { "'\($0)'" } ?? "the document"
            return "item \(last) of \(parent)"
        }
        return "'\(last)'"
    }

    /// The schema author's explanation, and for a user's schema where in it the rule is.
    func schemaNote(_ node: SchemaNode, keyword: String = "") -> [Note] {
        var notes: [Note] = []
        // A description explains a rule on a value; on a whole mapping's structure (a missing or
        // unknown key) it describes the mapping, which the message already names.
        let structural: Set<String> = ["required", "dependentRequired", "additionalProperties", "unevaluatedProperties"]
        if let description = node.description, node.launchc(keyword).message == nil, !structural.contains(keyword),
           description.count <= 120 {
            notes.append(Note(description))
        }
        if let schemaName { notes.append(Note("required by \(schemaName)#\(node.location.pointer)")) }
        return notes
    }

    static func id(for keyword: String) -> DiagnosticID {
        switch keyword {
        case "type": return .schemaType
        case "required": return .schemaRequired
        case "additionalProperties", "unevaluatedProperties": return .schemaUnknownKey
        case "enum", "const": return .schemaValue
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf": return .schemaRange
        case "minLength", "maxLength", "pattern": return .schemaString
        case "minItems", "maxItems", "uniqueItems", "contains", "maxContains", "unevaluatedItems": return .schemaArray
        case "minProperties", "maxProperties", "dependentRequired": return .schemaObject
        case "anyOf", "oneOf": return .schemaNoForm
        default: return .schemaForbidden
        }
    }

    /// Where to show a finding about the mapping or list at `pointer`, and how to name it: the key
    /// that holds it ("'ResourceConfig'"), else its first key ("item 0 of 'InputDataConfig'",
    /// "the document").
    func anchor(_ pointer: JSONPointer) -> (range: SourceRange?, place: String) {
        if let key = keyRange(of: pointer) { return (key, Self.place(pointer)) }
        if case .object(let members)? = root.resolve(pointer)?.value, let first = members.first {
            return (first.keyRange, Self.place(pointer))
        }
        return (nil, Self.place(pointer))
    }

    /// The range of the key under which the node at `pointer` sits, when its parent is a mapping.
    func keyRange(of pointer: JSONPointer) -> SourceRange? {
        guard let last = pointer.tokens.last else { return nil }
        guard case .object(let members)? = root.resolve(JSONPointer(tokens: Array(pointer.tokens.dropLast())))?.value else { return nil }
        return members.first { $0.key == last }?.keyRange
    }

    /// Property names a schema knows, including through `$ref` and the `allOf`/`anyOf`/`oneOf`
    /// around them.
    func knownKeys(_ index: Int, depth: Int = 0) -> [String] {
        guard depth < 4 else { return [] }
        let node = set.nodes[index]
        var keys = node.properties.map(\.0)
        for sub in node.allOf + node.anyOf + node.oneOf + [node.ref, node.dynamicRef].compactMap({ $0 }) {
            keys += knownKeys(sub, depth: depth + 1)
        }
        return keys
    }

    // MARK: Suggestions

    /// The nearest key: the same up to case, `_` and `-` first; else within a small edit distance,
    /// and only when one candidate is nearest.
    static func nearest(_ key: String, among candidates: [String]) -> String? {
        let unique = Array(Set(candidates)).sorted()
        let folded = fold(key)
        let same = unique.filter { fold($0) == folded }
        if same.count == 1 { return same[0] }
        // One edit in three characters; keys of one or two letters get no distance-based guess.
        let limit = key.count / 3
        guard limit > 0 else { return nil }
        let scored = unique.map { ($0, distance(key.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        guard let best = scored.map(\.1).min() else { return nil }
        let winners = scored.filter { $0.1 == best }
        return winners.count == 1 ? winners[0].0 : nil
    }

    /// Lowercased, without `_` and `-`: `workerPoolSpecs`, `worker_pool_specs` and `Worker-Pool-Specs` agree.
    static func fold(_ key: String) -> String {
        // ASCII keys (nearly all) by bytes; others through Unicode lower-casing.
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return String(key.lowercased().filter { $0 != "_" && $0 != "-" }) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        for b in key.utf8 where b != 0x5F && b != 0x2D { bytes.append((0x41...0x5A).contains(b) ? b + 0x20 : b) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The replacement text for a key, keeping its quoting style.
    static func renamed(_ original: String, to key: String) -> String {
        if original.hasPrefix("\"") { return "\"\(key)\"" }
        if original.hasPrefix("'") { return "'\(key)'" }
        return key
    }
}

extension String {
    fileprivate func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        split(separator: placeholder, omittingEmptySubsequences: false).joined(separator: value)
    }
}
