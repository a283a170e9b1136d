extension YAMLComposer {
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
