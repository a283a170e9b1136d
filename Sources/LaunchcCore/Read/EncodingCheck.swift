/// The encoding problems that stop a file from being parsed, found in one pass over its bytes.
///
/// Parsers only ever see valid UTF-8 without NUL bytes, so their error paths for bad encodings
/// never run and every encoding problem is reported the same way for YAML and JSON.
enum EncodingCheck {
    static func diagnose(_ file: SourceFile) -> Diagnostic? {
        let b = file.bytes
        func at(_ offset: Int, _ length: Int = 1) -> SourceSpan {
            SourceSpan(file: file, range: SourceRange(start: offset, end: min(offset + length, b.count)))
        }
        let convert = FixIt("convert the file to UTF-8, for example with 'iconv -f UTF-16 -t UTF-8'")
        if b.count >= 4 && (b[0..<4] == [0x00, 0x00, 0xFE, 0xFF] || b[0..<4] == [0xFF, 0xFE, 0x00, 0x00]) {
            return Diagnostic(.unsupportedEncoding, "file is UTF-32 encoded; launchc reads UTF-8", at: at(0, 4),
                              fixIts: [FixIt("convert the file to UTF-8, for example with 'iconv -f UTF-32 -t UTF-8'")])
        }
        if b.count >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
            return Diagnostic(.unsupportedEncoding, "file is UTF-16 encoded (it starts with a UTF-16 byte-order mark); launchc reads UTF-8",
                              at: at(0, 2), fixIts: [convert])
        }
        // UTF-16 text without a byte-order mark: ASCII characters pair with NUL bytes (the
        // detection rule of YAML 1.2 §5.2).
        if b.count >= 2 && (b[0] == 0 && b[1] != 0 || b[0] != 0 && b[1] == 0) {
            return Diagnostic(.unsupportedEncoding, "file looks UTF-16 encoded (NUL bytes between characters); launchc reads UTF-8",
                              at: at(b[0] == 0 ? 0 : 1), fixIts: [convert])
        }
        guard let (offset, problem) = firstProblem(b) else { return nil }
        switch problem {
        case .nul:
            return Diagnostic(.binaryFile, "file contains a NUL byte; it looks binary, not YAML or JSON", at: at(offset))
        case .invalid(let byte):
            return Diagnostic(.invalidUTF8, "invalid UTF-8: byte 0x\(hex(byte)) cannot appear here", at: at(offset),
                              fixIts: [FixIt("save the file as UTF-8 (if it is Latin-1: 'iconv -f LATIN1 -t UTF-8')")])
        }
    }

    enum Problem { case nul, invalid(UInt8) }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// The first NUL byte or invalid UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF). ASCII is skipped eight bytes at a time.
    static func firstProblem(_ bytes: [UInt8]) -> (Int, Problem)? {
        bytes.withUnsafeBufferPointer { buf -> (Int, Problem)? in
            let n = buf.count
            guard let base = buf.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i < n {
                if i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let highBits = w & 0x8080_8080_8080_8080
                    let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                    if highBits == 0 && hasZero == 0 { i += 8; continue }
                }
                let c = buf[i]
                if c == 0 { return (i, .nul) }
                if c < 0x80 { i += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return (i, .invalid(c))
                }
                for k in 1..<length {
                    guard i + k < n else { return (i, .invalid(c)) }
                    let cc = buf[i + k]
                    let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                    // The sequence that starts at `i` is broken: report its first byte.
                    if cc < lo || cc > hi { return (i, .invalid(c)) }
                }
                i += length
            }
            return nil
        }
    }
}
