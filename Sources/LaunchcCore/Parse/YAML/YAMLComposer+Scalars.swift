extension YAMLComposer {
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
}
