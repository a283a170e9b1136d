#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A file written whole or not at all: a temporary file beside the target, then `rename(2)`.
/// On any failure the temporary file is removed and an existing target is left as it was.
public enum AtomicFile {
    /// nil on success, else what went wrong. A regular file (or a new one) is replaced whole or
    /// not at all: the text goes to a temporary file beside it, which is renamed over it once
    /// written and synced; a file that existed keeps its permissions. A symbolic link keeps
    /// pointing where it did: the file it leads to (even one not there yet) is what is written.
    /// A device or a FIFO (`/dev/stdout`, `/dev/full`, a named pipe) is written in place, as a
    /// shell's `>` would (a FIFO waits for its reader), since renaming over it would destroy it.
    public static func write(_ text: String, to requested: String) -> String? {
        var path = requested
        var info = stat()
        var hops = 0
        while lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            hops += 1
            guard hops <= 40 else { return String(cString: strerror(ELOOP)) }
            var buffer = [CChar](repeating: 0, count: 4097)
            let count = readlink(path, &buffer, 4096)
            guard count >= 0 else { return String(cString: strerror(errno)) }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let slash = path.lastIndex(of: "/")
            path = target.hasPrefix("/") || slash == nil ? target : String(path[...slash!]) + target
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a directory" }
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { return String(cString: strerror(errno)) }
            let written = Output.writeAll(text, to: fd)
            let closed = close(fd) == 0 ? 0 : errno
            if written != 0 { return String(cString: strerror(written)) }
            if closed != 0 { return String(cString: strerror(closed)) }
            return nil
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((directory + "." + name + ".launchc-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { return String(cString: strerror(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        let written = Output.writeAll(text, to: fd)
        if written != 0 { failure = String(cString: strerror(written)) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        // mkstemp creates 0600: give the file the mode the one it replaces had, or the mode a
        // plain create would (0666 less the umask), so that a private file stays private.
        let mask = umask(0)
        umask(mask)
        var old = stat()
        let mode = stat(path, &old) == 0 ? old.st_mode & 0o7777 : 0o666 & ~mask
        if failure == nil, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(temporary) }
        return failure
    }
}
