/// A path pattern with `.gitignore`'s meaning, used both for `.gitignore` files and for the
/// globs of `.launchc.yaml`:
///
/// - `*` matches any run of characters but `/`, `?` one character but `/`, `[a-z]` and `[!a-z]`
///   one character of (or not of) a class, and `\` makes the next character literal;
/// - `**` as a whole segment matches any number of folders (`docs/**/*.yaml`, `**/legacy`);
/// - a pattern with a `/` before its end is anchored to its folder (`queues/*.yaml`, `/build`);
///   one without matches a name at any depth (`*.json`, `legacy`);
/// - a trailing `/` matches folders only.
///
/// Paths are relative to the pattern's folder, `/`-separated, without `./`.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let segments: [Segment]
    /// Matches folders only (the pattern ended in `/`).
    public let directoryOnly: Bool

    enum Segment: Sendable, Hashable {
        /// `**`: any number of path segments.
        case anyDepth
        case name([Unicode.Scalar])
    }

    public var description: String { text }

    public init(_ text: String) {
        self.text = text
        var pattern = Substring(text)
        directoryOnly = pattern.hasSuffix("/")
        while pattern.hasSuffix("/") { pattern = pattern.dropLast() }
        let anchored = pattern.dropLast().contains("/") || pattern.hasPrefix("/")
        while pattern.hasPrefix("/") { pattern = pattern.dropFirst() }
        var segments = pattern.split(separator: "/").map { $0 == "**" ? Segment.anyDepth : .name(Array($0.unicodeScalars)) }
        if !anchored { segments.insert(.anyDepth, at: 0) }
        self.segments = segments
    }

    /// Whether the pattern matches this path itself.
    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let parts = path.split(separator: "/").map { Array($0.unicodeScalars) }
        return Self.match(segments[...], parts[...])
    }

    /// Whether the pattern matches a file's path or one of the folders it is in (as a
    /// `.gitignore` line that names a folder covers everything below it).
    public func matchesFileOrFolder(_ path: String) -> Bool {
        var parts = path.split(separator: "/").map { Array($0.unicodeScalars) }
        if !directoryOnly && Self.match(segments[...], parts[...]) { return true }
        while parts.count > 1 {
            parts.removeLast()
            if Self.match(segments[...], parts[...]) { return true }
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        switch first {
        case .anyDepth:
            var rest = path
            // A trailing `**` (`foo/**`) matches what is inside, not the folder itself.
            if pattern.count == 1 {
                guard !rest.isEmpty else { return false }
            }
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .name(let name):
            guard let segment = path.first, wildcard(name[...], segment[...]) else { return false }
            return match(pattern.dropFirst(), path.dropFirst())
        }
    }

    /// One segment against one name: `*`, `?`, classes and escapes, with the usual
    /// backtracking to the last `*`.
    static func wildcard(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var star: (p: Int, n: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex {
                switch pattern[p] {
                case "*":
                    star = (p, n)
                    p += 1
                    continue
                case "?":
                    p += 1; n += 1
                    continue
                case "[":
                    if let (matched, next) = characterClass(pattern, at: p, name[n]) {
                        if matched { p = next; n += 1; continue }
                    } else if name[n] == "[" {
                        p += 1; n += 1
                        continue
                    }
                case "\\" where p + 1 < pattern.endIndex:
                    if pattern[p + 1] == name[n] { p += 2; n += 1; continue }
                case let c:
                    if c == name[n] { p += 1; n += 1; continue }
                }
            }
            guard let last = star else { return false }
            star = (last.p, last.n + 1)
            p = last.p + 1
            n = last.n + 1
        }
        while p < pattern.endIndex && pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// A `[...]` class at `start`: whether it matches `c`, and the index after it; nil when the
    /// bracket is not closed (then it is a literal `[`).
    private static func characterClass(_ pattern: ArraySlice<Unicode.Scalar>, at start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < pattern.endIndex && (pattern[i] == "!" || pattern[i] == "^") { negated = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.endIndex && (pattern[i] != "]" || first) {
            first = false
            var low = pattern[i]
            if low == "\\" && i + 1 < pattern.endIndex { i += 1; low = pattern[i] }
            if i + 2 < pattern.endIndex && pattern[i + 1] == "-" && pattern[i + 2] != "]" {
                if low.value <= c.value && c.value <= pattern[i + 2].value { matched = true }
                i += 3
            } else {
                if low == c { matched = true }
                i += 1
            }
        }
        guard i < pattern.endIndex else { return nil }
        return (matched != negated, i + 1)
    }
}

/// The rules of one `.gitignore` file (or `.git/info/exclude`), for the folder it sits in.
struct IgnoreFile: Sendable {
    struct Rule: Sendable {
        var glob: Glob
        var negated: Bool
    }

    /// The absolute folder the rules are relative to, ending in `/`.
    var base: String
    var rules: [Rule]

    /// Reads the rules of a file, or nil when there is none.
    static func load(_ path: String, base: String) -> IgnoreFile? {
        guard let bytes = FileSystem.contents(of: path) else { return nil }
        var rules: [Rule] = []
        for raw in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(raw)
            // Trailing spaces do not count unless escaped.
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") { negated = true; line = line.dropFirst() }
            if line.hasPrefix("\\#") || line.hasPrefix("\\!") { line = line.dropFirst() }
            if line.isEmpty { continue }
            rules.append(Rule(glob: Glob(String(line)), negated: negated))
        }
        return IgnoreFile(base: base.hasSuffix("/") ? base : base + "/", rules: rules)
    }

    /// Whether the last rule that matches the path ignores it (nil when none matches).
    func verdict(_ absolutePath: String, isDirectory: Bool) -> Bool? {
        guard absolutePath.hasPrefix(base) else { return nil }
        let relative = String(absolutePath.dropFirst(base.count))
        var result: Bool?
        for rule in rules where rule.glob.matches(relative, isDirectory: isDirectory) {
            result = !rule.negated
        }
        return result
    }
}

/// The ignore files in force for a walk, outermost first; the innermost that has a verdict
/// decides, as in git.
struct IgnoreStack: Sendable {
    var files: [IgnoreFile] = []

    func ignores(_ absolutePath: String, isDirectory: Bool) -> Bool {
        for file in files.reversed() {
            if let verdict = file.verdict(absolutePath, isDirectory: isDirectory) { return verdict }
        }
        return false
    }

    /// The stack for walking `directory` (absolute): inside a git work tree, the repository's
    /// `.git/info/exclude` and every `.gitignore` from its root down to (not including) the
    /// folder itself, which the walk reads on entering it. Outside one, nothing is ignored.
    static func enclosing(_ directory: String) -> IgnoreStack? {
        guard let root = FileSystem.repositoryRoot(containing: directory) else { return nil }
        var stack = IgnoreStack()
        if let exclude = IgnoreFile.load(root + "/.git/info/exclude", base: root) { stack.files.append(exclude) }
        var folders: [String] = []
        var folder = directory
        while folder != root, let parent = FileSystem.parent(of: folder) {
            folder = parent
            folders.append(folder)
        }
        for folder in folders.reversed() {
            if let file = IgnoreFile.load(FileSystem.join(folder, ".gitignore"), base: folder) { stack.files.append(file) }
        }
        return stack
    }
}
