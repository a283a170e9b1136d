// launchc-conformance SUITE_DIR [FILE_NAME...]: runs the official JSON Schema Test Suite's
// draft 2020-12 tests (SUITE_DIR/tests/draft2020-12) with launchc's engine: the required tests
// (`*.json`), which must all pass, then those of `optional/` and `optional/format/`, reported
// but not required. Remote references to http://localhost:1234/ are served in-process from
// SUITE_DIR/remotes, and the 2020-12 metaschemas from launchc's bundled copies; nothing goes to
// the network. Prints each failing required test, a line per file, and a summary line per part;
// exits 1 when a required test fails, 2 when the suite cannot be read.

import LaunchcCore

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: launchc-conformance SUITE_DIR [FILE_NAME...]")
    exit(2)
}
let suite = arguments[1]
let only = Set(arguments.dropFirst(2))

func load(_ path: String) -> Node? {
    guard case .success(let file) = InputReader.read(path: path) else { return nil }
    return DocumentParser.parse(file, format: .json).documents.first?.root
}

/// Why a test file does not load: launchc's own finding about it.
func whyUnreadable(_ path: String) -> String {
    guard case .success(let file) = InputReader.read(path: path) else { return "cannot read" }
    let problem = DocumentParser.parse(file, format: .json).diagnostics.first
    return problem.map { "not loaded: \($0.code) \($0.message)" } ?? "cannot read"
}

func remote(_ uri: String) -> Node? {
    let prefix = "http://localhost:1234/"
    if uri.hasPrefix(prefix) { return load(suite + "/remotes/" + uri.dropFirst(prefix.count)) }
    return BundledSchemas.document(id: uri)
}

func files(in directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasSuffix(".json") { names.append(name) }
    }
    return names.sorted()
}

func text(_ node: Node?) -> String {
    if case .string(let s)? = node?.value { return s }
    return "?"
}

/// Runs every test of the files in `directory`; prints failures when `verbose`.
func run(_ directory: String, label: String, verbose: Bool) -> (passed: Int, failed: Int) {
    var passed = 0
    var failed = 0
    let names = files(in: directory).filter { only.isEmpty || only.contains($0) }
    for name in names {
        guard case .array(let groups)? = load(directory + "/" + name)?.value else {
            print("\(label)\(name): \(whyUnreadable(directory + "/" + name))")
            failed += 1
            continue
        }
        var (filePassed, fileFailed) = (0, 0)
        for group in groups {
            guard let schema = group["schema"], case .array(let tests)? = group["tests"]?.value else { continue }
            var compiler = SchemaCompiler(loader: remote)
            let root = compiler.add(schema, uri: "https://launchc.test/\(label)\(name)/\(filePassed + fileFailed)")
            compiler.finish()
            let validator = SchemaValidator(compiler.set)
            for test in tests {
                guard let data = test["data"], case .bool(let expected)? = test["valid"]?.value else { continue }
                let actual = compiler.errors.isEmpty ? validator.isValid(data, against: root) : nil
                if actual == expected {
                    filePassed += 1
                    continue
                }
                fileFailed += 1
                guard verbose else { continue }
                let why: String
                if let error = compiler.errors.first {
                    why = "schema error: \(error.message)"
                } else if let stop = validator.stopped {
                    why = "evaluation stopped: \(stop)"
                } else {
                    why = "expected \(expected ? "valid" : "invalid")"
                }
                print("  \(label.isEmpty ? "" : "optional ")FAIL \(label)\(name) | \(text(group["description"])) | \(text(test["description"])): \(why)")
            }
        }
        print("\(label)\(name): \(filePassed) passed, \(fileFailed) failed")
        passed += filePassed
        failed += fileFailed
    }
    return (passed, failed)
}

func percent(_ passed: Int, _ failed: Int) -> String {
    let total = passed + failed
    guard total > 0 else { return "no tests" }
    let tenths = (passed * 1000) / total
    return "\(tenths / 10).\(tenths % 10)%"
}

let directory = suite + "/tests/draft2020-12"
guard !files(in: directory).isEmpty else {
    print("launchc-conformance: no tests in \(directory)")
    exit(2)
}
let required = run(directory, label: "", verbose: true)
let optional = run(directory + "/optional", label: "optional/", verbose: true)
let format = run(directory + "/optional/format", label: "optional/format/", verbose: false)
print("draft 2020-12 required tests: \(required.passed) passed, \(required.failed) failed (\(percent(required.passed, required.failed)))")
print("draft 2020-12 optional tests (reported, not required): \(optional.passed) passed, \(optional.failed) failed (\(percent(optional.passed, optional.failed)))")
print("draft 2020-12 optional format assertions (launchc treats format as an annotation): \(format.passed) passed, \(format.failed) failed")
exit(required.failed == 0 ? 0 : 1)
