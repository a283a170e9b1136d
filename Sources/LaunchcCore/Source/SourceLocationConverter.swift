/// Turns byte offsets into lines and columns for one file, through a table of line starts
/// built once.
///
/// Line breaks are `\n`, `\r\n` and `\r`, as in JSON and YAML 1.2 (libyaml also breaks lines
/// at U+0085, U+2028 and U+2029; launchc never uses libyaml's line numbers, only its character
/// index, so that difference cannot leak into positions). Columns count Unicode scalars, so a
/// column is the same whatever the script of the text before it.
public struct SourceLocationConverter: Sendable {
    public let file: SourceFile
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// For every `block` bytes, the number of Unicode scalars before that block, so that a
    /// column on a long line (a minified JSON file is one line) costs at most one block's scan,
    /// not the whole line's.
    private let scalarsBefore: [Int]
    private static let block = 512

    public init(file: SourceFile) {
        self.file = file
        var starts = [0]
        let bytes = file.bytes
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
        var counts: [Int] = []
        if n > Self.block {
            counts.reserveCapacity(n / Self.block + 1)
            var scalars = 0
            bytes.withUnsafeBufferPointer { buffer in
                for start in stride(from: 0, to: n, by: Self.block) {
                    counts.append(scalars)
                    for byte in buffer[start..<min(start + Self.block, n)] where byte & 0xC0 != 0x80 { scalars += 1 }
                }
            }
            counts.append(scalars)
        }
        scalarsBefore = counts
    }

    /// The number of Unicode scalars (UTF-8 lead bytes) in `bytes[from..<to]`.
    private func scalars(from: Int, to: Int) -> Int {
        guard to > from else { return 0 }
        let bytes = file.bytes
        func scan(_ a: Int, _ b: Int) -> Int {
            var count = 0
            for i in a..<b where bytes[i] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        guard to - from > 2 * Self.block, !scalarsBefore.isEmpty else { return scan(from, to) }
        // Whole blocks from the table, partial ones by scanning.
        let firstBlock = (from + Self.block - 1) / Self.block
        let lastBlock = to / Self.block
        return scan(from, firstBlock * Self.block) + scalarsBefore[lastBlock] - scalarsBefore[firstBlock] + scan(lastBlock * Self.block, to)
    }

    /// The 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), file.bytes.count)
        let line = lineIndex(of: clamped)
        var start = lineStarts[line]
        // A byte-order mark is not a column.
        if line == 0 { start = min(file.byteOrderMarkLength, clamped) }
        return SourceLocation(line: line + 1, column: 1 + scalars(from: start, to: clamped), offset: clamped)
    }

    /// The byte range of a line's content (without its line break), by 0-based index.
    public func contentRange(ofLine index: Int) -> Range<Int> {
        var start = lineStarts[index]
        if index == 0 { start = min(file.byteOrderMarkLength, file.bytes.count) }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : file.bytes.count
        while end > start && (file.bytes[end - 1] == 0x0A || file.bytes[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }
}
