/// Builds documents from libyaml's events: YAML 1.2 core-schema scalars, core tags, anchors
/// and aliases, merge keys, duplicate-key errors, and the limits on depth and alias expansion.
///
/// The composer keeps open collections on an explicit stack rather than recursing, so nesting
/// depth costs heap, not stack, up to `Limits.maxDepth`. Each level's buffers are reused by the
/// next collection at that level, and a finished collection gets an array of exactly its size:
/// no regrowth on the way, no slack in the tree.
enum YAMLParser {
    static func parse(_ file: SourceFile, limits: Limits) -> ParseResult {
        let bom = file.byteOrderMarkLength
        var composer = YAMLComposer(file: file, limits: limits)
        file.bytes.withUnsafeBufferPointer { all in
            let input = UnsafeBufferPointer(rebasing: all[bom...])
            let reader = LibYAMLEventReader(input: input, base: bom)
            composer.run(reader)
        }
        return ParseResult(file: file, format: .yaml, documents: composer.documents, diagnostics: composer.diagnostics.diagnostics)
    }
}

private struct YAMLComposer {
    let file: SourceFile
    let limits: Limits
    var documents: [ParsedDocument] = []
    var diagnostics = DiagnosticCollector()

    enum KeySlot {
        case key(String, SourceRange)
        case merge(SourceRange)
        /// A key that was reported as an error; its value is read and dropped.
        case invalid
    }

    struct Frame {
        enum Kind { case sequence, mapping }
        var kind: Kind
        var start: Int
        var anchor: String?
        var items: [Node] = []
        var members: [Member] = []
        /// Merged mappings and the member index they were written at.
        var merges: [(at: Int, members: [Member])] = []
        var key: KeySlot?
        /// Key → member index, kept once a mapping is large enough for linear search to cost.
        var keyIndex: [ScalarKey: Int] = [:]
        /// Nodes in this subtree so far, aliases counted at their expanded size.
        var size = 1
    }

    /// Open collections are `stack[0..<depth]`; frames past `depth` are kept for their buffers.
    var stack: [Frame] = []
    var depth = 0
    var anchors: [String: (node: Node, size: Int)] = [:]
    var documentStart = 0
    var documentCount = 0
    var root: Node?
    var aliasNodes = 0
    var stopped = false

    init(file: SourceFile, limits: Limits) {
        self.file = file
        self.limits = limits
    }

    func span(_ range: SourceRange) -> SourceSpan { SourceSpan(file: file, range: range) }

    mutating func run(_ reader: LibYAMLEventReader) {
        while !stopped {
            switch reader.next() {
            case .failure(let error):
                report(error)
                return
            case .success(let event):
                if case .streamEnd = event { return }
                handle(event)
            }
        }
    }

    mutating func handle(_ event: YAMLEvent) {
        switch event {
        case .streamStart, .streamEnd:
            break
        case .documentStart(let start):
            documentCount += 1
            if documentCount > limits.maxDocuments {
                diagnostics.emit(Diagnostic(
                    .yamlTooManyDocuments, "the stream holds more than \(Limits.grouped(limits.maxDocuments)) documents", at: span(.at(start)),
                    fixIts: [FixIt("split the stream into files, or raise the limit with --limit documents=N")]))
                stopped = true
                return
            }
            documentStart = start
            anchors = [:]
            aliasNodes = 0
            root = nil
        case .documentEnd:
            if let root { documents.append(ParsedDocument(root: root, start: documentStart)) }
        case let .scalar(text, anchor, tag, style, range):
            if text.utf8.count > limits.maxScalarBytes {
                diagnostics.emit(Limits.scalarTooLong(text.utf8.count, limits: limits, at: span(range), pointer: pointer))
                stopped = true
                return
            }
            if awaitingKey {
                key(text: text, tag: tag, style: style, range: range, anchor: anchor)
            } else {
                let node = scalar(text: text, tag: tag, style: style, range: range)
                // A long string weighs one node per KiB, so that aliases of it count its bytes.
                let size = 1 + text.utf8.count / 1024
                if let anchor { anchors[anchor] = (node, size) }
                complete(node, size: size)
            }
        case let .alias(name, range):
            alias(name, range: range)
        case let .sequenceStart(anchor, tag, range):
            open(.sequence, anchor: anchor, tag: tag, range: range)
        case let .mappingStart(anchor, tag, range):
            open(.mapping, anchor: anchor, tag: tag, range: range)
        case .sequenceEnd(let end):
            guard depth > 0 else { return }
            depth -= 1
            let items = Self.take(&stack[depth].items, placeholder: Self.placeholderNode)
            close(stack[depth], value: .array(items), end: end)
        case .mappingEnd(let end):
            guard depth > 0 else { return }
            depth -= 1
            let members: [Member]
            if stack[depth].merges.isEmpty {
                members = Self.take(&stack[depth].members, placeholder: Self.placeholderMember)
            } else {
                members = mergedMembers(stack[depth])
                stack[depth].members.removeAll(keepingCapacity: true)
                stack[depth].merges.removeAll(keepingCapacity: true)
            }
            stack[depth].keyIndex.removeAll(keepingCapacity: true)
            close(stack[depth], value: .object(members), end: end)
        }
    }

