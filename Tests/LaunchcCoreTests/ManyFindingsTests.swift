import Foundation
import Testing
@testable import LaunchcCore

/// What keeps many findings, long lines and large mappings linear (issue 16): the results they
/// give must be the same as the straightforward ways they replace. Speed itself is measured by
/// `make bench-findings`, not here.
@Suite struct ManyFindingsTests {
    /// Columns on a long line come from a table of scalar counts per block; they must be the
    /// count of scalars from the line's start, whatever the blocks and the multi-byte scalars.
    @Test func columnsOnLongLinesCountScalars() {
        var text = "# ä first line\n"
        for i in 0..<3000 { text += i % 7 == 0 ? "é" : i % 11 == 0 ? "\u{1F600}" : "x" }
        text += "\nshort\n"
        let file = SourceFile(path: "t.yaml", text: text)
        let converter = SourceLocationConverter(file: file)
        let bytes = Array(text.utf8)
        for offset in stride(from: 0, through: bytes.count, by: 37) where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            // The plain way: scalars from the start of the line.
            var lineStart = offset
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
            #expect(converter.location(of: offset).column == column, "offset \(offset)")
        }
    }

    /// A line's cells are made once; each finding on it gets the same excerpt as when the line
    /// was prepared for it alone.
    @Test func excerptsOfOneLongLineAgree() {
        let line = Array(("{" + (0..<2000).map { "\"k\($0)\":\t\"v\u{1}é\"" }.joined(separator: ",") + "}").utf8)
        let cells = LineCells(line: line[...], lineStart: 100)
        for start in [0, 1, 57, 4000, 20000, line.count - 3, line.count] {
            let highlight = (100 + start)..<(100 + min(start + 9, line.count))
            let alone = Excerpt(line: line[...], lineStart: 100, highlight: highlight)
            let shared = Excerpt(cells, highlight: highlight)
            #expect(alone.text == shared.text && alone.markerColumn == shared.markerColumn && alone.markerWidth == shared.markerWidth)
        }
        let window = Excerpt(cells, highlight: 20100..<20104)
        #expect(window.text.hasPrefix("…") && window.text.hasSuffix("…"))
        #expect(window.markerColumn == 41)
    }

    /// The node index finds what `Node.resolve` finds, in large mappings and lists.
    @Test func nodeIndexAgreesWithResolve() {
        let json = "{\"list\": [" + (0..<50).map { "{\"k\": \($0)}" }.joined(separator: ", ") + "], "
            + (0..<100).map { "\"key\($0)\": {\"inner\": \($0)}" }.joined(separator: ", ") + ", \"a/b~c\": 1}"
        let root = parseJSON(json).documents[0].root
        let index = NodeIndex(root)
        for pointer in ["/list/7/k", "/key42/inner", "/key99", "/a~1b~0c", "/missing", "/list/50", "/list/x", "/key1/inner/deeper", ""] {
            let p = JSONPointer(pointer)
            #expect(index.node(at: p) == root.resolve(p), "\(pointer)")
            #expect(index.node(at: p)?.range == root.resolve(p)?.range, "\(pointer)")
        }
        #expect(index.member("key5", at: .root)?.keyRange == root.member("key5")?.keyRange)
        #expect(index.member("nope", at: .root) == nil)
    }

    /// Suggestions prepared once give what the one-off search gives.
    @Test func suggestionsAgreeWithTheOneOffSearch() {
        let keys = ["InstanceType", "InstanceCount", "VolumeSizeInGB", "VolumeKmsKeyId", "KeepAlivePeriodInSeconds", "worker_pool_specs", "Tags"]
        let prepared = Suggestions(keys + keys)
        for key in ["InstanceTyp", "instance_count", "VolumeSizeInGb", "Tagz", "tags", "XYZ", "KeepAlivePeriodInSecond", "workerPoolSpecs", "VolumeKms"] {
            #expect(prepared.nearest(key) == SchemaDiagnostics.nearest(key, among: keys), "\(key)")
        }
        #expect(prepared.nearest("InstanceTyp") == "InstanceType")
        #expect(prepared.nearest("workerPoolSpecs") == "worker_pool_specs")
        #expect(SchemaDiagnostics.distance("kitten", "sitting") == 3)
    }

    /// Text output lists 500 findings of a file and counts the rest by code; JSON lists all.
    @Test func textSummarisesPastThePerFileCount() {
        var text = "# launchc: kind=queue-config resource=sagemaker\nRoleArn: arn:aws:iam::123456789012:role/train\n"
            + "OutputDataConfig: {S3OutputPath: 's3://b/o'}\nResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}\n"
            + "StoppingCondition: {MaxRuntimeInSeconds: 3600}\n"
        for i in 0..<600 { text += "Unknown\(i): \(i)\n" }
        text += "InstanceCount: 1\n"
        let report = RunReport(files: [Checker.check(SourceFile(path: "many.yaml", text: text))], strict: false)
        #expect(report.diagnostics.count == 601)
        let rendered = TextReporter().render(report)
        #expect(rendered.components(separatedBy: ": error[LC2003]: ").count - 1 == 500)
        #expect(rendered.hasSuffix("""
            many.yaml: and 101 more findings (101 error[LC2003]); --format json lists them all

            checked 1 file: 601 errors

            """))
        #expect(TextReporter(style: ReportStyle(maxPerFile: 1000)).render(report).components(separatedBy: ": error[LC2003]: ").count - 1 == 601)
        #expect(JSONReporter().render(report).components(separatedBy: "\"LC2003\"").count - 1 == 601)
    }
}
