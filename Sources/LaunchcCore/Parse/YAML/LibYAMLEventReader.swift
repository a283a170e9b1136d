internal import CLibYAML

/// A YAML parse event, already converted from libyaml's C structs to Swift values and byte
/// offsets. Nothing here holds a C pointer.
enum YAMLEvent {
    enum ScalarStyle { case plain, quoted, block }

    case streamStart
    case streamEnd
    case documentStart(start: Int)
    case documentEnd
    case alias(anchor: String, range: SourceRange)
    case scalar(text: String, anchor: String?, tag: String?, style: ScalarStyle, range: SourceRange)
    case sequenceStart(anchor: String?, tag: String?, range: SourceRange)
    case sequenceEnd(end: Int)
    case mappingStart(anchor: String?, tag: String?, range: SourceRange)
    case mappingEnd(end: Int)
}

/// libyaml's error state, converted.
struct YAMLSyntaxError: Error {
    var problem: String
    var problemOffset: Int
    var context: String?
    var contextOffset: Int?
}

/// Owns one libyaml parser. The parser and the event live at stable heap addresses for the
/// reader's whole life (a stored C struct passed as `&property` has no such guarantee), and
/// `deinit` releases both. The input must outlive the reader: `YAMLParser` creates and drops
/// it inside one `withUnsafeBufferPointer` over the file's bytes.
final class LibYAMLEventReader {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var offsets: CharacterOffsetMap
    private var failed = false

    /// - Parameters:
    ///   - input: UTF-8 bytes without a byte-order mark.
    ///   - base: the offset of `input` in the file (the length of a skipped byte-order mark).
    init(input: UnsafeBufferPointer<UInt8>, base: Int) {
        offsets = CharacterOffsetMap(bytes: input, base: base)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress ?? UnsafePointer(bitPattern: 1)!, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The next event, or the syntax error that stops the stream.
    func next() -> Result<YAMLEvent, YAMLSyntaxError> {
        guard !failed, yaml_parser_parse(parser, event) != 0 else {
            failed = true
            return .failure(syntaxError())
        }
        defer { yaml_event_delete(event) }
        let e = event.pointee
        let start = offsets.byteOffset(ofCharacter: e.start_mark.index)
        let end = offsets.byteOffset(ofCharacter: e.end_mark.index)
        let range = SourceRange(start: start, end: end)
        switch e.type {
        case YAML_STREAM_START_EVENT:
            return .success(.streamStart)
        case YAML_STREAM_END_EVENT:
            return .success(.streamEnd)
        case YAML_DOCUMENT_START_EVENT:
            return .success(.documentStart(start: start))
        case YAML_DOCUMENT_END_EVENT:
            return .success(.documentEnd)
        case YAML_ALIAS_EVENT:
            return .success(.alias(anchor: Self.string(e.data.alias.anchor) ?? "", range: range))
        case YAML_SCALAR_EVENT:
            let s = e.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            let style: YAMLEvent.ScalarStyle
            switch s.style {
            case YAML_PLAIN_SCALAR_STYLE: style = .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .quoted
            }
            return .success(.scalar(text: text, anchor: Self.string(s.anchor), tag: Self.string(s.tag),
                                    style: style, range: range))
        case YAML_SEQUENCE_START_EVENT:
            let s = e.data.sequence_start
            return .success(.sequenceStart(anchor: Self.string(s.anchor), tag: Self.string(s.tag), range: range))
        case YAML_SEQUENCE_END_EVENT:
            return .success(.sequenceEnd(end: end))
        case YAML_MAPPING_START_EVENT:
            let s = e.data.mapping_start
            return .success(.mappingStart(anchor: Self.string(s.anchor), tag: Self.string(s.tag), range: range))
        case YAML_MAPPING_END_EVENT:
            return .success(.mappingEnd(end: end))
        default:
            return .success(.streamEnd)
        }
    }

    /// The one place where libyaml's error state becomes a Swift value.
    private func syntaxError() -> YAMLSyntaxError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        if p.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a mark.
            return YAMLSyntaxError(problem: problem, problemOffset: offsets.base + p.problem_offset)
        }
        if p.error == YAML_MEMORY_ERROR {
            return YAMLSyntaxError(problem: "out of memory", problemOffset: offsets.base)
        }
        let context = p.context.map { String(cString: $0) }
        return YAMLSyntaxError(
            problem: problem,
            problemOffset: offsets.byteOffset(ofCharacter: p.problem_mark.index),
            context: context,
            contextOffset: context == nil ? nil : offsets.byteOffset(ofCharacter: p.context_mark.index))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

/// Converts libyaml's character indexes (Unicode scalars from the start of the input) into
/// byte offsets. Events arrive in nearly increasing order, so a cursor that walks forward, and
/// now and then a little back, makes the whole conversion linear in the input.
struct CharacterOffsetMap {
    let bytes: UnsafeBufferPointer<UInt8>
    let base: Int
    /// In ASCII text (most configuration) a character index is a byte offset.
    let isASCII: Bool
    private var character = 0
    private var byte = 0

    init(bytes: UnsafeBufferPointer<UInt8>, base: Int) {
        self.bytes = bytes
        self.base = base
        isASCII = Self.isASCII(bytes)
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(start)
        var i = 0
        while i + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    mutating func byteOffset(ofCharacter target: Int) -> Int {
        let n = bytes.count
        if isASCII { return base + min(target, n) }
        while character < target && byte < n {
            let lead = bytes[byte]
            byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            character += 1
        }
        while character > target && byte > 0 {
            byte -= 1
            while byte > 0 && bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            character -= 1
        }
        return base + min(byte, n)
    }
}
