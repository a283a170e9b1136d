/// libFuzzer targets for launchc's core, and a replayer for the inputs they find.
///
/// Built for fuzzing (`make fuzz TARGET=... SECONDS=...`), with `-sanitize=fuzzer,address` and
/// `-D LAUNCHC_FUZZ`, this file exports `LLVMFuzzerTestOneInput` and libFuzzer provides `main`;
/// the target is taken from `LAUNCHC_FUZZ_TARGET`. Built plainly (as `swift build` does), it is a
/// small program that runs files through a target: `launchc-fuzz TARGET FILE...`, which is how
/// the tests replay the crashes fuzzing found (`fixtures/fuzz/`).
import LaunchcCore
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: the bytes of one input through one part of launchc. Each must return for
/// every input; a crash, a sanitizer report or a hang is the finding.
enum Target: String, CaseIterable {
    /// The YAML parser, every document of a stream.
    case yaml
    /// The JSON parser.
    case json
    /// `check` of the input as each kind and resource in turn (chosen by its first byte), with
    /// the rest of the input as the file; for an odd first byte, `--fix` and `--diff` too.
    case check
    /// `render` of a queue (the input's first part) with a launch spec (after a line `---spec`).
    case render
    /// `policy` of an agent config (the input's first part) with a queue (after a line `---spec`),
    /// taken as a queue definition or as a queue config for each resource in turn.
    case policy
    /// A user's schema and a document checked against it. With the first byte's high bit set,
    /// the input is the schema's text and the document's (after a line `---document`); else the
    /// bytes drive a generator of `$ref`, `$anchor`, `$dynamicAnchor`/`$dynamicRef` graphs
    /// (cycles through every in-place applicator included) and of documents with thousands of
    /// keys and items, so many findings, under small depth and step limits.
    case userSchema = "user-schema"

    func run(_ bytes: [UInt8]) {
        switch self {
        case .yaml:
            _ = DocumentParser.parse(SourceFile(path: "fuzz.yaml", bytes: bytes), format: .yaml)
        case .json:
            _ = DocumentParser.parse(SourceFile(path: "fuzz.json", bytes: bytes), format: .json)
        case .check:
            let (classifier, rest) = Self.classifier(bytes)
            // Every input is also checked against a user schema whose patterns use what only a
            // user's schema reaches: backreferences, lookbehind, budgets run out.
            let options = CheckOptions(limits: Self.limits, schemas: Self.hostileSchema.map { [$0] } ?? [], classifier: classifier)
            let report = Checker.check(SourceFile(path: "fuzz.yaml", bytes: rest), options: options)
            // Every reporter must cope with what the checker produced.
            let run = RunReport(files: [report], strict: false)
            let reporters: [any Reporter] = [TextReporter(style: ReportStyle(color: true)), JSONReporter(),
                                             SARIFReporter(toolVersion: "fuzz"), GitHubReporter(), JUnitReporter()]
            for reporter in reporters { _ = reporter.render(run) }
            // Half the inputs (by the first byte) also go through --fix and --diff.
            if let first = bytes.first, first & 1 == 1 {
                let file = SourceFile(path: "fuzz.yaml", bytes: rest)
                let outcome = Fixer.fix(file, options: CheckOptions(limits: Self.limits, classifier: classifier))
                _ = UnifiedDiff.make(path: file.path, old: rest, new: outcome.fixed)
            }
        case .policy:
            Self.policy(bytes)
        case .userSchema:
            Self.schemaAndDocument(bytes)
        case .render:
            let (queue, spec) = Self.split(bytes)
            let rendered = Renderer().render(queue: SourceFile(path: "queue.yaml", bytes: queue),
                                             spec: spec.map { SourceFile(path: "spec.yaml", bytes: $0) })
            // Every way render prints a body.
            switch rendered.body {
            case .json(let node)?:
                _ = CanonicalJSON.string(node, indent: 2)
                _ = YAMLWriter.document(node)
                if case .array(let objects) = node.value { _ = YAMLWriter.stream(objects.map(Renderer.applyReady)) }
            case .command(let argv, _, let line)?:
                _ = (argv, line)
            case nil:
                break
            }
        }
    }

    /// A small pattern budget, so that runs out of steps happen (and stay fast).
    static let limits: Limits = {
        var limits = Limits.default
        limits.maxPatternSteps = 20_000
        return limits
    }()

