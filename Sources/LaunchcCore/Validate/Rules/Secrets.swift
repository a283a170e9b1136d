/// Plaintext credentials in a checked file (LC1601), and masking them in everything launchc
/// prints about that file.
///
/// What counts as a secret:
/// - an AWS access key id (`AKIA…`, `ASIA…` and the other four-letter prefixes, 20 characters),
///   anywhere in a string;
/// - an AWS secret access key: 40 characters of base64 under a key such as
///   `aws_secret_access_key` or `SecretAccessKey`;
/// - an AWS session token under `aws_session_token` (or `SessionToken`);
/// - a W&B API key: 40 hexadecimal digits (or `local-` and 40 or more) under `WANDB_API_KEY` or
///   `api_key`, or after `WANDB_API_KEY=` inside a string;
/// - a PEM private key block (`-----BEGIN … PRIVATE KEY-----`), anywhere in a string.
///
/// A key holding a secret may also be a Kubernetes-style pair, `{name: WANDB_API_KEY, value: …}`.
/// Values holding `${…}` or `{{…}}` are filled in later and are never secrets here.
public enum Secrets {
    /// One secret found: what it is, the value node that holds it, and the secret's text.
    struct Finding {
        var kind: String
        /// The value holding it (or, found in the bytes, the secret itself).
        var range: SourceRange
        var pointer: JSONPointer?
        var secret: String
    }

    /// The secrets of every document of a parsed file, then those its bytes show outside any
    /// value found (in comments, or in a file that did not parse).
    static func find(in parsed: ParseResult, file: SourceFile) -> [Finding] {
        var findings: [Finding] = []
        var path: [String] = []
        for document in parsed.documents { scan(document.root, path: &path, key: nil, into: &findings) }
        for raw in scanBytes(file.bytes) where !findings.contains(where: { $0.range.start < raw.range.end && raw.range.start < $0.range.end }) {
            findings.append(raw)
        }
        return findings
    }

    /// Access key ids, private key blocks and `WANDB_API_KEY` with a W&B key after `=` or `:`
    /// (quotes and spaces allowed), anywhere in the bytes.
    static func scanBytes(_ bytes: [UInt8]) -> [Finding] {
        var found: [Finding] = []
        func add(_ kind: String, _ range: Range<Int>) {
            found.append(Finding(kind: kind, range: SourceRange(start: range.lowerBound, end: range.upperBound), pointer: nil,
                                 secret: String(decoding: bytes[range], as: UTF8.self)))
        }
        let marker = Array("WANDB_API_KEY".utf8)
        var i = 0
        while i + 10 <= bytes.count {
            switch bytes[i] {
            case 0x41 where i + 20 <= bytes.count && bytes[i + 3] == 0x41:
                if let id = accessKeyIDs(in: Array(bytes[max(0, i - 1)..<min(bytes.count, i + 21)])).first, id.utf8.elementsEqual(bytes[i..<i + 20]) {
                    add("an AWS access key id", i..<(i + 20))
                    i += 20
                    continue
                }
            case 0x2D where bytes[i..<min(bytes.count, i + 11)].elementsEqual("-----BEGIN ".utf8):
                if let block = privateKey(in: bytes, from: i), block.lowerBound == i {
                    add("a private key", block)
                    i = block.upperBound
                    continue
                }
            case 0x57 where i + marker.count <= bytes.count && bytes[i..<i + marker.count].elementsEqual(marker):
                var j = i + marker.count
                while j < bytes.count, [0x22, 0x27, 0x20, 0x3D, 0x3A].contains(bytes[j]) { j += 1 }
                var end = j
                while end < bytes.count, isKeyCharacter(bytes[end]) { end += 1 }
                if j > i + marker.count, isWandbKey(bytes[j..<end]) { add("a W&B API key", j..<end) }
                i = max(end, i + 1)
                continue
            default:
                break
            }
            i += 1
        }
        return found
    }

