import Testing
@testable import LaunchcCore

/// Every fixture's exact text and JSON report, and every valid fixture's canonical JSON.
@Suite struct GoldenTests {
    /// The folders whose fixtures are checked as `launchc check FILE` checks them, without flags.
    static let checkedFolders = ["agent", "classify", "gcp-vertex", "launch-spec", "kubernetes", "local-container", "local-process", "queue", "sagemaker", "suppress", "syntax"]

    /// What `launchc check FILE` applies: a note on each document of no kind launchc knows.
    static var options: CheckOptions { CheckPipeline.checkOptions(CheckRequest()) }

    /// What `launchc check` prints: a summary line even for a clean file.
    static var style: ReportStyle { CheckPipeline.textStyle(color: false, quiet: false) }

    static var checkedFixtures: [String] {
        // In byte order of path, as `launchc check fixtures/` walks them.
        checkedFolders.flatMap { folder in Package.fixtures(in: folder).map { "fixtures/\(folder)/\($0)" } }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test(arguments: checkedFixtures)
    func fixtureReports(_ relative: String) throws {
        let report = RunReport(files: [Checker.check(try Package.source(relative), options: Self.options)], strict: false)
        if relative.hasPrefix("fixtures/syntax/") { #expect(!report.diagnostics.isEmpty, "a syntax fixture must have findings") }
        Golden.assert(TextReporter(style: Self.style).render(report), matches: relative + ".expected.txt")
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
        // What `launchc parse` says on standard error about it, when it says anything.
        let findings = parsed.documents.flatMap { CanonicalJSON.nonFiniteFindings(in: $0.root, file: file) }
        if !findings.isEmpty {
            Golden.assert(TextReporter().renderDiagnostics(findings), matches: relative + ".parse.txt")
        }
    }

    static let userSchemaPath = "fixtures/user-schema/schema.yaml"

    static func userSchema() throws -> UserSchema {
        try UserSchema.load(path: Package.path(userSchemaPath), name: userSchemaPath).get()
    }

    /// The documents in `fixtures/user-schema/`, checked against the policy beside them.
    @Test(arguments: Package.fixtures(in: "user-schema").filter { $0 != "schema.yaml" })
    func userSchemaFixtureReports(_ name: String) throws {
        let relative = "fixtures/user-schema/" + name
        let options = CheckOptions(schemas: [try Self.userSchema()])
        let report = RunReport(files: [Checker.check(try Package.source(relative), options: options)], strict: false)
        Golden.assert(TextReporter().render(report), matches: relative + ".expected.txt")
        Golden.assert(JSONReporter().render(report), matches: relative + ".expected.json")
    }

    @Test func invalidUserSchemaIsRefusedWithPositions() throws {
        let relative = "fixtures/user-schema-invalid/schema.yaml"
        guard case .failure(let failure) = UserSchema.load(path: Package.path(relative), name: relative) else {
            Issue.record("the schema should not compile")
            return
        }
        Golden.assert(TextReporter().renderDiagnostics(failure.diagnostics), matches: relative + ".expected.txt")
    }

    /// Issue 3 asks for at least 60 valid and 60 invalid documents across the kinds.
    @Test func fixturesCoverEnoughDocuments() throws {
        var (valid, invalid) = (0, 0)
        var kinds = Set<String>()
        for relative in Self.checkedFixtures + Package.fixtures(in: "valid").map({ "fixtures/valid/\($0)" }) {
            let report = Checker.check(try Package.source(relative))
            for case let kind? in report.kinds {
                kinds.insert(kind.kind == .queueConfig ? "queue-config/\(kind.resource?.rawValue ?? "?")" : kind.kind.rawValue)
            }
            if report.diagnostics.isEmpty { valid += report.documentCount } else { invalid += 1 }
        }
        #expect(valid >= 60, "\(valid) valid documents")
        #expect(invalid >= 60, "\(invalid) invalid documents")
        #expect(kinds.isSuperset(of: ["agent", "queue", "launch-spec", "queue-config/sagemaker", "queue-config/gcp-vertex",
                                     "queue-config/kubernetes", "queue-config/local-container", "queue-config/local-process"]),
                "\(kinds.sorted())")
    }

    @Test func everyCodeHasAFixture() throws {
        var codes = Set<String>()
        for relative in Self.checkedFixtures {
            codes.formUnion(Checker.check(try Package.source(relative), options: Self.options).diagnostics.map(\.code))
        }
        let options = CheckOptions(schemas: [try Self.userSchema()])
        for name in Package.fixtures(in: "user-schema") where name != "schema.yaml" {
            codes.formUnion(Checker.check(try Package.source("fixtures/user-schema/" + name), options: options).diagnostics.map(\.code))
        }
        if case .failure(let failure) = UserSchema.load(path: Package.path("fixtures/user-schema-invalid/schema.yaml")) {
            codes.formUnion(failure.diagnostics.map(\.code))
        }
        for name in Package.fixtures(in: "valid") {
            guard let findings = Golden.readFile(Package.path("fixtures/valid/\(name).parse.txt")) else { continue }
            codes.formUnion(findings.matches(of: /\[(LC[0-9]{4})\]/).map { String($0.1) })
        }
        // The render cases' pinned findings (unreadable inputs, template values from --set), the
        // check cases' (the project config), and the policy cases' (what the configs leave open).
        for (command, name, stream) in CLITests.renderCases.map({ ("render", $0, "stderr") }) + CLITests.checkCases.map({ ("check", $0, "stdout") })
            + CLITests.policyCases.map({ ("policy", $0, "stderr") }) {
            let text = Golden.readFile(Package.path("fixtures/\(command)/cases/\(name)/\(stream).txt")) ?? ""
            codes.formUnion(text.matches(of: /\[(LC[0-9]{4})\]/).map { String($0.1) })
        }
        codes.formUnion(PipelineTests.caseCodes)
        for name in CLITests.hostileCases {
            let text = Golden.readFile(Package.path("fixtures/hostile/\(name).expected.txt")) ?? ""
            codes.formUnion(text.matches(of: /(?:\[|"code": ")(LC[0-9]{4})/).map { String($0.1) })
        }
        let expected = Set(DiagnosticID.all.map(\.code))
        #expect(expected.subtracting(codes).isEmpty, "codes without a fixture: \(expected.subtracting(codes).sorted())")
    }
}
