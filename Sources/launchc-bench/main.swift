// launchc-bench: what parsing into launchc's document model costs, against the bare C parsers
// on the same bytes (a libyaml event loop that only deletes events; jansson's json_loadb and
// json_decref). Run by `make bench`; prints a table and exits 0.

import CBenchSupport
import CJansson
import CLibYAML
import LaunchcCore

#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock seconds from a monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Times `repeats` calls of `body`, keeping what it returns, then times releasing it all.
func sample<T>(repeats: Int, _ body: () -> T) -> (run: Double, release: Double) {
    var kept: [T] = []
    kept.reserveCapacity(repeats)
    let start = now()
    for _ in 0..<repeats { kept.append(body()) }
    let middle = now()
    kept.removeAll()
    let end = now()
    return ((middle - start) / Double(repeats), (end - middle) / Double(repeats))
}

struct Comparison {
    var bare: Double
    var launchc: Double
    var release: Double
    var ratio: Double
    var ratioWithRelease: Double
}

/// The bare parser and launchc, measured in alternating pairs so that a noisy machine slows
/// both alike; each figure is the median over the pairs, ratios included.
func compare<T>(samples: Int, repeats: Int, bare: () -> Void, launchc: () -> T) -> Comparison {
    bare()
    _ = launchc()  // warm up caches and the allocator
    var pairs: [(Double, Double, Double)] = []
    for _ in 0..<samples {
        let b = sample(repeats: repeats, bare).run
        let (l, r) = sample(repeats: repeats, launchc)
        pairs.append((b, l, r))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return Comparison(bare: median(pairs.map(\.0)), launchc: median(pairs.map(\.1)), release: median(pairs.map(\.2)),
                      ratio: median(pairs.map { $0.1 / $0.0 }), ratioWithRelease: median(pairs.map { ($0.1 + $0.2) / $0.0 }))
}

/// Heap bytes in use (glibc), to see what a parsed document keeps.
func heapInUse() -> Int { launchc_bench_heap_in_use() }

func bareLibYAML(_ bytes: [UInt8]) -> Int {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    defer { parser.deallocate(); event.deallocate() }
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, buffer.baseAddress!, buffer.count)
        while yaml_parser_parse(parser, event) != 0 {
            events += 1
            let done = event.pointee.type == YAML_STREAM_END_EVENT
            yaml_event_delete(event)
            if done { break }
        }
        yaml_parser_delete(parser)
    }
    return events
}

func bareJansson(_ bytes: [UInt8]) -> Bool {
    var error = json_error_t()
    let root = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) {
            json_loadb($0.baseAddress, $0.count, Int(JSON_REJECT_DUPLICATES | JSON_DECODE_ANY), &error)
        }
    }
    guard let root else { return false }
    json_decref(root)
    return true
}

/// Realistic Launch-style content: Kubernetes Job specs, as a YAML sequence or a JSON array.
func input(yaml: Bool, bytes target: Int) -> [UInt8] {
    var out = yaml ? "" : "[\n"
    var i = 0
    while out.utf8.count < target {
        if yaml {
            out += """
                - apiVersion: batch/v1
                  kind: Job
                  metadata:
                    name: train-\(i)
                    labels: {team: ml-platform, queue: train-gpu}
                  spec:
                    backoffLimit: 0
                    template:
                      spec:
                        restartPolicy: Never
                        containers:
                          - name: trainer
                            image: us-docker.pkg.dev/project/images/train:v\(i)
                            args: ["--lr", "0.001", "--epochs", "\(i % 100)"]
                            resources: {limits: {nvidia.com/gpu: 1, memory: 32Gi}}

                """
        } else {
            out += (i == 0 ? "" : ",\n") + """
                  {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "train-\(i)", "labels": {"team": "ml-platform", \
                "queue": "train-gpu"}}, "spec": {"backoffLimit": 0, "template": {"spec": {"restartPolicy": "Never", "containers": \
                [{"name": "trainer", "image": "us-docker.pkg.dev/project/images/train:v\(i)", "args": ["--lr", "0.001", "--epochs", \
                "\(i % 100)"], "resources": {"limits": {"nvidia.com/gpu": 1, "memory": "32Gi"}}}]}}}}
                """
        }
        i += 1
    }
    if !yaml { out += "\n]\n" }
    return Array(out.utf8)
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? s + fill : fill + s
}

