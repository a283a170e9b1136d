/// Turns a jansson error into a diagnostic at the offending token, with a specific message for
/// the mistakes people make by hand (comments, trailing commas, NaN, single quotes) and for
/// duplicate keys a note at the first occurrence.
///
/// jansson reports how many bytes it had consumed; the token ending there is the culprit. A
/// tolerant walk over the tokens before it recovers everything else: the JSON Pointer of the
/// place, the token before it, the brackets still open, and the keys already seen in the
/// enclosing object.
enum JSONErrors {
    static func diagnose(_ error: JanssonError, file: SourceFile, input: UnsafeBufferPointer<UInt8>, base: Int, limits: Limits) -> Diagnostic {
        var walk = TokenWalk(bytes: input, maxDepth: limits.maxDepth)
        let atEnd = error.text.hasSuffix("near end of file") || error.position >= input.count && !error.text.contains("near '")
        let target = atEnd ? nil : walk.token(containing: max(error.position - 1, 0))
        walk.run(until: target?.start ?? input.count)
        func span(_ range: Range<Int>) -> SourceSpan {
            SourceSpan(file: file, range: SourceRange(start: base + range.lowerBound, end: base + range.upperBound))
        }
        let here = target.map { $0.start..<$0.end } ?? input.count..<input.count
        let tokenText = String(decoding: input[here], as: UTF8.self)
        let pointer = walk.pointer
        let text = error.text

        if text.contains("maximum parsing depth"), let deep = walk.tooDeep {
            return Diagnostic(.nestingTooDeep, "nesting is deeper than \(limits.maxDepth) levels", at: span(deep..<deep + 1),
                              pointer: walk.pointer, fixIts: [FixIt("flatten the structure; real configuration nests a few dozen levels at most")])
        }
        if text.hasPrefix("duplicate object key") {
            let key = walk.decodeKey(here)
            var notes: [Note] = []
            if let first = walk.openObjectKeys.first(where: { $0.text == key }) {
                notes.append(Note("'\(key)' is first defined here", at: span(first.range)))
            }
            return Diagnostic(.duplicateKey, "duplicate key '\(key)'", at: span(here), pointer: walk.parentPointer.appending(key),
                              notes: notes, fixIts: [FixIt("remove one of the two; JSON readers disagree on which value wins")])
        }
        if text.hasPrefix("too big integer") {
            return Diagnostic(.integerOutOfRange, "integer \(abbreviate(tokenText)) does not fit in 64 bits", at: span(here), pointer: pointer,
                              fixIts: [FixIt("quote it if it is an identifier rather than a number",
                                             edits: [TextEdit(range: span(here).range!, replacement: "\"\(tokenText)\"")])])
        }
        if text.hasPrefix("real number overflow") {
            return Diagnostic(.numberOutOfRange, "number \(abbreviate(tokenText)) is too large for a 64-bit float", at: span(here), pointer: pointer)
        }
        if ["NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf", "-inf", "infinity", "-infinity"].contains(tokenText) {
            return Diagnostic(.jsonNonFiniteNumber, "'\(tokenText)' is not a JSON value; JSON has no NaN or Infinity", at: span(here),
                              pointer: pointer, fixIts: [FixIt("use null, a finite number, or a string")])
        }
        if tokenText.hasPrefix("/") || tokenText.hasPrefix("#") {
            let comment = walk.commentRange(at: here.lowerBound)
            return Diagnostic(.jsonComment, "JSON does not allow comments", at: span(comment), pointer: pointer,
                              fixIts: [FixIt("remove the comment, or write the file as YAML, which allows them")])
        }
        if (tokenText == "}" || tokenText == "]"), let previous = walk.previous, input[previous.start] == UInt8(ascii: ",") {
            let comma = previous.start..<previous.end
            return Diagnostic(.jsonTrailingComma, "trailing comma before '\(tokenText)'", at: span(comma), pointer: pointer,
                              fixIts: [FixIt("remove the comma", edits: [TextEdit(range: span(comma).range!, replacement: "")])])
        }
        if tokenText.hasPrefix("'") {
            return Diagnostic(.jsonSingleQuotes, "JSON strings take double quotes, not single quotes", at: span(here), pointer: pointer,
                              fixIts: [FixIt("replace the single quotes with double quotes")])
        }
        if text.hasPrefix("end of file expected") {
            return Diagnostic(.jsonTrailingContent, "unexpected '\(abbreviate(tokenText))' after the end of the JSON value", at: span(here),
                              notes: [Note("a JSON file holds exactly one value; use a YAML stream ('---') for several documents")],
                              fixIts: [FixIt("remove the extra text, or wrap the values in an array")])
        }
        if text.hasPrefix("premature end of input") && tokenText.hasPrefix("\"") {
            return Diagnostic(.jsonSyntax, "unterminated string", at: span(here.lowerBound..<here.lowerBound + 1), pointer: pointer,
                              fixIts: [FixIt("add the closing quote")])
        }
        if atEnd {
            var notes: [Note] = []
            if let open = walk.innermostOpen {
                let what = input[open] == UInt8(ascii: "{") ? "object" : "array"
                notes.append(Note("the \(what) opened here is not closed", at: span(open..<open + 1)))
            }
            return Diagnostic(.jsonSyntax, "unexpected end of file", at: span(here), pointer: pointer, notes: notes)
        }
        return Diagnostic(.jsonSyntax, text, at: span(here), pointer: pointer)
    }

