extension YAMLComposer {
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
}
