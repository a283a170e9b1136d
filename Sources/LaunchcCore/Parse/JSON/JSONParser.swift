internal import CJansson

/// Strict JSON through jansson, with exact source ranges for every value.
///
/// jansson decides what is valid and what each value is (strings decoded, integers exact,
/// duplicate keys rejected), but keeps no positions. So after a successful parse, a second pass
/// walks the same bytes in lockstep with jansson's tree: jansson's objects iterate in insertion
/// order, which is source order, so the n-th key in the text is the n-th key of the object,
/// and the pass only has to skip over tokens to find where each value starts and ends. Each
/// converted value is released from jansson's tree at once, which keeps peak memory near one
/// tree's worth rather than two.
enum JSONParser {
    static func parse(_ file: SourceFile, limits: Limits) -> ParseResult {
        let bom = file.byteOrderMarkLength
        var diagnostics = DiagnosticCollector()
        var documents: [ParsedDocument] = []
        let onlyWhitespace = file.bytes[bom...].allSatisfy { JSONScanner.isWhitespace($0) }
        if !onlyWhitespace {
            file.bytes.withUnsafeBufferPointer { all in
                let input = UnsafeBufferPointer(rebasing: all[bom...])
                var error = json_error_t()
                let flags = Int(JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL)
                let loaded = input.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: input.count) { json_loadb($0, input.count, flags, &error) }
                }
                guard let root = loaded else {
                    let converted = JanssonError(error)
                    diagnostics.emit(JSONErrors.diagnose(converted, file: file, input: input, base: bom, limits: limits))
                    return
                }
                defer { json_decref(root) }
                var scanner = JSONScanner(file: file, bytes: input, base: bom, limits: limits)
                if let node = scanner.build(root) {
                    documents.append(ParsedDocument(root: node, start: node.range.start))
                } else if let problem = scanner.problem {
                    diagnostics.emit(problem)
                }
            }
        }
        return ParseResult(file: file, format: .json, documents: documents, diagnostics: diagnostics.diagnostics)
    }
}

/// jansson's error, copied out of its C struct.
struct JanssonError {
    var text: String
    /// Bytes consumed when the error was found: the offending token ends here.
    var position: Int

    init(_ error: json_error_t) {
        text = withUnsafeBytes(of: error.text) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        position = Int(error.position)
    }
}

/// Walks JSON text that jansson has accepted, alongside jansson's tree, recording ranges.
struct JSONScanner {
    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let base: Int
    let limits: Limits
    var i = 0
    var path: [String] = []
    /// Set when the walk stops early (the depth limit, or a disagreement with jansson that
    /// would be a bug in launchc).
    var problem: Diagnostic?

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, base: Int, limits: Limits) {
        self.file = file
        self.bytes = bytes
        self.base = base
        self.limits = limits
    }

    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    mutating func skipWhitespace() {
        while i < bytes.count && Self.isWhitespace(bytes[i]) { i += 1 }
    }

    mutating func expect(_ c: UInt8) -> Bool {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == c else {
            if problem == nil {
                problem = Diagnostic(.jsonSyntax, "internal error: launchc lost its place in the JSON text (please report this)",
                                     at: SourceSpan(file: file, range: .at(base + i)), pointer: JSONPointer(tokens: path))
            }
            return false
        }
        i += 1
        return true
    }

    /// Skips a string token, `i` at its opening quote.
    mutating func skipString() {
        i += 1
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            i += 1
            if c == UInt8(ascii: "\"") { return }
        }
    }

    /// Skips a number or literal (`true`, `false`, `null`).
    mutating func skipAtom() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "E"):
                i += 1
            default:
                return
            }
        }
    }

    func range(from start: Int) -> SourceRange { SourceRange(start: base + start, end: base + i) }

    mutating func build(_ json: UnsafeMutablePointer<json_t>) -> Node? {
        skipWhitespace()
        let start = i
        switch json.pointee.type {
        case JSON_OBJECT, JSON_ARRAY:
            if path.count >= limits.maxDepth {
                problem = Diagnostic(
                    .nestingTooDeep, "nesting is deeper than \(limits.maxDepth) levels",
                    at: SourceSpan(file: file, range: SourceRange(start: base + i, end: base + i + 1)), pointer: JSONPointer(tokens: path),
                    fixIts: [FixIt("flatten the structure; real configuration nests a few dozen levels at most")])
                return nil
            }
            return json.pointee.type == JSON_OBJECT ? buildObject(json, start: start) : buildArray(json, start: start)
        case JSON_STRING:
            skipString()
            if json_string_length(json) > limits.maxScalarBytes {
                problem = Limits.scalarTooLong(json_string_length(json), limits: limits, at: SourceSpan(file: file, range: range(from: start)),
                                               pointer: JSONPointer(tokens: path))
                return nil
            }
            let text = String(decoding: UnsafeRawBufferPointer(start: json_string_value(json), count: json_string_length(json)), as: UTF8.self)
            return Node(.string(text), range: range(from: start))
        case JSON_INTEGER:
            skipAtom()
            return Node(.integer(Int64(json_integer_value(json))), range: range(from: start))
        case JSON_REAL:
            skipAtom()
            return Node(.number(json_real_value(json)), range: range(from: start))
        case JSON_TRUE:
            skipAtom()
            return Node(.bool(true), range: range(from: start))
        case JSON_FALSE:
            skipAtom()
            return Node(.bool(false), range: range(from: start))
        default:
            skipAtom()
            return Node(.null, range: range(from: start))
        }
    }

    mutating func buildObject(_ json: UnsafeMutablePointer<json_t>, start: Int) -> Node? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var members: [Member] = []
        members.reserveCapacity(json_object_size(json))
        var iterator = json_object_iter(json)
        while let it = iterator {
            if !members.isEmpty { guard expect(UInt8(ascii: ",")) else { return nil } }
            skipWhitespace()
            let keyStart = i
            skipString()
            let keyRange = range(from: keyStart)
            if json_object_iter_key_len(it) > limits.maxScalarBytes {
                problem = Limits.scalarTooLong(json_object_iter_key_len(it), limits: limits, at: SourceSpan(file: file, range: keyRange),
                                               pointer: JSONPointer(tokens: path))
                return nil
            }
            let key = String(decoding: UnsafeRawBufferPointer(start: json_object_iter_key(it), count: json_object_iter_key_len(it)), as: UTF8.self)
            guard expect(UInt8(ascii: ":")), let child = json_object_iter_value(it) else { return nil }
            path.append(key)
            guard let value = build(child) else { return nil }
            path.removeLast()
            members.append(Member(key: key, keyRange: keyRange, value: value))
            iterator = json_object_iter_next(json, it)
            // Free jansson's copy of what is now in the Swift tree, so that the two whole trees
            // never coexist (`json_null()` is a static singleton; replacing drops the old value).
            json_object_iter_set_new(json, it, json_null())
        }
        guard expect(UInt8(ascii: "}")) else { return nil }
        return Node(.object(members), range: range(from: start))
    }

    mutating func buildArray(_ json: UnsafeMutablePointer<json_t>, start: Int) -> Node? {
        guard expect(UInt8(ascii: "[")) else { return nil }
        let count = json_array_size(json)
        var items: [Node] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            if index > 0 { guard expect(UInt8(ascii: ",")) else { return nil } }
            guard let child = json_array_get(json, index) else { return nil }
            path.append(String(index))
            guard let item = build(child) else { return nil }
            path.removeLast()
            items.append(item)
            json_array_set_new(json, index, json_null())
        }
        guard expect(UInt8(ascii: "]")) else { return nil }
        return Node(.array(items), range: range(from: start))
    }
}