    static func abbreviate(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}

/// A forgiving tokenizer and bracket tracker for JSON text that may be invalid.
struct TokenWalk {
    struct Token {
        var start: Int
        var end: Int
    }

    struct Container {
        var isObject: Bool
        var start: Int
        var count = 0
        var expectingKey: Bool
        var key: String?
        var keys: [(text: String, range: Range<Int>)] = []
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var i = 0
    var stack: [Container] = []
    var previous: Token?
    /// The offset of the first bracket past `maxDepth`, if the walk met one.
    var tooDeep: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// The next token from `i`, or nil at the end.
    mutating func next() -> Token? {
        while i < bytes.count && JSONScanner.isWhitespace(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        let start = i
        let c = bytes[i]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            i += 1
            while i < bytes.count && bytes[i] != c && bytes[i] != 0x0A {
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            i = min(i + 1, bytes.count)
        } else if Self.isAtom(c) {
            while i < bytes.count && Self.isAtom(bytes[i]) { i += 1 }
        } else {
            i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            i = min(i, bytes.count)
        }
        return Token(start: start, end: i)
    }

    static func isAtom(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// The token that holds byte `offset` (or the last one starting before it).
    func token(containing offset: Int) -> Token? {
        var scan = TokenWalk(bytes: bytes, maxDepth: maxDepth)
        var last: Token?
        while let token = scan.next() {
            if token.start > offset { break }
            last = token
            if token.end > offset { break }
        }
        return last
    }

    /// Tracks brackets and keys through every token that starts before `stop`.
    mutating func run(until stop: Int) {
        while let token = next(), token.start < stop {
            let c = bytes[token.start]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(Container(isObject: c == UInt8(ascii: "{"), start: token.start, expectingKey: c == UInt8(ascii: "{")))
                if stack.count > maxDepth && tooDeep == nil {
                    tooDeep = token.start
                    stack.removeLast()
                    return
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if let top = stack.indices.last {
                    if stack[top].isObject { stack[top].expectingKey = true; stack[top].key = nil } else { stack[top].count += 1 }
                }
            case UInt8(ascii: ":"):
                if let top = stack.indices.last { stack[top].expectingKey = false }
            case UInt8(ascii: "\""):
                if let top = stack.indices.last, stack[top].isObject && stack[top].expectingKey {
                    let key = decodeKey(token.start..<token.end)
                    stack[top].key = key
                    stack[top].keys.append((key, token.start..<token.end))
                }
            default:
                break
            }
            previous = token
        }
    }

    var innermostOpen: Int? { stack.last?.start }

    var openObjectKeys: [(text: String, range: Range<Int>)] {
        guard let top = stack.last, top.isObject else { return [] }
        return top.keys
    }

    /// The pointer of the value being read where the walk stopped.
    var pointer: JSONPointer {
        var tokens: [String] = []
        for container in stack {
            if container.isObject {
                if let key = container.key, !container.expectingKey { tokens.append(key) }
            } else {
                tokens.append(String(container.count))
            }
        }
        return JSONPointer(tokens: tokens)
    }

    /// The pointer of the innermost open container.
    var parentPointer: JSONPointer {
        var copy = self
        if !copy.stack.isEmpty {
            copy.stack[copy.stack.count - 1].key = nil
            copy.stack[copy.stack.count - 1].expectingKey = true
        }
        return copy.pointer
    }

    /// A key's text: escapes of the common kinds decoded, enough to compare keys and name them.
    func decodeKey(_ range: Range<Int>) -> String {
        guard range.count >= 2 else { return "" }
        let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        var out: [UInt8] = []
        var it = inner.makeIterator()
        while let c = it.next() {
            guard c == UInt8(ascii: "\\"), let e = it.next() else { out.append(c); continue }
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A `//` or `#` comment runs to the end of its line; a `/*` comment to its `*/`.
    func commentRange(at start: Int) -> Range<Int> {
        var end = start
        if start + 1 < bytes.count && bytes[start] == UInt8(ascii: "/") && bytes[start + 1] == UInt8(ascii: "*") {
            end = start + 2
            while end + 1 < bytes.count && !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) { end += 1 }
            return start..<min(end + 2, bytes.count)
        }
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        return start..<end
    }
}
