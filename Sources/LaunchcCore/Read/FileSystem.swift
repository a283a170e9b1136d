#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The few path and file-system facts the walker and the project config need, with plain
/// POSIX calls and lexical path arithmetic (no symlink resolution, so that paths read back as
/// the user wrote them).
public enum FileSystem {
    /// Names in byte order, as git lists them (not `String`'s Unicode order).
    static func sortedByBytes(_ names: [String]) -> [String] {
        names.map { ($0, Array($0.utf8)) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// An absolute, normalised path (`.` and `..` segments resolved lexically).
    static func absolute(_ path: String, from directory: String? = nil) -> String {
        let joined = path.hasPrefix("/") ? path : join(directory ?? currentDirectory(), path)
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder holding an absolute path; nil for `/`.
    static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` relative to `directory` when it lies inside it (both absolute).
    static func relative(_ path: String, to directory: String) -> String? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The top of the git work tree holding an absolute folder (the nearest folder with a
    /// `.git` entry), or nil outside one.
    static func repositoryRoot(containing directory: String) -> String? {
        var folder: String? = directory
        while let current = folder {
            if exists(join(current, ".git")) { return current }
            folder = parent(of: current)
        }
        return nil
    }

    /// A small file's bytes, or nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        guard case .success(let file) = InputReader.read(path: path) else { return nil }
        return file.bytes
    }
}