    var awaitingKey: Bool {
        guard depth > 0 else { return false }
        return stack[depth - 1].kind == .mapping && stack[depth - 1].key == nil
    }

    /// Where the node about to be completed sits in the document.
    var pointer: JSONPointer {
        var tokens: [String] = []
        for frame in stack[..<depth] {
            switch frame.kind {
            case .sequence: tokens.append(String(frame.items.count))
            case .mapping:
                if case .key(let key, _)? = frame.key { tokens.append(key) }
            }
        }
        return JSONPointer(tokens: tokens)
    }

    // MARK: Collections

    mutating func open(_ kind: Frame.Kind, anchor: String?, tag: String?, range: SourceRange) {
        if depth >= limits.maxDepth {
            diagnostics.emit(Diagnostic(
                .nestingTooDeep, "nesting is deeper than \(limits.maxDepth) levels", at: span(SourceRange(start: range.start, end: range.start + 1)),
                pointer: pointer, fixIts: [FixIt("flatten the structure; real configuration nests a few dozen levels at most")]))
            stopped = true
            return
        }
        if let tag {
            let expected = kind == .sequence ? "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map"
            if tag != expected && tag != "!" {
                let what = kind == .sequence ? "sequence" : "mapping"
                if Self.coreScalarTags.contains(tag) || tag == "tag:yaml.org,2002:seq" || tag == "tag:yaml.org,2002:map" {
                    diagnostics.emit(Diagnostic(.yamlTagMismatch, "a \(what) cannot have the tag '\(Self.display(tag))'",
                                                at: span(range), pointer: pointer, fixIts: [FixIt("remove the tag")]))
                } else {
                    unknownTag(tag, range: range)
                }
            }
        }
        if let anchor, anchors[anchor] != nil {
            // Redefining an anchor is legal YAML; the new node replaces the old from here on.
            anchors[anchor] = nil
        }
        if depth < stack.count {
            stack[depth].kind = kind
            stack[depth].start = range.start
            stack[depth].anchor = anchor
            stack[depth].key = nil
            stack[depth].size = 1
        } else {
            stack.append(Frame(kind: kind, start: range.start, anchor: anchor))
        }
        depth += 1
    }

    mutating func close(_ frame: Frame, value: Value, end: Int) {
        let node = Node(value, range: SourceRange(start: frame.start, end: end))
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
        if awaitingKey {
            diagnostics.emit(Diagnostic(
                .yamlNonStringKey, "mapping key is a \(frame.kind == .sequence ? "sequence" : "mapping"); keys must be strings",
                at: span(node.range), pointer: pointer, fixIts: [FixIt("use a string key")]))
            stack[depth - 1].key = .invalid
            return
        }
        complete(node, size: frame.size)
    }