    /// LC1601 for each secret found.
    static func diagnostics(for findings: [Finding], in file: SourceFile) -> [Diagnostic] {
        findings.map { finding in
            Diagnostic(
                .plaintextSecret, "\(finding.kind) in plain text", at: SourceSpan(file: file, range: finding.range), pointer: finding.pointer,
                notes: [Note("anyone who can read this file or its CI logs can use it; launchc masks it in what it prints")],
                fixIts: [FixIt(fix(for: finding.kind))])
        }
    }

    /// A copy of the file whose secrets' bytes are '*' past a short prefix that says what each
    /// was (line breaks kept, so every position and line number stays the same), and a function
    /// that moves a finding onto that copy with every secret masked in its text.
    static func mask(_ findings: [Finding], in file: SourceFile) -> (SourceFile, (Diagnostic) -> Diagnostic) {
        var bytes = file.bytes
        for finding in findings {
            guard let range = locate(finding.secret, in: finding.range, bytes: bytes) else { continue }
            for i in range.dropFirst(visiblePrefix(of: finding.secret)) where bytes[i] != 0x0A && bytes[i] != 0x0D { bytes[i] = UInt8(ascii: "*") }
        }
        let masked = SourceFile(path: file.path, bytes: bytes)
        let secrets = findings.map(\.secret)
        return (masked, { redact($0, secrets: secrets, from: file, to: masked) })
    }

    // MARK: Finding

    /// `path` is the node's pointer, as tokens (a pointer is only built for a finding).
    private static func scan(_ node: Node, path: inout [String], key: String?, into findings: inout [Finding]) {
        switch node.value {
        case .string(let text):
            for (kind, secret) in secrets(in: text, key: key) {
                findings.append(Finding(kind: kind, range: node.range, pointer: JSONPointer(tokens: path), secret: secret))
            }
        case .array(let items):
            for (i, item) in items.enumerated() where item.value.isContainerOrString {
                path.append(String(i))
                scan(item, path: &path, key: nil, into: &findings)
                path.removeLast()
            }
        case .object(let members):
            // {name: WANDB_API_KEY, value: ...}: the value is named by its sibling.
            var pairName: String?
            if case .string(let name)? = members.first(key: "name")?.value.value { pairName = name }
            for member in members where member.value.value.isContainerOrString {
                path.append(member.key)
                scan(member.value, path: &path, key: member.key.hasSameScalars(as: "value") ? (pairName ?? member.key) : member.key, into: &findings)
                path.removeLast()
            }
        default:
            break
        }
    }

    /// (what it is, the secret's text) for each secret in a string under `key`.
    static func secrets(in text: String, key: String?) -> [(String, String)] {
        // Every secret key ends in "key" or "token": most keys are ruled out by their last letter.
        let name = key.flatMap { k in
            k.utf8.count <= 32 && [0x79, 0x59, 0x6E, 0x4E].contains(k.utf8.last ?? 0) ? normalized(k) : nil
        } ?? ""
        // Most strings hold nothing like a secret: decide that without copying them.
        guard secretKeys.containsExactly(name) || mayHoldSecret(text) else { return [] }
        var found: [(String, String)] = []
        let bytes = Array(text.utf8)
        if let block = privateKey(in: bytes, from: 0) { found.append(("a private key", String(decoding: bytes[block], as: UTF8.self))) }
        for id in accessKeyIDs(in: bytes) { found.append(("an AWS access key id", id)) }
        // A value filled in later (`${…}`, `{{…}}`) is not a secret itself.
        switch text.hasTemplateOpening ? "" : name {
        case "awssecretaccesskey", "secretaccesskey", "awssecretkey", "secretkey":
            if bytes.count == 40, bytes.allSatisfy(isBase64) { found.append(("an AWS secret access key", text)) }
        case "awssessiontoken", "sessiontoken", "awssecuritytoken":
            if bytes.count >= 16 { found.append(("an AWS session token", text)) }
        case "wandbapikey", "apikey":
            if isWandbKey(bytes[...]) { found.append(("a W&B API key", text)) }
        default:
            break
        }
        // WANDB_API_KEY=... inside a longer string (a command line, an env file).
        let marker = Array("WANDB_API_KEY=".utf8)
        var i = 0
        while let at = ByteSearch.firstIndex(of: marker, in: bytes, from: i) {
            var end = at + marker.count
            while end < bytes.count, isKeyCharacter(bytes[end]) { end += 1 }
            let value = bytes[(at + marker.count)..<end]
            if isWandbKey(value) { found.append(("a W&B API key", String(decoding: value, as: UTF8.self))) }
            i = end
        }
        return found
    }

