#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Why an input could not be read at all. These become `LC1002`/`LC1006` and exit code 2.
public struct ReadFailure: Error, Sendable {
    public var path: String
    public var id: DiagnosticID
    public var message: String
}

/// Reads files and standard input with plain POSIX calls: one `open`, one `fstat`, reads into
/// one buffer. Foundation's file APIs would add milliseconds of start-up to every run.
public enum InputReader {
    public static func read(path: String, limits: Limits = .default) -> Result<SourceFile, ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(failure(path, errno)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { return .failure(failure(path, errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(failure(path, EISDIR)) }
        let sizeHint = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        if sizeHint > limits.maxFileBytes { return .failure(tooLarge(path, limits)) }
        return readAll(fd: fd, path: path, sizeHint: sizeHint, limits: limits)
    }

    public static func readStandardInput(name: String, limits: Limits = .default) -> Result<SourceFile, ReadFailure> {
        readAll(fd: 0, path: name, sizeHint: 0, limits: limits)
    }

    /// A document already in memory, held to the same size limit as a file.
    public static func check(_ file: SourceFile, limits: Limits = .default) -> Result<SourceFile, ReadFailure> {
        file.bytes.count > limits.maxFileBytes ? .failure(tooLarge(file.path, limits)) : .success(file)
    }

    static func readAll(fd: Int32, path: String, sizeHint: Int, limits: Limits) -> Result<SourceFile, ReadFailure> {
        // A regular file is read straight into an array of its size (one byte more, to notice
        // a file that grew); pipes and growing files continue in chunks.
        var failedErrno: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: sizeHint + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let n = systemRead(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if n < 0 {
                    if errno == EINTR { continue }
                    failedErrno = errno
                    return
                }
                if n == 0 { break }
                initialized += n
            }
        }
        if failedErrno != 0 { return .failure(failure(path, failedErrno)) }
        if bytes.count <= sizeHint { return .success(SourceFile(path: path, bytes: bytes)) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(failure(path, errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limits.maxFileBytes { return .failure(tooLarge(path, limits)) }
        }
        return .success(SourceFile(path: path, bytes: bytes))
    }

    static func failure(_ path: String, _ code: Int32) -> ReadFailure {
        let reason = String(cString: strerror(code)).lowercased()
        let message = code == EISDIR
            ? "cannot read '\(path)': it is a directory"
            : "cannot read '\(path)': \(reason)"
        return ReadFailure(path: path, id: .unreadableFile, message: message)
    }

    static func tooLarge(_ path: String, _ limits: Limits) -> ReadFailure {
        ReadFailure(path: path, id: .fileTooLarge,
                    message: "'\(path)' is larger than the \(formatBytes(limits.maxFileBytes)) launchc reads")
    }

    static func formatBytes(_ n: Int) -> String {
        if n >= 1 << 30 && n % (1 << 30) == 0 { return "\(n >> 30) GiB" }
        if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
        return "\(n) bytes"
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
