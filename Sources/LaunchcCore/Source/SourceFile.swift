/// The bytes of one input, exactly as read, and the name it is reported under.
///
/// Every position in launchc is a byte offset into `bytes` (see `SourceRange`), so a
/// `SourceFile` is what gives those offsets a meaning. It is immutable and shared by the
/// document tree's diagnostics; line and column numbers are derived from it only when
/// something is printed (`SourceLocationConverter`).
public final class SourceFile: Sendable {
    /// The path as the user gave it (or `--stdin-name`, or `<stdin>`).
    public let path: String
    /// The raw bytes, including any byte-order mark.
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The number of bytes of the UTF-8 byte-order mark the file starts with (0 or 3).
    public var byteOrderMarkLength: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The file's text for a range, with invalid UTF-8 repaired (ranges come from parsers
    /// that only run on valid UTF-8, so repair never happens in practice).
    public func text(in range: SourceRange) -> String {
        let start = min(max(range.start, 0), bytes.count)
        let end = min(max(range.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A half-open range of byte offsets, `start..<end`, into a `SourceFile`.
///
/// Offsets are stored as `UInt32` to keep document nodes small: launchc refuses inputs of
/// 4 GiB or more before parsing (see `Limits.maxFileBytes`).
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline var storedStart: UInt32
    @usableFromInline var storedEnd: UInt32

    @inlinable public var start: Int { Int(storedStart) }
    @inlinable public var end: Int { Int(storedEnd) }
    public var isEmpty: Bool { storedStart == storedEnd }

    @inlinable public init(start: Int, end: Int) {
        storedStart = UInt32(truncatingIfNeeded: start)
        storedEnd = UInt32(truncatingIfNeeded: max(start, end))
    }

    /// An empty range at one offset.
    public static func at(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }

    public var description: String { "\(start)..<\(end)" }
}

/// A human position: 1-based line, 1-based column counted in Unicode scalars, and the
/// 0-based byte offset it came from.
public struct SourceLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var offset: Int
}