    /// A user schema with hostile and unusual patterns, written to a temporary file once.
    static let hostileSchema: UserSchema? = {
        let text = #"""
        {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "properties": {"name": {"pattern": "^(a+)+$"}, "image": {"pattern": "^(?<r>[a-z]+)/\\k<r>(?<=\\w)$"},
                        "region": {"pattern": "(?<![a-z])us-(east|west)-\\d$"}},
         "patternProperties": {"^(x|x)*y$": {"type": "integer"}, "(?=(\\w+))\\1_key$": {"type": "string"}},
         "additionalProperties": {"anyOf": [{"type": "string", "pattern": "^(?:(a)|b)*\\1$"}, {"type": "object"}, {"type": "array"}]}}
        """#
        var template = Array("/tmp/launchc-fuzz-schema-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        defer { unlink(path) }
        switch UserSchema.load(path: path, name: "fuzz.schema.json", limits: limits) {
        case .success(let schema): return schema
        case .failure(let failure):
            complain("launchc-fuzz: the fuzz schema does not compile: \(failure.diagnostics.map(\.message))\n")
            exit(2)
        }
    }()

    /// The first byte picks a kind and a resource (or none: classification by content).
    static func classifier(_ bytes: [UInt8]) -> (Classifier, [UInt8]) {
        guard let first = bytes.first else { return (Classifier(), bytes) }
        let kinds: [DocumentKind?] = [nil] + DocumentKind.allCases
        let resources: [LaunchResource?] = [nil] + LaunchResource.allCases
        let kind = kinds[Int(first) % kinds.count]
        let resource = resources[Int(first) / kinds.count % resources.count]
        return (Classifier(kind: kind, resource: resource), Array(bytes.dropFirst()))
    }

    /// A queue and an optional launch spec, split at the first line `---spec`.
    static func policy(_ bytes: [UInt8]) {
        let (agentBytes, queueBytes) = split(bytes)
        let agentFile = SourceFile(path: "agent.yaml", bytes: agentBytes)
        guard let agent = DocumentParser.parse(agentFile).documents.first?.root else { return }
        var queues: [PolicyGenerator.Queue] = []
        if let queueBytes {
            let file = SourceFile(path: "queue.yaml", bytes: queueBytes)
            if let root = DocumentParser.parse(file).documents.first?.root {
                for resource in LaunchResource.allCases {
                    queues.append(PolicyGenerator.Queue(file: file, resource: resource, config: root["config"] ?? root, definition: root))
                }
            }
        }
        var facts = PolicyGenerator.Facts()
        facts.awsAccount = agentBytes.count % 2 == 0 ? nil : "123456789012"
        let report = PolicyGenerator(facts: facts).generate(agent: agent, agentFile: agentFile, queues: queues)
        _ = (report.text, CanonicalJSON.string(report.json, indent: 2))
        _ = TextReporter(style: ReportStyle(color: true)).renderDiagnostics(report.diagnostics)
    }

    /// Limits small enough that the depth and step budgets are reached, and fast.
    static let schemaLimits: Limits = {
        var limits = Limits.default
        limits.maxPatternSteps = 20_000
        limits.maxSchemaDepth = 2_000
        limits.maxSchemaSteps = 50_000
        return limits
    }()

    static func schemaAndDocument(_ bytes: [UInt8]) {
        let schemaText: [UInt8]
        let documentText: [UInt8]
        if let first = bytes.first, first & 0x80 != 0 {
            let (schema, document) = split(Array(bytes.dropFirst()), marker: "\n---document\n")
            (schemaText, documentText) = (schema, document ?? Array("{}".utf8))
        } else {
            var generator = SchemaGenerator(bytes)
            (schemaText, documentText) = (Array(generator.schema().utf8), Array(generator.document().utf8))
        }
        // LAUNCHC_FUZZ_DUMP=PREFIX writes what was generated (PREFIX.schema.json, PREFIX.json), to
        // replay a finding through the command line.
        if let prefix = getenv("LAUNCHC_FUZZ_DUMP").map({ String(cString: $0) }) {
            for (suffix, text) in [(".schema.json", schemaText), (".json", documentText)] {
                if let out = fopen(prefix + suffix, "w") { _ = fwrite(text, 1, text.count, out); fclose(out) }
            }
        }
        let limits = schemaLimits
        let schemaFile = SourceFile(path: "fuzz.schema.json", bytes: schemaText)
        // A schema that does not compile gets its findings rendered, as the command prints them.
        guard case .success(let schema) = UserSchema.load(schemaFile, uri: "https://launchc.fuzz/schema.json", limits: limits) else {
            if case .failure(let failure) = UserSchema.load(schemaFile, uri: "https://launchc.fuzz/schema.json", limits: limits) {
                _ = TextReporter().renderDiagnostics(failure.diagnostics)
            }
            return
        }
        let options = CheckOptions(limits: limits, schemas: [schema], classifier: Classifier(kind: .data))
        let file = SourceFile(path: "fuzz.json", bytes: documentText)
        // Half on launchc's own large-stack thread, half on the fuzzer's (its stack guard).
        let report = bytes.count % 2 == 0 ? ThreadStack.run { Checker.check(file, options: options) } : Checker.check(file, options: options)
        let run = RunReport(files: [report], strict: false)
        for reporter in [TextReporter(style: ReportStyle(color: true)), JSONReporter(), SARIFReporter(toolVersion: "fuzz")] as [any Reporter] {
            _ = reporter.render(run)
        }
    }

    static func split(_ bytes: [UInt8], marker text: String = "\n---spec\n") -> ([UInt8], [UInt8]?) {
        let marker = Array(text.utf8)
        guard bytes.count >= marker.count else { return (bytes, nil) }
        for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] && Array(bytes[i..<i + marker.count]) == marker {
            return (Array(bytes[..<i]), Array(bytes[(i + marker.count)...]))
        }
        return (bytes, nil)
    }
}

/// Schemas and documents from fuzz bytes: each byte read is a choice; past the end, zeros.
/// References only name what the schema declares (pointers, anchors, embedded `$id`s, dynamic
/// anchors), so that most schemas compile and the rest fail for cycles, not for typos.
struct SchemaGenerator {
    private let bytes: [UInt8]
    private var at = 0
    private var definitions = 1
    private var ids: [Int] = []
    private var dynamicAnchors: [Int] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func next() -> Int {
        defer { at += 1 }
        return at < bytes.count ? Int(bytes[at]) : 0
    }

    private mutating func pick(_ count: Int) -> Int { next() % count }

    /// A reference to one of the definitions: by pointer, by anchor, by the `$id` of an
    /// embedded resource, or to the root.
    /// Written relative to the root's `$id`, so that they mean the same inside an embedded resource.
    private mutating func reference() -> String {
        let k = pick(definitions)
        switch pick(6) {
        case 0: return (ids.contains(k) ? "r\(k)" : "schema.json") + "#a\(k)"
        case 1 where !ids.isEmpty: return "r\(ids[pick(ids.count)])"
        case 2: return "schema.json"
        default: return "schema.json#/$defs/d\(k)"
        }
    }

    private mutating func ref() -> String {
        // Plain references half the time; else subschemas of their own that step into the value.
        switch pick(4) {
        case 0: return "{\"properties\": {\"p\(pick(8))\": {\"$ref\": \"\(reference())\"}}, \"items\": {\"$ref\": \"\(reference())\"}}"
        case 1: return "{\"type\": \"" + ["object", "array", "string", "integer"][pick(4)] + "\"}"
        case 2: return "{\"$ref\": \"\(reference())\"}"
        default: return "{\"additionalProperties\": {\"$ref\": \"\(reference())\"}, \"required\": [\"p\(pick(8))\"]}"
        }
    }

    private mutating func refs() -> String { "[" + (0...pick(3)).map { _ in ref() }.joined(separator: ", ") + "]" }

    static let keywordCount = 21

    /// Keyword `k` and its value (`k` < `keywordCount`; each definition uses each at most once).
    private mutating func keyword(_ k: Int) -> String {
        switch k {
        case 0: return "\"$ref\": \"\(reference())\""
        case 1:
            guard !dynamicAnchors.isEmpty else { return "\"minProperties\": 0" }
            let k = dynamicAnchors[pick(dynamicAnchors.count)]
            return "\"$dynamicRef\": \"" + (ids.contains(k) ? "r\(k)" : "schema.json") + "#n\(k)\""
        case 2: return "\"allOf\": \(refs())"
        case 3: return "\"anyOf\": \(refs())"
        case 4: return "\"oneOf\": \(refs())"
        case 5: return "\"not\": \(ref())"
        case 6: return "\"if\": \(ref()), \"then\": \(ref()), \"else\": \(ref())"
        case 7: return "\"properties\": {\"p\(pick(8))\": \(ref()), \"q\": {\"type\": \"integer\"}}"
        case 8: return "\"items\": \(ref())"
        case 9: return "\"additionalProperties\": " + (pick(2) == 0 ? "false" : ref())
        case 10: return "\"type\": \"" + ["object", "array", "string", "integer", "null"][pick(5)] + "\""
        case 11: return "\"enum\": [1, \"p1\", null, {\"p0\": 1}]"
        case 12: return "\"dependentSchemas\": {\"p\(pick(8))\": \(ref())}"
        case 13: return "\"propertyNames\": {\"pattern\": \"" + ["^p[0-9]+$", "^\\\\p{L}+$", "^(p|q)+$", "(?<=p)1"][pick(4)] + "\"}"
        case 14: return "\"unevaluatedProperties\": " + (pick(2) == 0 ? "false" : ref())
        case 15: return "\"prefixItems\": \(refs()), \"unevaluatedItems\": false"
        case 16: return "\"contains\": \(ref()), \"minContains\": \(pick(3))"
        case 17: return "\"uniqueItems\": true, \"required\": [\"p\(pick(8))\"]"
        case 18: return "\"patternProperties\": {\"^p[0-4]$\": \(ref())}"
        case 19: return "\"dependentRequired\": {\"p\(pick(8))\": [\"q\"]}"
        default: return "\"const\": \(pick(3))"
        }
    }

    /// A schema: up to 12 definitions, each with an anchor, sometimes a dynamic anchor or an
    /// `$id` of its own, and up to four keywords.
    mutating func schema() -> String {
        definitions = 1 + pick(12)
        ids = (0..<definitions).filter { _ in pick(4) == 0 }
        dynamicAnchors = (0..<definitions).filter { _ in pick(3) == 0 }
        var parts: [String] = []
        for i in 0..<definitions {
            var members = ["\"$anchor\": \"a\(i)\""]
            if dynamicAnchors.contains(i) { members.append("\"$dynamicAnchor\": \"n\(i)\"") }
            if ids.contains(i) { members.append("\"$id\": \"r\(i)\"") }
            var used = Set<Int>()
            for _ in 0...pick(4) {
                let k = pick(Self.keywordCount)
                guard used.insert(k).inserted else { continue }
                members.append(keyword(k))
            }
            parts.append("\"d\(i)\": {" + members.joined(separator: ", ") + "}")
        }
        let dynamic = pick(2) == 0 && !dynamicAnchors.isEmpty && !ids.contains(dynamicAnchors[0]) ? "\"$dynamicAnchor\": \"n\(dynamicAnchors[0])\", " : ""
        return "{\"$id\": \"https://launchc.fuzz/schema.json\", \(dynamic)\"$ref\": \"#/$defs/d0\", \"$defs\": {" + parts.joined(separator: ", ") + "}}"
    }

    /// A document: an object or list of up to 8,000 members, some nested a few levels.
    mutating func document() -> String {
        let count = pick(4) == 0 ? next() * 32 : next()
        return value(depth: 0, width: count)
    }

    private mutating func value(depth: Int, width: Int) -> String {
        switch depth > 3 ? pick(4) : pick(7) {
        case 0: return String(next())
        case 1: return "\"p\(pick(10))\""
        case 2: return "null"
        case 3: return pick(2) == 0 ? "true" : "1.5"
        case 4: return "[" + (0..<width).map { _ in value(depth: depth + 1, width: pick(6)) }.joined(separator: ",") + "]"
        default:
            // Keys repeat no more than JSON allows: a running number, with a few short ones first.
            let members = (0..<width).map { i in "\"\(i < 10 ? "p\(i)" : "k\(i)")\":" + value(depth: depth + 1, width: pick(6)) }
            return "{" + members.joined(separator: ",") + "}"
        }
    }
}

/// A line on standard error.
func complain(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

#if LAUNCHC_FUZZ
nonisolated(unsafe) private var selected: Target?

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; it hands over to libFuzzer.
@_cdecl("launchc_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    if selected == nil {
        let name = getenv("LAUNCHC_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = Target(rawValue: name) else {
            complain("launchc-fuzz: set LAUNCHC_FUZZ_TARGET to one of: \(Target.allCases.map(\.rawValue).joined(separator: ", "))\n")
            exit(2)
        }
        selected = target
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    selected!.run(bytes)
    return 0
}
#else
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = Target(rawValue: name), arguments.count > 1 else {
            complain("usage: launchc-fuzz TARGET FILE...   (targets: \(Target.allCases.map(\.rawValue).joined(separator: ", ")))\n")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                complain("launchc-fuzz: cannot read \(path)\n")
                exit(2)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes += buffer[..<n]
            }
            fclose(file)
            target.run(bytes)
        }
        print("launchc-fuzz: \(arguments.count - 1) input(s) through \(name): ok")
    }
}
#endif
