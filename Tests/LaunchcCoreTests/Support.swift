import Testing
@testable import LaunchcCore

#if canImport(Glibc)
import Glibc
#endif

/// Where the package is, so tests can read `fixtures/` wherever `swift test` runs.
enum Package {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/LaunchcCoreTests/Support.swift
        return parts.joined(separator: "/")
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The fixture files in a folder of `fixtures/`, by name, without the expected outputs.
    static func fixtures(in folder: String) -> [String] {
        guard let dir = opendir(path("fixtures/" + folder)) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") || name.contains(".expected.") || name.hasSuffix(".parse.json") || name.hasSuffix(".parse.txt") { continue }
            names.append(name)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A fixture read from disk but named by its path relative to the package, as the CLI
    /// names it when run from the package root.
    static func source(_ relative: String) throws -> SourceFile {
        let file = try InputReader.read(path: path(relative)).get()
        return SourceFile(path: relative, bytes: file.bytes)
    }
}

/// Golden-file comparison. `LAUNCHC_RECORD=1 swift test` rewrites the expected files and
/// fails, so a forgotten switch can never pass CI.
enum Golden {
    static var recording: Bool { getenv("LAUNCHC_RECORD").map { String(cString: $0) == "1" } ?? false }

    static func assert(_ actual: String, matches relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let path = Package.path(relative)
        if recording {
            writeFile(path, actual)
            Issue.record("recorded \(relative); run again without LAUNCHC_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = readFile(path) else {
            Issue.record("missing golden file \(relative); record it with LAUNCHC_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record("\(relative) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// A line diff: `-` expected, `+` actual.
    static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, let line, _): out.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): out.append("+\(offset + 1): \(line)")
            }
        }
        return out.prefix(60).joined(separator: "\n")
    }

    static func readFile(_ path: String) -> String? {
        guard case .success(let file) = InputReader.read(path: path) else { return nil }
        return String(decoding: file.bytes, as: UTF8.self)
    }

    static func writeFile(_ path: String, _ text: String) {
        guard let handle = fopen(path, "wb") else { return }
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
    }
}

/// Test inputs with position markers instead of hand-counted columns: `⟨name⟩` marks the
/// byte offset where it stands and is removed from the text.
struct Marked {
    var text: String
    var offsets: [String: Int] = [:]

    init(_ marked: String) {
        var out: [UInt8] = []
        var bytes = Array(marked.utf8)[...]
        let open = Array("⟨".utf8)
        let close = Array("⟩".utf8)
        while !bytes.isEmpty {
            if bytes.starts(with: open), let end = bytes.firstRange(of: close) {
                let name = String(decoding: bytes[(bytes.startIndex + open.count)..<end.lowerBound], as: UTF8.self)
                offsets[name] = out.count
                bytes = bytes[end.upperBound...]
            } else {
                out.append(bytes.removeFirst())
            }
        }
        text = String(decoding: out, as: UTF8.self)
    }

    subscript(_ name: String) -> Int { offsets[name] ?? -1 }

    var file: SourceFile { SourceFile(path: "test.yaml", text: text) }
}

extension ParseResult {
    var root: Node? { documents.first?.root }
    var codes: [String] { diagnostics.map(\.code) }
}

func parseYAML(_ text: String, limits: Limits = .default) -> ParseResult {
    DocumentParser.parse(SourceFile(path: "test.yaml", text: text), limits: limits)
}

func parseJSON(_ text: String, limits: Limits = .default) -> ParseResult {
    DocumentParser.parse(SourceFile(path: "test.json", text: text), limits: limits)
}