    /// The normalised keys whose values are checked as secrets.
    static let secretKeys: Set<String> = [
        "awssecretaccesskey", "secretaccesskey", "awssecretkey", "secretkey",
        "awssessiontoken", "sessiontoken", "awssecuritytoken", "wandbapikey", "apikey",
    ]

    /// Whether the text has the start of an access key id (`A..A` followed by 16 more
    /// characters), `WANDB_API_KEY=` or `-----BEGIN`: one pass over its bytes.
    static func mayHoldSecret(_ text: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = bytes.count
            guard n >= 10 else { return false }
            for i in 0..<(n - 9) {
                switch bytes[i] {
                case 0x41 where n - i >= 20 && bytes[i + 3] == 0x41: return true  // AKIA, ASIA, ...
                case 0x57 where bytes[i + 1] == 0x41 && bytes[i + 5] == 0x5F: return true  // WANDB_
                case 0x2D where bytes[i + 4] == 0x2D && bytes[i + 5] == 0x42: return true  // -----B
                default: continue
                }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// `aws_secret_access_key`, `SecretAccessKey` and `AWS-SECRET-ACCESS-KEY` alike.
    private static func normalized(_ key: String) -> String {
        String(decoding: key.utf8.filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func accessKeyIDs(in bytes: [UInt8]) -> [String] {
        let prefixes = ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"].map { Array($0.utf8) }
        var found: [String] = []
        var i = 0
        while i + 20 <= bytes.count {
            let candidate = bytes[i..<i + 20]
            if (i == 0 || !isUpperAlphanumeric(bytes[i - 1])), (i + 20 == bytes.count || !isUpperAlphanumeric(bytes[i + 20])),
               prefixes.contains(where: { candidate.starts(with: $0) }), candidate.allSatisfy(isUpperAlphanumeric) {
                found.append(String(decoding: candidate, as: UTF8.self))
                i += 20
            } else {
                i += 1
            }
        }
        return found
    }

    /// The bytes of the first PEM private key block at or after `start`: from `-----BEGIN` on a
    /// line that says `PRIVATE KEY-----`, to the `-----END …-----` after it (or the end). Each
    /// search starts where the last stopped, so the scan stays linear whatever the input.
    private static func privateKey(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        let beginMarker = Array("-----BEGIN ".utf8), header = Array("PRIVATE KEY-----".utf8)
        var at = start
        while let begin = ByteSearch.firstIndex(of: beginMarker, in: bytes, from: at) {
            let lineEnd = bytes[begin...].firstIndex(of: 0x0A) ?? bytes.count
            if let found = ByteSearch.firstIndex(of: header, in: bytes, from: begin, before: lineEnd) {
                let end = ByteSearch.firstIndex(of: Array("-----END ".utf8), in: bytes, from: found + header.count)
                    .flatMap { ByteSearch.firstIndex(of: Array("-----".utf8), in: bytes, from: $0 + 9) }.map { $0 + 5 }
                return begin..<(end ?? bytes.count)
            }
            at = lineEnd
        }
        return nil
    }

    private static func isWandbKey(_ bytes: ArraySlice<UInt8>) -> Bool {
        let local = Array("local-".utf8)
        if bytes.starts(with: local) { return bytes.count >= local.count + 40 && bytes.dropFirst(local.count).allSatisfy(isKeyCharacter) }
        return bytes.count == 40 && bytes.allSatisfy(isHex)
    }

    private static func isUpperAlphanumeric(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) }
    private static func isHex(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x61...0x66).contains(c) || (0x41...0x46).contains(c) }
    private static func isBase64(_ c: UInt8) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2B || c == 0x2F || c == 0x3D
    }
    private static func isKeyCharacter(_ c: UInt8) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2D || c == 0x5F
    }


