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
    /// `root`'s nodes by pointer, so that many findings in one mapping cost one look-up each.
    let index: NodeIndex
    /// What is worth computing once per run rather than once per finding.
    let cache = Cache()

    final class Cache {
        var suggestions: [Int: Suggestions] = [:]
    }

    public init(set: SchemaSet, file: SourceFile, root: Node, schemaName: String? = nil, prefix: JSONPointer = .root) {
        self.set = set
        self.file = file
        self.root = root
        self.schemaName = schemaName
        self.prefix = prefix
        self.index = NodeIndex(root)
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
        case .tooCostly(let node, let pointer, let range, let steps):
            let location = set.nodes[node].location
            return Diagnostic(.schemaTooCostly,
                              "evaluating the schema took more than \(Limits.grouped(steps)) subschema evaluations, reaching \(Self.place(pointer)); not decided, so it fails",
                              at: SourceSpan(file: file, range: range), pointer: pointer,
                              notes: [Note("in \(schemaName ?? location.document)#\(location.pointer)")],
                              fixIts: [FixIt("avoid anyOf/oneOf branches that repeat the same references, or raise the limit with --limit schema-steps=N")])
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
        guard let instance = index.node(at: failure.pointer) else { return nil }
        if case .object(let members) = instance.value {
            for member in members {
                // The values each branch allows for this key, when every branch fixes them.
                let allowed = failure.branches.map { branch -> [Value]? in
                    guard let (_, sub) = set.nodes[branch.schema].properties.first(where: { $0.0.hasSameScalars(as: member.key) }) else { return nil }
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
        // Problems every form has are the ones to fix, whichever form was meant: looked up by
        // place and message in a set per form, so that forms with thousands of failures each
        // (one per item of a long list) cost linear time.
        struct Problem: Hashable { let pointer: JSONPointer; let message: ScalarKey }
        let others = fitting.dropFirst().map { Set($0.failures.map { Problem(pointer: $0.pointer, message: ScalarKey($0.message)) }) }
        let common = fitting[0].failures.filter { f in
            let problem = Problem(pointer: f.pointer, message: ScalarKey(f.message))
            return others.allSatisfy { $0.contains(problem) }
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
            let parent = JSONPointer(tokens: Array(failure.pointer.tokens.dropLast()))
            // A suggestion the mapping already has would only make a duplicate.
            // Only a near match is safe to apply: an alias is a guess at what was meant.
            let alias = node.aliases[key]
            if let suggestion = alias ?? suggestions(forKeysOf: failure.schema).nearest(key),
               index.member(suggestion, at: parent) == nil {
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
            if case .string(let text)? = index.node(at: failure.pointer)?.value,
               let options = node.enumValues?.compactMap({ v -> String? in if case .string(let s) = v { s } else { nil } }),
               let suggestion = Self.nearest(text, among: options) {
                message += "; did you mean '\(suggestion)'?"
                // The one option near enough is safe to write (`p3.2xlarge`: `ml.p3.2xlarge`).
                fixIts.append(FixIt("write '\(suggestion)'", edits: [TextEdit(range: range, replacement: Self.renamed(file.text(in: range), to: suggestion))],
                                    safe: true))
            }
        case "type":
            // A number or boolean where only text goes (SageMaker's HyperParameters, an env
            // value) means its text: quoting it is the one fix.
            if node.types == .string, let instance = index.node(at: failure.pointer), instance.range == failure.range, !failure.range.isEmpty,
               instance.value.isNumberOrBoolean {
                let written = file.text(in: failure.range)
                fixIts.append(FixIt("quote it: \"\(written)\"", edits: [TextEdit(range: failure.range, replacement: "\"\(written)\"")], safe: true))
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
               let instance = index.node(at: failure.pointer) {
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
           let instance = index.node(at: failure.pointer), instance.range == failure.range {
            switch instance.value {
            case .object, .array: range = anchor(failure.pointer).range ?? range
            default: break
            }
        }
        if case .string(let text)? = index.node(at: failure.pointer)?.value, Self.isPlaceholder(text) {
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
        if case .object(let members)? = index.node(at: pointer)?.value, let first = members.first {
            return (first.keyRange, Self.place(pointer))
        }
        return (nil, Self.place(pointer))
    }

    /// The range of the key under which the node at `pointer` sits, when its parent is a mapping.
    func keyRange(of pointer: JSONPointer) -> SourceRange? {
        guard let last = pointer.tokens.last else { return nil }
        return index.member(last, at: JSONPointer(tokens: Array(pointer.tokens.dropLast())))?.keyRange
    }

    /// The suggestions for unknown keys of subschema `index`, prepared once per subschema.
    func suggestions(forKeysOf index: Int) -> Suggestions {
        if let known = cache.suggestions[index] { return known }
        let made = Suggestions(knownKeys(index))
        cache.suggestions[index] = made
        return made
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
        Suggestions(candidates).nearest(key)
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
        Suggestions.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: Int.max)
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

/// "Did you mean" for one set of candidates (a schema's keys, an enum's values), prepared once:
/// the candidates sorted and unique, by folded form, and lowercased as scalars, so that each
/// query costs a hash and, at most, a distance bounded by its limit per candidate of a fitting
/// length.
struct Suggestions {
    private let candidates: [String]
    private var byFold: [ScalarKey: [String]] = [:]
    private let lowered: [[UInt32]]
    /// Each candidate's scalars counted into 32 buckets, for a cheap lower bound on the distance.
    private let histograms: [Histogram]
    private let longest: Int
    /// Each candidate's words (split at `_`, `-`, `.`, `/`), lowercased.
    private let tokens: [[Substring]]

    init(_ candidates: [String]) {
        self.candidates = Array(Set(candidates.map { ScalarKey($0) })).map(\.string).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for candidate in self.candidates { byFold[ScalarKey(SchemaDiagnostics.fold(candidate)), default: []].append(candidate) }
        lowered = self.candidates.map { candidate in candidate.lowercased().unicodeScalars.map { $0.value } }
        histograms = lowered.map(Histogram.init)
        longest = lowered.reduce(0) { max($0, $1.count) }
        tokens = self.candidates.map(Self.words)
    }

    static func words(_ text: String) -> [Substring] {
        Substring(text.lowercased()).split { $0 == "_" || $0 == "-" || $0 == "." || $0 == "/" }
    }

    /// The one candidate that holds all of the key's words, in order, and more (`NVIDIA_T4`:
    /// `NVIDIA_TESLA_T4`, never the nearer `NVIDIA_L4`; `p3.2xlarge`: `ml.p3.2xlarge`).
    func containing(_ key: String) -> String? {
        let wanted = Self.words(key)
        guard wanted.count >= 2 else { return nil }
        var found: String?
        for (i, words) in tokens.enumerated() where words.count > wanted.count {
            var next = wanted.startIndex
            for word in words where next < wanted.endIndex && word == wanted[next] { next += 1 }
            guard next == wanted.endIndex else { continue }
            if found != nil { return nil }
            found = candidates[i]
        }
        return found
    }

    /// Scalars counted by bucket (value modulo 32, each count saturating at 255). An edit
    /// changes at most one count up and one down, so the larger of the two one-sided
    /// differences bounds the edit distance from below (saturation only makes differences
    /// smaller): a candidate whose bound exceeds the best distance so far needs no table.
    struct Histogram {
        var counts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        init(_ scalars: [UInt32]) {
            withUnsafeMutableBytes(of: &counts) { raw in
                for s in scalars where raw[Int(s & 31)] < 255 { raw[Int(s & 31)] += 1 }
            }
        }

        func bound(_ other: Histogram) -> Int {
            withUnsafeBytes(of: counts) { a in
                withUnsafeBytes(of: other.counts) { b in
                    var more = 0
                    var fewer = 0
                    for i in 0..<32 {
                        let d = Int(a[i]) - Int(b[i])
                        if d > 0 { more += d } else { fewer -= d }
                    }
                    return max(more, fewer)
                }
            }
        }
    }

    /// The same key up to case, `_` and `-` first; then the one candidate that holds all its
    /// words; else the one candidate within one edit per three characters that is nearer than
    /// all others; else nil.
    func nearest(_ key: String) -> String? {
        if let same = byFold[ScalarKey(SchemaDiagnostics.fold(key))], same.count == 1 { return same[0] }
        if let containing = containing(key) { return containing }
        let closest = self.closest(key)
        return closest.count == 1 ? closest[0] : nil
    }

    /// The candidates within one edit per three characters that are nearest, in order (several
    /// when they tie: `us-est-1` is one edit from both `us-east-1` and `us-west-1`).
    func closest(_ key: String) -> [String] {
        // One edit in three characters; keys of one or two letters get no distance-based guess.
        let limit = key.count / 3
        guard limit > 0 else { return [] }
        let wanted = key.lowercased().unicodeScalars.map { $0.value }
        var best = limit + 1
        var winners: [String] = []
        // Two rows, made once for all candidates.
        var rows = [Int](repeating: 0, count: 2 * longest + 2)
        let histogram = Histogram(wanted)
        for (i, candidate) in lowered.enumerated() where abs(candidate.count - wanted.count) <= min(limit, best) {
            guard histogram.bound(histograms[i]) <= best else { continue }
            let d = Self.distance(wanted, candidate, limit: best, rows: &rows)
            if d < best {
                (best, winners) = (d, [candidates[i]])
            } else if d == best && d <= limit {
                winners.append(candidates[i])
            }
        }
        return best <= limit ? winners : []
    }

    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        var rows = [Int](repeating: 0, count: 2 * y.count + 2)
        return distance(x.map(\.value), y.map(\.value), limit: limit, rows: &rows)
    }

    /// Levenshtein distance over scalar values, or any value above `limit` once it is certain
    /// to exceed it; `rows` holds at least `2 * (y.count + 1)` cells of scratch.
    static func distance(_ x: [UInt32], _ y: [UInt32], limit: Int, rows: inout [Int]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        return rows.withUnsafeMutableBufferPointer { buffer -> Int in
            var previous = buffer.baseAddress!
            var current = previous + width
            for j in 0...y.count { previous[j] = j }
            for i in 1...x.count {
                current[0] = i
                var rowMinimum = i
                let xi = x[i - 1]
                for j in 1...y.count {
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (xi == y[j - 1] ? 0 : 1))
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return previous[y.count]
        }
    }
}
