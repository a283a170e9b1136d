/// The syntax a file is read as.
public enum InputFormat: String, Sendable {
    case yaml
    case json

    /// By extension: `.json` is JSON, `.yaml`/`.yml` YAML. Anything else (standard input, a
    /// file without an extension) is JSON when its first significant character opens a JSON
    /// object or array and YAML otherwise; the YAML reader would accept most JSON too, but not
    /// strictly.
    public static func detect(path: String, bytes: [UInt8]) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        for byte in bytes.dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            default: return .yaml
            }
        }
        return .yaml
    }
}

/// What parsing one file produced: its documents (those read before any fatal error) and its
/// findings.
public struct ParseResult: Sendable {
    public var file: SourceFile
    public var format: InputFormat
    public var documents: [ParsedDocument]
    public var diagnostics: [Diagnostic]
}

/// read → parse: the entry point for turning a file's bytes into documents.
public enum DocumentParser {
    public static func parse(_ file: SourceFile, format: InputFormat? = nil, limits: Limits = .default) -> ParseResult {
        let format = format ?? InputFormat.detect(path: file.path, bytes: file.bytes)
        if let problem = EncodingCheck.diagnose(file) {
            return ParseResult(file: file, format: format, documents: [], diagnostics: [problem])
        }
        var result: ParseResult
        switch format {
        case .yaml: result = YAMLParser.parse(file, limits: limits)
        case .json: result = JSONParser.parse(file, limits: limits)
        }
        if result.documents.isEmpty && result.diagnostics.isEmpty {
            let onlyWhitespace = file.bytes.dropFirst(file.byteOrderMarkLength).allSatisfy {
                $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
            }
            let message = file.bytes.count == file.byteOrderMarkLength ? "file is empty"
                : onlyWhitespace ? "file holds only whitespace" : "file holds only comments"
            result.diagnostics.append(Diagnostic(.emptyFile, message, at: SourceSpan(file: file, range: .at(file.byteOrderMarkLength))))
        }
        return result
    }
}
