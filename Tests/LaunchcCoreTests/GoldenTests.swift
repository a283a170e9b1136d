import Testing
@testable import LaunchcCore

/// Every fixture's exact text and JSON report, and every valid fixture's canonical JSON.
@Suite struct GoldenTests {
    @Test(arguments: Package.fixtures(in: "syntax"))
    func syntaxFixtureReports(_ name: String) throws {
        let relative = "fixtures/syntax/" + name
        let report = RunReport(files: [Checker.check(try Package.source(relative))], strict: false)
        #expect(!report.diagnostics.isEmpty, "a syntax fixture must have findings")
        Golden.assert(TextReporter().render(report), matches: relative + ".expected.txt")
        Golden.assert(JSONReporter().render(report), matches: relative + ".expected.json")
    }

    @Test(arguments: Package.fixtures(in: "valid"))
    func validFixtureParses(_ name: String) throws {
        let relative = "fixtures/valid/" + name
        let file = try Package.source(relative)
        let report = Checker.check(file)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        let parsed = DocumentParser.parse(file)
        // What `launchc parse` prints: the document, or all of them for a stream.
        let text: String
        if parsed.documents.count == 1 {
            text = CanonicalJSON.string(parsed.documents[0].root)
        } else {
            var writer = JSONTextWriter(indent: 2)
            writer.beginArray()
            for document in parsed.documents { writer.write(document.root) }
            writer.endArray()
            text = writer.text
        }
        Golden.assert(text + "\n", matches: relative + ".parse.json")
    }

    @Test func enoughDiagnosticsArePinned() {
        let codes = Set(Package.fixtures(in: "syntax").flatMap { name -> [String] in
            guard let file = try? Package.source("fixtures/syntax/" + name) else { return [] }
            return Checker.check(file).diagnostics.map(\.code)
        })
        // Every code the parsers can report has a golden fixture.
        let parserCodes = Set(DiagnosticID.all.map(\.code)).subtracting(["LC1002", "LC1006", "LC1211"])
        #expect(parserCodes.subtracting(codes).isEmpty, "codes without a fixture: \(parserCodes.subtracting(codes).sorted())")
    }
}
