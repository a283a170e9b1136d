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
            let options = CheckOptions(limits: Self.limits, schemas: Self.userSchema.map { [$0] } ?? [], classifier: classifier)
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
    static let userSchema: UserSchema? = {
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

    static func split(_ bytes: [UInt8]) -> ([UInt8], [UInt8]?) {
        let marker = Array("\n---spec\n".utf8)
        guard bytes.count >= marker.count else { return (bytes, nil) }
        for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] && Array(bytes[i..<i + marker.count]) == marker {
            return (Array(bytes[..<i]), Array(bytes[(i + marker.count)...]))
        }
        return (bytes, nil)
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
