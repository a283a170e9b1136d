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

struct YAMLComposer {
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
}

extension String {
    func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for ch in unicodeScalars {
            if ch == "\\" || ch == "\"" { out += "\\" }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    func replacingFirstE(with replacement: String) -> String {
        guard let e = firstIndex(where: { $0 == "e" || $0 == "E" }) else { return self + ".0" }
        return self[..<e] + replacement + self[index(after: e)...]
    }
}
