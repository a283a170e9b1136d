#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Unbuffered writes of whole texts to standard output and standard error: each call is one
/// `write(2)` loop, so output is complete before any exit.
public enum Output {
    public static func write(_ text: String, to stream: OutputStream = .standardOutput) {
        _ = writeAll(text, to: stream == .standardOutput ? 1 : 2)
    }

    /// Writes all of `text` to `fd`, retrying interrupted writes: 0, or the `errno` that stopped it.
    public static func writeAll(_ text: String, to fd: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { buffer in
            guard var pointer = buffer.baseAddress else { return 0 }
            var left = buffer.count
            while left > 0 {
                let n = systemWrite(fd, pointer, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                pointer += n
                left -= n
            }
            return 0
        }
    }

    static func systemWrite(_ fd: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, pointer, count)
        #elseif canImport(Musl)
        return Musl.write(fd, pointer, count)
        #else
        return Glibc.write(fd, pointer, count)
        #endif
    }
}

/// Carries out an `Outcome`: its texts to the streams and its files, in order, then says with
/// what status the process should exit. A file that cannot be written is an error on standard
/// error (LC1902) and makes the status 2.
public enum Emitter {
    /// `write` puts text on a stream (the process's own by default; tests capture it), and
    /// `found` hears of each finding carrying it out makes (a file it could not write).
    public static func perform(_ outcome: Outcome, environment: RunEnvironment, color: ColorMode = .auto,
                               write: (String, OutputStream) -> Void = { Output.write($0, to: $1) },
                               found: (Diagnostic) -> Void = { _ in }) -> Int32 {
        var failed = false
        for action in outcome.actions {
            switch action {
            case .write(let text, let stream):
                write(text, stream)
            case .file(let path, let text, let what, let stops, let done):
                guard let problem = AtomicFile.write(text, to: path) else {
                    if let done { write(done, .standardError) }
                    continue
                }
                let finding = Diagnostic(.outputUnwritable, "cannot write \(what): \(problem)", at: .invocation)
                found(finding)
                write(TextReporter(style: environment.style(.standardError, mode: color)).renderDiagnostics([finding]), .standardError)
                if stops { return 2 }
                failed = true
            }
        }
        return failed ? 2 : outcome.status
    }
}
