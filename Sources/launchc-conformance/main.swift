// launchc-conformance SUITE_DIR: runs the official JSON Schema Test Suite's required draft
// 2020-12 tests (SUITE_DIR/tests/draft2020-12/*.json, not optional/) with launchc's engine.
// Remote references to http://localhost:1234/ are served from SUITE_DIR/remotes, and the
// 2020-12 metaschemas from launchc's bundled copies; nothing goes to the network.
// Prints each failing test, a line per file, and "N passed, N failed"; exits 1 on a failure.

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

var passed = 0
var failed = 0
let directory = suite + "/tests/draft2020-12"
for name in files(in: directory) where only.isEmpty || only.contains(name) {
    guard case .array(let groups)? = load(directory + "/" + name)?.value else {
        print("\(name): cannot read")
        failed += 1
        continue
    }
    var (filePassed, fileFailed) = (0, 0)
    for group in groups {
        guard let schema = group["schema"], case .array(let tests)? = group["tests"]?.value else { continue }
        let description = group["description"].flatMap { if case .string(let s) = $0.value { s } else { nil } } ?? "?"
        var compiler = SchemaCompiler(loader: remote)
        let root = compiler.add(schema, uri: "https://launchc.test/\(name)/\(filePassed + fileFailed)")
        compiler.finish()
        let validator = SchemaValidator(compiler.set)
        for test in tests {
            guard let data = test["data"], case .bool(let expected)? = test["valid"]?.value else { continue }
            let testDescription = test["description"].flatMap { if case .string(let s) = $0.value { s } else { nil } } ?? "?"
            let actual = compiler.errors.isEmpty ? validator.isValid(data, against: root) : nil
            if actual == expected {
                filePassed += 1
            } else {
                fileFailed += 1
                let why = compiler.errors.isEmpty ? "expected \(expected ? "valid" : "invalid")" : "schema error: \(compiler.errors[0].message)"
                print("  FAIL \(name) | \(description) | \(testDescription): \(why)")
            }
        }
    }
    print("\(name): \(filePassed) passed, \(fileFailed) failed")
    passed += filePassed
    failed += fileFailed
}
print("draft 2020-12 required tests: \(passed) passed, \(failed) failed")
exit(failed == 0 ? 0 : 1)
