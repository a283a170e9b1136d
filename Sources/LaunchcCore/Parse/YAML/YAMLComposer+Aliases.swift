extension YAMLComposer {
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
}