    // MARK: Masking

    /// The text with every one of the secrets masked: as written, as JSON writes it (a private
    /// key's line breaks as `\n`), and as the start that messages keep of a long value.
    public static func masking(_ secrets: [String], in text: String) -> String {
        var text = text
        for secret in secrets where !secret.isEmpty {
            var forms = [secret]
            if secret.utf8.contains(0x0A) { forms.append(secret.replacingAll("\n", with: "\\n")) }
            // SchemaValidator.show keeps 56 characters of a quoted value, abbreviations 37.
            for cut in [56, 37] where secret.unicodeScalars.count > cut { forms.append(String(secret.unicodeScalars.prefix(cut))) }
            for form in forms { text = text.replacingAll(form, with: masked(form)) }
        }
        return text
    }

    /// Characters left visible at the start of a masked secret: enough to say what it was.
    static func visiblePrefix(of secret: String) -> Int {
        if secret.hasPrefix("-----BEGIN") { return 0 }
        return min(4, secret.utf8.count / 5)
    }

    /// A secret as launchc prints it: its first characters, then `*` for the rest.
    static func masked(_ secret: String) -> String {
        let keep = visiblePrefix(of: secret)
        return String(decoding: secret.utf8.enumerated().map { $0.offset < keep || $0.element == 0x0A || $0.element == 0x0D ? $0.element : UInt8(ascii: "*") },
                      as: UTF8.self)
    }

    /// Where the secret's bytes are inside a value's source range: the secret as written (a
    /// plain or simply quoted scalar), else the whole range (an escaped or folded one).
    private static func locate(_ secret: String, in range: SourceRange, bytes: [UInt8]) -> Range<Int>? {
        let start = min(range.start, bytes.count), end = min(range.end, bytes.count)
        guard start < end else { return nil }
        let needle = Array(secret.utf8)
        let window = Array(bytes[start..<end])
        if let at = ByteSearch.firstIndex(of: needle, in: window, from: 0) { return (start + at)..<(start + at + needle.count) }
        return start..<end
    }

    private static func redact(_ diagnostic: Diagnostic, secrets: [String], from file: SourceFile, to masked: SourceFile) -> Diagnostic {
        func clean(_ text: String) -> String { masking(secrets, in: text) }
        func rehome(_ span: SourceSpan) -> SourceSpan { span.file === file ? SourceSpan(file: masked, range: span.range) : span }
        var d = diagnostic
        d.message = clean(d.message)
        d.span = rehome(d.span)
        d.notes = d.notes.map { note in
            var note = note
            note.message = clean(note.message)
            note.span = note.span.map(rehome)
            return note
        }
        d.fixIts = d.fixIts.map { fix in
            var fix = fix
            fix.message = clean(fix.message)
            fix.edits = fix.edits.map { edit in
                var edit = edit
                edit.replacement = clean(edit.replacement)
                return edit
            }
            return fix
        }
        return d
    }

    private static func fix(for kind: String) -> String {
        switch kind {
        case "a W&B API key": return "remove it and give the key to the agent through its environment (WANDB_API_KEY) or a secret store; then rotate it at wandb.ai/authorize"
        case "a private key": return "remove it, keep the key in a secret store and mount it at run time; then replace the key pair"
        default: return "remove it and let the agent use an IAM role or its environment's credentials; then deactivate the key in IAM"
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced, by bytes.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8), needle = Array(target.utf8)
        guard !needle.isEmpty else { return self }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + needle.count <= bytes.count, bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle) {
                out += replacement.utf8
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Value {
    fileprivate var isContainerOrString: Bool {
        switch self {
        case .string, .array, .object: return true
        default: return false
        }
    }
}
