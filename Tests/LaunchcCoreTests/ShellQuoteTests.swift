import Foundation
@testable import LaunchcCore
import Testing

/// `render --format shell` prints words quoted as the agent quotes them (`ShellQuote`, Python's
/// `shlex.quote`). The property: for any words at all (quotes, backslashes, `$()`, backticks,
/// globs, newlines, control characters, any Unicode; no NUL, which no argv can hold), a real
/// shell given the quoted line reconstructs exactly those words.
@Suite struct ShellQuoteTests {
    /// A small deterministic generator (SplitMix64), so that a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Characters a shell treats specially, and the rest of the scalar range without NUL.
    static let hostile: [Unicode.Scalar] = Array("'\"\\$`(){}[]<>|&;*?~#!= \t\n\r-%@^,.:/+".unicodeScalars)

    static func word(_ g: inout Generator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<g.below(12) {
            switch g.below(6) {
            case 0, 1, 2: scalars.append(hostile[g.below(hostile.count)])
            case 3: scalars.append(Unicode.Scalar(UInt8(1 + g.below(127))))  // ASCII and controls, no NUL
            case 4: scalars.append(Unicode.Scalar(UInt32(0x80 + g.below(0x780)))!)  // Latin-1, Greek, Cyrillic, ...
            default:
                // Anything above, surrogates excluded.
                var value = UInt32(0x800 + g.below(0x10_F800))
                if (0xD800...0xDFFF).contains(value) { value = 0xFFFD }
                scalars.append(Unicode.Scalar(value)!)
            }
        }
        // Now and then a whole construct a shell would run.
        if g.below(8) == 0 { return ["$(touch pwned)", "`id`", "${HOME}", "'; rm -rf / #", "a\nb", "*", "~", "!!", "-rf", ""][g.below(10)] }
        return String(scalars)
    }

    /// The words the shell passes to printf, split at the NULs printf writes after each.
    func reconstructed(_ line: String, shell: String) throws -> [[UInt8]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", line]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(shell) -c \(line.debugDescription)")
        var words = Array(data).split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        words.removeLast()  // after the last NUL
        return words
    }

    @Test(arguments: ["/bin/sh", "/bin/bash"]) func aShellGetsBackExactlyTheWords(_ shell: String) throws {
        guard FileManager.default.isExecutableFile(atPath: shell) else { return }
        var g = Generator(state: 20_261_123)
        for _ in 0..<150 {
            let words = (0..<(1 + g.below(6))).map { _ in Self.word(&g) }
            let line = (["printf", "%s\\\\0"] + words.map(ShellQuote.quote)).joined(separator: " ")
            let got = try reconstructed(line, shell: shell)
            #expect(got == words.map { Array($0.utf8) }, "\(shell): \(words.map(\.debugDescription)) → \(line.debugDescription)")
        }
    }

    @Test func quotingIsThePythonForm() {
        #expect(ShellQuote.quote("") == "''")
        #expect(ShellQuote.quote("train.py") == "train.py")
        #expect(ShellQuote.quote("--lr=0.1") == "--lr=0.1")
        #expect(ShellQuote.quote("a b") == "'a b'")
        #expect(ShellQuote.quote("it's") == "'it'\"'\"'s'")
        #expect(ShellQuote.quote("$(id)") == "'$(id)'")
        #expect(ShellQuote.quote("é") == "'é'")
        // A quote and a combining mark are one Character; the quote must still be escaped.
        #expect(ShellQuote.quote("'\u{301}; id; '") == "''\"'\"'\u{301}; id; '\"'\"''")
    }
}