func format(_ seconds: Double) -> String {
    let ms = seconds * 1000
    if ms < 1 { return String(Int((ms * 1000).rounded())) + " µs" }
    if ms < 100 { return String(Double(Int(ms * 100)) / 100) + " ms" }
    return String(Int(ms.rounded())) + " ms"
}

func fixed(_ x: Double, _ digits: Int = 2) -> String {
    let scale = Double([1, 10, 100, 1000][digits])
    let v = (x * scale).rounded() / scale
    var s = String(v)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
    }
    return s
}

// Modes for scripts/large-inputs.sh:
//   launchc-bench generate yaml|json BYTES FILE   writes the benchmark's content, at least BYTES long
//   launchc-bench bare-yaml|bare-json FILE        only the bare C parse, to compare peak memory
let arguments = CommandLine.arguments
if arguments.count == 5 && arguments[1] == "generate", let bytes = Int(arguments[3]) {
    let content = input(yaml: arguments[2] == "yaml", bytes: bytes)
    guard let handle = fopen(arguments[4], "wb"), fwrite(content, 1, content.count, handle) == content.count else {
        print("cannot write \(arguments[4])")
        exit(2)
    }
    fclose(handle)
    exit(0)
}
if arguments.count == 3 && (arguments[1] == "bare-yaml" || arguments[1] == "bare-json") {
    guard case .success(let file) = InputReader.read(path: arguments[2]) else {
        print("cannot read \(arguments[2])")
        exit(2)
    }
    let ok = arguments[1] == "bare-yaml" ? bareLibYAML(file.bytes) > 0 : bareJansson(file.bytes)
    exit(ok ? 0 : 1)
}

let sizes: [(String, Int, Int, Int)] = [("1 KB", 1_024, 15, 1_000), ("1 MB", 1 << 20, 11, 5), ("50 MB", 50 << 20, 5, 1)]
let header = pad("input", 12, right: true) + pad("bytes", 11) + pad("bare C", 11) + pad("launchc", 11)
    + pad("ratio", 8) + pad("MB/s", 6) + pad("+free", 10) + pad("ratio", 8) + pad("tree/input", 12)
print("Parse into the document model vs the bare C parser on the same bytes (medians).")
print("bare C:  YAML = a libyaml event loop; JSON = jansson json_loadb (+ json_decref, in +free).")
print("launchc: encoding check + parse + the position-carrying tree (DocumentParser.parse).")
print("+free:   the same with the result released; the second ratio compares that to bare C.\n")
print(header)
print(String(repeating: "-", count: header.count))
var worst = 0.0
for yaml in [true, false] {
    for (label, size, samples, repeats) in sizes {
        let bytes = input(yaml: yaml, bytes: size)
        let file = SourceFile(path: yaml ? "bench.yaml" : "bench.json", bytes: bytes)
        let c = compare(samples: samples, repeats: repeats, bare: {
            if yaml { _ = bareLibYAML(bytes) } else { _ = bareJansson(bytes) }
        }, launchc: { () -> ParseResult in
            let result = DocumentParser.parse(file)
            precondition(result.diagnostics.isEmpty && result.documents.count == 1, "benchmark input must parse cleanly")
            return result
        })
        let before = heapInUse()
        let kept = DocumentParser.parse(file)
        let treeBytes = heapInUse() - before
        withExtendedLifetime(kept) {}
        worst = max(worst, c.ratio)
        let name = (yaml ? "YAML " : "JSON ") + label
        print(pad(name, 12, right: true) + pad(String(bytes.count), 11) + pad(format(c.bare), 11) + pad(format(c.launchc), 11)
              + pad(fixed(c.ratio) + "x", 8) + pad(String(Int(Double(bytes.count) / c.launchc / 1e6)), 6)
              + pad(format(c.launchc + c.release), 10) + pad(fixed(c.ratioWithRelease) + "x", 8)
              + pad(fixed(Double(treeBytes) / Double(bytes.count), 1) + "x", 12))
    }
}
print("\nworst parse ratio: \(fixed(worst))x (target: at most 2.50x)")
