/// A unified diff (`diff -u`) of two versions of a file, by lines, with three lines of context.
public enum UnifiedDiff {
    public static let context = 3

    /// Empty when the two are the same.
    public static func make(path: String, old: [UInt8], new: [UInt8]) -> String {
        let a = lines(old), b = lines(new)
        let script = operations(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        // A tab ends the name, so that a name with spaces reaches patch whole (diff -u writes a date there).
        let name = path.contains(where: { $0 == " " || $0 == "\t" }) ? path + "\t" : path
        var out = "--- \(name)\n+++ \(name)\n"
        // Hunks: runs of changes, with their context, merged when their contexts meet.
        var changes: [Int] = []
        for (i, op) in script.enumerated() where op.kind != .same { changes.append(i) }
        var hunks: [Range<Int>] = []
        for i in changes {
            let range = max(0, i - context)..<min(script.count, i + context + 1)
            if let last = hunks.last, range.lowerBound <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            let ops = script[hunk]
            let oldCount = ops.filter { $0.kind != .insert }.count
            let newCount = ops.filter { $0.kind != .delete }.count
            // A side with no lines is numbered by the line before it, as diff does.
            let oldStart = (ops.first { $0.kind != .insert }?.old).map { $0 + 1 } ?? ops.first!.old
            let newStart = (ops.first { $0.kind != .delete }?.new).map { $0 + 1 } ?? ops.first!.new
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in ops {
                let (mark, line): (String, ArraySlice<UInt8>) = switch op.kind {
                case .same: (" ", a[op.old])
                case .delete: ("-", a[op.old])
                case .insert: ("+", b[op.new])
                }
                out += mark + String(decoding: line, as: UTF8.self)
                if line.last != 0x0A { out += "\n\\ No newline at end of file\n" }
            }
        }
        return out
    }

    static func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }

    /// Lines with their line break (the last may have none).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }

    struct Operation: Equatable {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// The line's index in the old and the new version (for an insertion, `old` is where it
        /// goes; for a deletion, `new` likewise).
        var old: Int
        var new: Int
    }

    /// The most memory the search keeps (its trace), in entries; past it, the lines between the
    /// common head and tail are shown replaced whole.
    static let maxTrace = 1 << 24

    /// The shortest edit script from `a` to `b`, one operation per line: the common head and
    /// tail, and Myers' greedy algorithm between them.
    static func operations(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation] {
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var ops = (0..<head).map { Operation(kind: .same, old: $0, new: $0) }
        let middle = myers(Array(a[head..<(a.count - tail)]), Array(b[head..<(b.count - tail)])) ?? (
            (head..<(a.count - tail)).map { Operation(kind: .delete, old: $0 - head, new: 0) }
                + (head..<(b.count - tail)).map { Operation(kind: .insert, old: a.count - tail - head, new: $0 - head) })
        ops += middle.map { Operation(kind: $0.kind, old: $0.old + head, new: $0.new + head) }
        ops += (0..<tail).map { Operation(kind: .same, old: a.count - tail + $0, new: b.count - tail + $0) }
        return ops
    }

    /// nil when the search would keep more than `maxTrace` entries.
    static func myers(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation]? {
        let n = a.count, m = b.count
        let offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            if (trace.count + 1) * v.count > maxTrace { return nil }
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        var ops: [Operation] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                ops.append(Operation(kind: .same, old: x, new: y))
            }
            if d > 0 {
                if x == previousX { ops.append(Operation(kind: .insert, old: x, new: previousY)) } else { ops.append(Operation(kind: .delete, old: previousX, new: y)) }
                x = previousX
                y = previousY
            }
        }
        return ops.reversed()
    }
}
