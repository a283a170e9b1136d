#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Unicode text-direction controls (U+202A–U+202E, U+2066–U+2069) anywhere in a file, comments
/// included (LC1106): they make an editor or a code review show text in another order than
/// the bytes a program reads (the "Trojan Source" attack), so that a value can look like
/// another value. A byte scan, since every one of them is `E2 80 AA`–`E2 80 AE` or
/// `E2 81 A6`–`E2 81 A9` in UTF-8.
enum BidiControls {
    static func find(in file: SourceFile) -> [Diagnostic] {
        let bytes = file.bytes
        guard bytes.count >= 3 else { return [] }
        // Most files have no 0xE2 byte at all; memchr finds out at memory speed.
        let first = bytes.withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress!, 0xE2, buffer.count).map { UnsafeRawPointer(buffer.baseAddress!).distance(to: UnsafeRawPointer($0)) }
        }
        guard let first else { return [] }
        var found: [Diagnostic] = []
        var i = first
        while i + 2 < bytes.count {
            guard bytes[i] == 0xE2 else { i += 1; continue }
            let (b1, b2) = (bytes[i + 1], bytes[i + 2])
            if (b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) {
                let scalar = 0x2000 + (UInt32(b1 & 0x3F) << 6) + UInt32(b2 & 0x3F)
                let name = names[scalar] ?? "a direction control"
                found.append(Diagnostic(
                    .bidiControl, "invisible text-direction control U+\(String(scalar, radix: 16, uppercase: true)) (\(name))",
                    at: SourceSpan(file: file, range: SourceRange(start: i, end: i + 3)),
                    notes: [Note("editors and code review show the text around it in another order than the bytes launchc and the agent read")],
                    fixIts: [FixIt("delete it", edits: [TextEdit(range: SourceRange(start: i, end: i + 3), replacement: "")])]))
                i += 3
            } else {
                i += 1
            }
        }
        return found
    }

    static let names: [UInt32: String] = [
        0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding", 0x202C: "pop directional formatting",
        0x202D: "left-to-right override", 0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
        0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
    ]
}