    /// Hands a finished value to the collection it belongs to, or makes it the document root.
    mutating func complete(_ node: Node, size: Int) {
        guard depth > 0 else {
            root = node
            return
        }
        let top = depth - 1
        stack[top].size += size
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            let slot = stack[top].key
            stack[top].key = nil
            switch slot {
            case .key(let key, let keyRange)?:
                addMember(Member(key: key, keyRange: keyRange, value: node))
            case .merge(let range)?:
                merge(node, keyRange: range)
            case .invalid?, nil:
                break
            }
        }
    }

    mutating func addMember(_ member: Member) {
        let top = depth - 1
        if let first = indexOfKey(member.key) {
            let firstRange = stack[top].members[first].keyRange
            diagnostics.emit(Diagnostic(
                .duplicateKey, "duplicate key '\(member.key)'", at: span(member.keyRange),
                pointer: pointer.appending(member.key),
                notes: [Note("'\(member.key)' is first defined here", at: span(firstRange))],
                fixIts: [FixIt("remove one of the two; YAML readers keep only the last value")]))
            // PyYAML, which the W&B agent uses, keeps the first key's place and the last value.
            stack[top].members[first].value = member.value
            return
        }
        stack[top].members.append(member)
        let count = stack[top].members.count
        if count == Self.indexThreshold {
            for (i, m) in stack[top].members.enumerated() { stack[top].keyIndex[ScalarKey(m.key)] = i }
        } else if count > Self.indexThreshold {
            stack[top].keyIndex[ScalarKey(member.key)] = count - 1
        }
    }

    static let indexThreshold = 12

    static let placeholderNode = Node(.null, range: .at(0))
    static let placeholderMember = Member(key: "", keyRange: .at(0), value: placeholderNode)

    /// Moves a scratch buffer's elements into an array of exactly their number and leaves the
    /// buffer empty but with its capacity. The elements move without retain or release; the
    /// slots they leave get a placeholder that holds no references, for `removeAll` to drop.
    static func take<T>(_ scratch: inout [T], placeholder: T) -> [T] {
        let n = scratch.count
        guard n > 0 else { return [] }
        let result = scratch.withUnsafeMutableBufferPointer { source in
            [T](unsafeUninitializedCapacity: n) { buffer, count in
                buffer.baseAddress!.moveInitialize(from: source.baseAddress!, count: n)
                source.baseAddress!.initialize(repeating: placeholder, count: n)
                count = n
            }
        }
        scratch.removeAll(keepingCapacity: true)
        return result
    }

    func indexOfKey(_ key: String) -> Int? {
        let top = depth - 1
        if stack[top].members.count >= Self.indexThreshold { return stack[top].keyIndex[ScalarKey(key)] }
        return stack[top].members.firstIndex { $0.key.hasSameScalars(as: key) }
    }

    // MARK: Merge keys

    mutating func merge(_ node: Node, keyRange: SourceRange) {
        let top = depth - 1
        var sources: [[Member]] = []
        switch node.value {
        case .object(let members):
            sources = [members]
        case .array(let items):
            let objects = items.filter { if case .object = $0.value { return true } else { return false } }
            if objects.isEmpty && !items.isEmpty {
                // A list with no mapping at all (often an aliased list): one finding at the value.
                invalidMerge(node, pointer: pointer.appending("<<"))
                return
            }
            for (i, item) in items.enumerated() {
                guard case .object(let members) = item.value else {
                    invalidMerge(item, pointer: pointer.appending("<<").appending(i))
                    continue
                }
                sources.append(members)
            }
        default:
            invalidMerge(node, pointer: pointer.appending("<<"))
            return
        }
        // Earlier mappings in a list win over later ones.
        var merged: [Member] = []
        var seen = Set<ScalarKey>()
        for source in sources {
            for member in source where seen.insert(ScalarKey(member.key)).inserted {
                merged.append(member)
            }
        }
        stack[top].merges.append((at: stack[top].members.count, members: merged))
    }

    mutating func invalidMerge(_ node: Node, pointer: JSONPointer) {
        diagnostics.emit(Diagnostic(
            .yamlInvalidMerge, "merge key '<<' needs a mapping or a list of mappings, not \(Self.describeKind(node.value))",
            at: span(node.range), pointer: pointer,
            fixIts: [FixIt("merge an anchored mapping ('<<: *defaults'), or list several ('<<: [*a, *b]')")]))
    }

    /// The mapping's members with merged ones in place of their `<<`; explicit keys win.
    func mergedMembers(_ frame: Frame) -> [Member] {
        guard !frame.merges.isEmpty else { return frame.members }
        var seen = Set(frame.members.map { ScalarKey($0.key) })
        var result: [Member] = []
        var next = 0
        for index in 0...frame.members.count {
            while next < frame.merges.count && frame.merges[next].at == index {
                for member in frame.merges[next].members where seen.insert(ScalarKey(member.key)).inserted {
                    result.append(member)
                }
                next += 1
            }
            if index < frame.members.count { result.append(frame.members[index]) }
        }
        return result
    }

    // MARK: Aliases

    mutating func alias(_ name: String, range: SourceRange) {
        if stack[..<depth].contains(where: { $0.anchor == name }) && anchors[name] == nil {
            diagnostics.emit(Diagnostic(
                .yamlRecursiveAlias, "alias '*\(name)' refers to a node that contains it", at: span(range),
                pointer: pointer, fixIts: [FixIt("an anchored node cannot include itself; copy the part you need")]))
            complete(Node(.null, range: range), size: 1)
            return
        }
        guard let (anchored, size) = anchors[name] else {
            diagnostics.emit(Diagnostic(
                .yamlUndefinedAlias, "alias '*\(name)' refers to no anchor '&\(name)' defined before it", at: span(range),
                pointer: pointer, fixIts: [FixIt("define '&\(name)' on a node earlier in the same document")]))
            complete(Node(.null, range: range), size: 1)
            return
        }
        aliasNodes += size
        if aliasNodes > limits.maxAliasNodes {
            diagnostics.emit(Diagnostic(
                .yamlAliasExpansion, "aliases expand to more than \(Limits.grouped(limits.maxAliasNodes)) nodes", at: span(range),
                pointer: pointer, notes: [Note("a few nested aliases can stand for billions of nodes (a \"billion laughs\" document)")]))
            stopped = true
            return
        }
        if awaitingKey {
            let top = depth - 1
            switch anchored.value {
            case .string(let s): stack[top].key = .key(s, range)
            case .array, .object:
                diagnostics.emit(Diagnostic(
                    .yamlNonStringKey, "mapping key '*\(name)' is a \(anchored.value.typeName == "array" ? "sequence" : "mapping"); keys must be strings",
                    at: span(range), pointer: pointer, fixIts: [FixIt("use a string key")]))
                stack[top].key = .invalid
            default:
                stack[top].key = .key(CanonicalJSON.string(anchored, indent: nil), range)
            }
            return
        }
        complete(Node(anchored.value, range: range), size: size)
    }

    // MARK: Scalars

    mutating func key(text: String, tag: String?, style: YAMLEvent.ScalarStyle, range: SourceRange, anchor: String?) {
        let top = depth - 1
        if style == .plain && tag == nil && text.utf8.count == 2 && text == "<<" {
            stack[top].key = .merge(range)
            return
        }
        if let tag, tag != "!" && tag != "tag:yaml.org,2002:str" {
            if !Self.coreScalarTags.contains(tag) { unknownTag(tag, range: range) }
        } else if style == .plain && tag == nil {
            checkYAML11(text, range: range, key: text)
        }
        if let anchor { anchors[anchor] = (Node(.string(text), range: range), 1 + text.utf8.count / 1024) }
        stack[top].key = .key(text, range)
    }

    mutating func scalar(text: String, tag: String?, style: YAMLEvent.ScalarStyle, range: SourceRange) -> Node {
        guard let tag, tag != "!" else {
            if style != .plain || tag == "!" { return Node(.string(text), range: range) }
            return Node(plain(text, range: range, tag: nil), range: range)
        }
        switch tag {
        case "tag:yaml.org,2002:str":
            return Node(.string(text), range: range)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            return Node(plain(text, range: range, tag: tag), range: range)
        case "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq":
            diagnostics.emit(Diagnostic(.yamlTagMismatch, "a scalar cannot have the tag '\(Self.display(tag))'",
                                        at: span(range), pointer: pointer, fixIts: [FixIt("remove the tag")]))
            return Node(.string(text), range: range)
        default:
            unknownTag(tag, range: range)
            return Node(style == .plain ? plain(text, range: range, tag: nil) : .string(text), range: range)
        }
    }

    /// A plain scalar (tag nil), or a scalar with a core scalar tag that must match its form.
    mutating func plain(_ text: String, range: SourceRange, tag: String?) -> Value {
        let resolved = CoreSchema.resolve(text)
        switch resolved {
        case .integerOutOfRange:
            diagnostics.emit(Diagnostic(
                .integerOutOfRange, "integer \(Self.abbreviate(text)) does not fit in 64 bits", at: span(range), pointer: pointer,
                fixIts: [FixIt("quote it if it is an identifier rather than a number", edits: [TextEdit(range: range, replacement: Self.quoted(text))])]))
            return .string(text)
        case .numberOutOfRange:
            diagnostics.emit(Diagnostic(.numberOutOfRange, "number \(Self.abbreviate(text)) is too large for a 64-bit float",
                                        at: span(range), pointer: pointer))
            return .string(text)
        case .value(let value):
            guard let tag else {
                if YAML11.mayDiffer(text) { checkYAML11(text, value: value, range: range, key: nil) }
                return value
            }
            switch (tag, value) {
            case ("tag:yaml.org,2002:int", .integer), ("tag:yaml.org,2002:float", .number),
                 ("tag:yaml.org,2002:bool", .bool), ("tag:yaml.org,2002:null", .null):
                return value
            case ("tag:yaml.org,2002:float", .integer(let i)):
                return .number(Double(i))
            default:
                diagnostics.emit(Diagnostic(
                    .yamlTagMismatch, "'\(Self.abbreviate(text))' is not a valid \(Self.display(tag))", at: span(range), pointer: pointer,
                    fixIts: [FixIt("write \(Self.tagExample(tag)), or remove the tag")]))
                return .string(text)
            }
        }
    }

    mutating func unknownTag(_ tag: String, range: SourceRange) {
        diagnostics.emit(Diagnostic(
            .yamlUnknownTag, "unknown tag '\(Self.display(tag))'", at: span(SourceRange(start: range.start, end: range.start + Self.display(tag).utf8.count)),
            pointer: pointer,
            notes: [Note("launchc reads plain data: !!str, !!int, !!float, !!bool, !!null, !!map and !!seq")],
            fixIts: [FixIt("remove the tag, or quote the value to keep it as text")]))
    }

    // MARK: YAML 1.1

    /// - Parameter key: set when the scalar is a mapping key (its pointer then ends in it).
    mutating func checkYAML11(_ text: String, range: SourceRange, key: String) {
        guard YAML11.mayDiffer(text), case .value(let value) = CoreSchema.resolve(text) else { return }
        checkYAML11(text, value: value, range: range, key: key)
    }

    mutating func checkYAML11(_ text: String, value: Value, range: SourceRange, key: String?) {
        let old = YAML11.read(text)
        let same: Bool
        switch (value, old) {
        case (.null, .null), (.string, .string): same = true
        case let (.bool(a), .bool(b)): same = a == b
        case let (.integer(a), .integer(b)): same = a == b
        case let (.number(a), .float(b)): same = a == b || (a.isNaN && b.isNaN)
        default: same = false
        }
        if same { return }
        let message = "'\(text)' is \(Self.describe(value)) in YAML 1.2 but \(Self.describe(old)) in YAML 1.1 (PyYAML)"
        var fixIts: [FixIt] = []
        switch value {
        case .string:
            fixIts.append(FixIt("quote it to keep the string in every YAML version", edits: [TextEdit(range: range, replacement: Self.quoted(text))], safe: true))
            if case .bool(let b) = old { fixIts.append(FixIt("or write \(b) if a boolean is meant")) }
        case .integer(let i):
            fixIts.append(FixIt("write \(i), which every YAML version reads the same", edits: [TextEdit(range: range, replacement: String(i))]))
        case .number(let d):
            var text = d.description
            if !text.contains(".") && !text.contains("n") { text = text.replacingFirstE(with: ".0e") }
            fixIts.append(FixIt("write \(text), which every YAML version reads the same", edits: [TextEdit(range: range, replacement: text)]))
        default:
            break
        }
        let at = key.map { pointer.appending($0) } ?? pointer
        diagnostics.emit(Diagnostic(.yaml11Ambiguity, message, at: span(range), pointer: at, fixIts: fixIts))
    }

    // MARK: Syntax errors

    mutating func report(_ error: YAMLSyntaxError) {
        let bytes = file.bytes
        let at = min(error.problemOffset, bytes.count)
        let char = at < bytes.count ? bytes[at] : nil
        let width = char.map { $0 < 0x80 ? 1 : $0 < 0xE0 ? 2 : $0 < 0xF0 ? 3 : 4 } ?? 0
        let problemSpan = span(SourceRange(start: at, end: at + (char == 0x0A || char == 0x0D ? 0 : width)))
        let path = pointer
        if char == 0x09 && error.problem.contains("cannot start any token") {
            diagnostics.emit(Diagnostic(.yamlTabIndentation, "tab character in indentation", at: problemSpan, pointer: path,
                                        fixIts: [FixIt("indent with spaces; YAML does not allow tabs for indentation")]))
            return
        }
        if error.problem == "found unexpected end of stream", let context = error.context, context.contains("quoted scalar"),
           let open = error.contextOffset {
            diagnostics.emit(Diagnostic(
                .yamlSyntax, "unterminated quoted string", at: span(SourceRange(start: open, end: open + 1)), pointer: path,
                notes: [Note("the file ends here, before the closing quote", at: span(.at(at)))],
                fixIts: [FixIt("add the closing quote")]))
            return
        }
        var notes: [Note] = []
        if let context = error.context, let offset = error.contextOffset, offset != at {
            notes.append(Note("\(Self.contextPhrase(context)) that starts here", at: span(.at(offset))))
        }
        var fixIts: [FixIt] = []
        var message = error.problem
        let line = Self.line(of: at, in: file.bytes)
        if let context = error.context, context.contains("flow"), line.contains("${") {
            fixIts.append(FixIt("quote values that hold ${…} macros inside [ ] or { }: there '{' and '}' are YAML syntax"))
        } else if error.problem.contains("mapping values are not allowed") {
            fixIts.append(FixIt("if ': ' belongs to the value, quote the value; if this line starts a new key, indent it like the keys beside it"))
        } else if error.problem == "control characters are not allowed", let char {
            let scalar = String(decoding: file.bytes[at..<min(at + width, bytes.count)], as: UTF8.self).unicodeScalars.first
            let hex = String(scalar?.value ?? UInt32(char), radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            message = "control character U+\(code) is not allowed in YAML"
            fixIts.append(FixIt("remove it, or write it as an escape (\"\\u\(code)\") inside a double-quoted string"))
        }
        diagnostics.emit(Diagnostic(.yamlSyntax, message, at: problemSpan, pointer: path, notes: notes, fixIts: fixIts))
    }

    /// The text of the line holding `offset`.
    static func line(of offset: Int, in bytes: [UInt8]) -> String {
        var start = min(offset, bytes.count)
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = min(offset, bytes.count)
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// "while parsing a block mapping" → "in the block mapping".
    static func contextPhrase(_ context: String) -> String {
        for prefix in ["while parsing a ", "while parsing an ", "while scanning a ", "while scanning an "]
        where context.hasPrefix(prefix) {
            return "in the " + context.dropFirst(prefix.count)
        }
        return context
    }

    // MARK: Wording

    static let coreScalarTags: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    ]

    /// `tag:yaml.org,2002:int` → `!!int`, as it is written in files.
    static func display(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    static func tagExample(_ tag: String) -> String {
        switch tag {
        case "tag:yaml.org,2002:int": return "an integer such as 8"
        case "tag:yaml.org,2002:float": return "a number such as 0.5"
        case "tag:yaml.org,2002:bool": return "true or false"
        default: return "null or ~"
        }
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return "the boolean \(b)"
        case .integer(let i): return "the integer \(i)"
        case .number(let d): return "the number \(d)"
        case .string: return "a string"
        case .array: return "a sequence"
        case .object: return "a mapping"
        }
    }

    static func describe(_ reading: YAML11.Reading) -> String {
        switch reading {
        case .null: return "null"
        case .bool(let b): return "the boolean \(b)"
        case .integer(let i?): return "the integer \(i)"
        case .integer(nil): return "an integer too large for 64 bits"
        case .float(let d): return "the number \(d)"
        case .timestamp: return "a date"
        case .string: return "a string"
        }
    }

    /// "a string", "an integer", "a list of strings".
    static func describeKind(_ value: Value) -> String {
        func article(_ word: String) -> String {
            (word.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + word
        }
        switch value {
        case .array(let items):
            let kinds = Set(items.map(\.value.typeName))
            return kinds.count == 1 ? "a list of \(kinds.first!)s" : "a list"
        case .object: return "a mapping"
        default: return article(value.typeName)
        }
    }

    /// Quoting that keeps the text exactly: single quotes unless the text has one.
    static func quoted(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        return "\"" + text.replacingBackslashesAndQuotes() + "\""
    }

    static func abbreviate(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for ch in unicodeScalars {
            if ch == "\\" || ch == "\"" { out += "\\" }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    fileprivate func replacingFirstE(with replacement: String) -> String {
        guard let e = firstIndex(where: { $0 == "e" || $0 == "E" }) else { return self + ".0" }
        return self[..<e] + replacement + self[index(after: e)...]
    }
}
