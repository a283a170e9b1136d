import Foundation
@testable import LaunchcCore
@testable import launchc
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Command lines run in this process, through the same function the executable runs them
/// through (`Launchc.outcome(of:environment:)`) and the library's pipelines, their outcome
/// carried out with its texts captured: what a command prints and returns, without a process.
/// (`CLITests` keeps what needs the real binary: streams, terminals, signals, files it rewrites.)
@Suite struct PipelineTests {
    typealias Run = CLITests.Run

    /// The environment a case runs in: no terminal, a made-up API key for --show-secrets.
    static let environment = RunEnvironment(variables: ["WANDB_API_KEY": "local-0123456789abcdef"])

    /// A command line's outcome, carried out: what it wrote to each stream and its status.
    static func outcome(_ arguments: [String], environment: RunEnvironment = environment) -> (run: Run, outcome: Outcome, findings: [Diagnostic]) {
        #expect(String(cString: getcwd(nil, 0)) == Package.root, "the tests run from the package root")
        let (outcome, color) = Launchc.outcome(of: arguments, environment: environment)
        var (stdout, stderr) = ("", "")
        var findings = outcome.diagnostics
        let status = Emitter.perform(outcome, environment: environment, color: color, write: { text, stream in
            if stream == .standardOutput { stdout += text } else { stderr += text }
        }, found: { findings.append($0) })
        return (Run(status: status, stdout: stdout, stderr: stderr), outcome, findings)
    }

    func inProcess(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        var env = Self.environment
        for (key, value) in environment { env.variables[key] = value }
        return Self.outcome(arguments, environment: env).run
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("launchc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `fixtures/COMMAND/cases/NAME/args.txt` holds one argument per line after `launchc COMMAND
    /// --color never`; `stdout.txt`, `stderr.txt` and `status.txt` beside it are what the run must
    /// print and return.
    static func caseArguments(_ command: String, _ name: String) throws -> [String] {
        let folder = "fixtures/\(command)/cases/" + name
        return [command, "--color", "never"] + (try #require(Golden.readFile(Package.path(folder + "/args.txt")))).split(separator: "\n").map(String.init)
    }

    func runCase(_ command: String, _ name: String) throws {
        let folder = "fixtures/\(command)/cases/" + name
        let run = try inProcess(Self.caseArguments(command, name))
        Golden.assert(run.stdout, matches: folder + "/stdout.txt")
        Golden.assert(run.stderr, matches: folder + "/stderr.txt")
        Golden.assert("\(run.status)\n", matches: folder + "/status.txt")
    }

    /// Every code the command-line cases produce, in any output (text leaves out the codes of
    /// findings about the invocation; the outcome keeps them).
    static var caseCodes: Set<String> {
        var codes = Set<String>()
        for (command, names) in [("render", CLITests.renderCases), ("check", CLITests.checkCases), ("policy", CLITests.policyCases)] {
            for name in names {
                guard let arguments = try? caseArguments(command, name) else { continue }
                codes.formUnion(outcome(arguments).findings.map(\.code))
            }
        }
        return codes
    }

    @Test(arguments: CLITests.renderCases) func renderCase(_ name: String) throws { try runCase("render", name) }

    /// `fixtures/policy/cases/NAME`: the seeds' scenarios (AWS with and without a build, with and
    /// without KMS, GCP, Azure) and the inputs policy refuses, each with its exact output.
    @Test(arguments: CLITests.policyCases) func policyCase(_ name: String) throws { try runCase("policy", name) }

    /// `--limit` on every command that reads files, and its errors.
    @Test func limitsApplyToEveryCommand() throws {
        let render = try inProcess(["render", "--color", "never", "--limit", "depth=3", "fixtures/queue/sagemaker-gpu.yaml"])
        #expect(render.status == 1)
        #expect(render.stderr.hasPrefix("fixtures/queue/sagemaker-gpu.yaml:9:13: error[LC1104]: nesting is deeper than 3 levels\n"))
        let parse = try inProcess(["parse", "--color", "never", "--limit", "scalar-size=10", "fixtures/valid/kubernetes-queue.yaml"])
        #expect(parse.status == 1)
        #expect(parse.stderr.contains("error[LC1105]: a string of "))
        for bad in ["depth", "depth=", "depth=0", "depth=x", "colour=3", "scalar-size=2Q", "file-size=2G"] {
            let run = try inProcess(["check", "--limit", bad, "fixtures/valid"])
            #expect(run.status == 2, "\(bad)")
            #expect(run.stderr.hasPrefix("Error: The value '\(bad)' is invalid for '--limit <name=value>'"), "\(bad)")
        }
    }

    /// The report formats: SARIF, GitHub workflow commands and JUnit XML, byte for byte.
    @Test(arguments: CLITests.checkCases) func checkCase(_ name: String) throws { try runCase("check", name) }

    /// Several formats in one run, each where asked; in GitHub Actions the default adds annotations.
    @Test func reportsGoWhereAsked() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["fixtures/syntax/duplicate-key.yaml", "fixtures/valid/kubernetes-queue.yaml"]
        let sarif = directory.appendingPathComponent("out.sarif").path, junit = directory.appendingPathComponent("out.xml").path
        let both = try inProcess(["check", "--format", "sarif", "--output", sarif, "--format", "text", "--format=junit", "--output=" + junit] + files)
        let text = try inProcess(["check"] + files)
        #expect(both.status == 1 && both.stdout == text.stdout && both.stderr.isEmpty)
        #expect(try String(contentsOfFile: sarif, encoding: .utf8) == inProcess(["check", "--format", "sarif"] + files).stdout)
        #expect(try String(contentsOfFile: junit, encoding: .utf8) == inProcess(["check", "--format", "junit"] + files).stdout)

        let twice = try inProcess(["check", "--format", "sarif", "--format", "text"] + files)
        #expect(twice.status == 64 || twice.status == 2)
        #expect(twice.stderr.contains("only one --format can go to standard output"))
        let loose = try inProcess(["check", "--output", sarif] + files)
        #expect(loose.stderr.contains("each --output needs a --format before it"))

        let actions = try inProcess(["check"] + files, environment: ["GITHUB_ACTIONS": "true"])
        let github = try inProcess(["check", "--format", "github"] + files)
        #expect(actions.stdout == text.stdout + github.stdout)
    }

    /// `--max-file-size`: a file over it is a finding (exit 1), as over the default 1 GiB; the
    /// value takes K/M/G and cannot exceed 1G.
    @Test func maxFileSizeRefusesLargerFiles() throws {
        let file = "fixtures/queue/sagemaker-gpu.yaml"
        let over = try inProcess(["check", "--color", "never", "--max-file-size", "100", file])
        #expect(over.status == 1)
        #expect(over.stdout.hasPrefix("\(file): error[LC1006]: '\(file)' is larger than the 100 bytes launchc reads\n"))
        #expect(try inProcess(["check", "--max-file-size", "1k", file]).status == 0)
        #expect(try inProcess(["parse", "--max-file-size", "1G", file]).status == 0)
        for bad in ["2G", "-1", "1T", "K", "١٠٠"] {
            let run = try inProcess(["check", "--max-file-size=" + bad, file])
            #expect(run.status == 2, "\(bad)")
            #expect(run.stderr.hasPrefix("Error: The value '\(bad)' is invalid for '--max-file-size <size>'"), "\(bad)")
        }
    }

    @Test func checkingTheFixturesPrintsEveryExpectedFindingAndExitsOne() throws {
        // Every fixture folder but the command-line, hostile and --fix cases, which pin their own output.
        let folders = try FileManager.default.contentsOfDirectory(atPath: Package.path("fixtures"))
            .filter { $0 != "check" && $0 != "hostile" && $0 != "fix" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "fixtures/" + $0 }
        let run = try inProcess(["check", "--color", "never"] + folders)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        // The expected output is the checked fixtures' goldens, in path order, without their
        // one-file summary lines; valid fixtures and golden files add nothing.
        var expected = ""
        var (errors, warnings, notes, suppressed) = (0, 0, 0, 0)
        for relative in GoldenTests.checkedFixtures {
            let golden = try String(contentsOfFile: Package.path("\(relative).expected.txt"), encoding: .utf8)
            if golden.isEmpty { continue }
            var lines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            if let count = lines[lines.count - 2].firstMatch(of: /([0-9]+) suppressed/) { suppressed += Int(count.1)! }
            lines.removeLast(2)  // "checked 1 file: ..." and the final empty string
            if lines.isEmpty { continue }  // a clean file: its golden is the summary alone
            errors += lines.filter { $0.contains(": error[LC") }.count
            warnings += lines.filter { $0.contains(": warning[LC") }.count
            notes += lines.filter { $0.contains(": note[LC") }.count
            expected += lines.joined(separator: "\n") + "\n"
        }
        let files = Checker.inputs(for: folders.map(Package.path)).count
        // The folders without goldens of their own (valid/, render/, policy/, ...) add only the
        // note that a data file is not a Launch document (LC1404); set those aside.
        let checked = Set(GoldenTests.checkedFixtures)
        var blocks = run.stdout.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
        let summary = blocks.removeLast()
        let asides = blocks.filter { block in
            !checked.contains(String(block.prefix { $0 != ":" })) && block.contains(": note[LC1404]: ")
        }
        blocks.removeAll { asides.contains($0) }
        #expect(blocks.map { $0 + "\n\n" }.joined() == expected)
        #expect(summary == "checked \(files) files: \(errors) errors, \(warnings) warnings, \(notes + asides.count) notes, \(suppressed) suppressed\n")
    }

    /// The valid fixtures have no findings but the note (LC1404) on each document that is not
    /// a Launch document, and the run still says what it checked.
    @Test func validFixturesHaveNoFindingsButTheirVerdict() throws {
        let run = try inProcess(["check", "fixtures/valid"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let headers = run.stdout.split(separator: "\n").filter { $0.hasPrefix("fixtures/") }
        #expect(headers.allSatisfy { $0.contains(": note[LC1404]: not recognised as a W&B Launch document") })
        let noted = Set(headers.map { String($0.prefix { $0 != ":" }) })
        let launch = ["kubernetes-queue.yaml", "launch-config.yaml", "queue-definition.json", "sagemaker-queue.json", "vertex-queue.yaml"]
        #expect(noted.isDisjoint(with: launch.map { "fixtures/valid/" + $0 }))
        #expect(noted.contains("fixtures/valid/scalars.yaml") && noted.contains("fixtures/valid/unicode.json"))
        let files = Checker.inputs(for: [Package.path("fixtures/valid")]).count
        #expect(run.stdout.hasSuffix("checked \(files) files: \(headers.count) notes\n"))
        let quiet = try inProcess(["check", "-q", "fixtures/valid"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
        let data = try inProcess(["check", "--kind", "data", "fixtures/valid"])
        #expect(data.stdout == "checked \(files) files: no findings\n")
    }

    /// A misspelt command names the one meant (LC1901, exit 2); `--args` takes words that start
    /// with dashes, through the fast path and through ArgumentParser alike.
    @Test func misspeltCommandsAndDashedArgs() throws {
        let typo = try inProcess(["chek", "fixtures/valid/scalars.yaml"])
        #expect(typo.status == 2 && typo.stdout.isEmpty)
        #expect(typo.stderr == "launchc: error: unknown command 'chek'; did you mean 'check'?\n  = help: the commands are check, render, policy, parse, schema, explain; see 'launchc --help'\n")
        let far = try inProcess(["frobnicate"])
        #expect(far.status == 2 && far.stderr.hasPrefix("launchc: error: unknown command 'frobnicate'\n"))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let queue = directory.appendingPathComponent("gpu.yaml").path
        try "gpus: all\n".write(toFile: queue, atomically: true, encoding: .utf8)
        for arguments in [["--args", "--lr 0.1"], ["--args=--lr 0.1"], ["--args", "--lr 0.1", "--help-me"]] {
            let run = try inProcess(["render", "--resource", "local-container", "--format", "shell", queue] + arguments)
            if arguments.last == "--help-me" {
                #expect(run.status == 2)  // an unknown option is still refused (by ArgumentParser)
            } else {
                #expect(run.status == 0 && run.stdout.hasSuffix(" launchc-dry-run:latest --lr 0.1\n"), "\(arguments)")
            }
        }
        let slow = try inProcess(["render", "--resource", "local-container", "--format", "shell", "--show-secrets", "--explain", queue, "--entry-point", "-m train"])
        #expect(slow.status == 0)
    }

    /// --require-kind: a document launchc does not recognise fails the run (exit 1).
    @Test func requireKindMakesUnrecognisedDocumentsErrors() throws {
        let run = try inProcess(["check", "--color", "never", "--require-kind", "fixtures/valid/scalars.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("fixtures/valid/scalars.yaml:2:1: error[LC1404]: not recognised as a W&B Launch document, so only its syntax was checked\n"))
        #expect(run.stdout.hasSuffix("checked 1 file: 1 error\n"))
        let launch = try inProcess(["check", "--require-kind", "fixtures/valid/launch-config.yaml"])
        #expect(launch.status == 0 && launch.stdout == "checked 1 file: no findings\n")
    }

    /// `.launchc.yaml`'s `require-kind`: `true`, or the globs of the files it covers.
    @Test func projectConfigRequiresKindByPath() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["queues", "other"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
            try "name: x\n".write(to: directory.appendingPathComponent("\(folder)/a.yaml"), atomically: true, encoding: .utf8)
        }
        let config = directory.appendingPathComponent(".launchc.yaml")
        try "require-kind: [queues/**]\n".write(to: config, atomically: true, encoding: .utf8)
        let root = directory.path
        let byPath = try inProcess(["check", "--color", "never", root + "/queues/a.yaml", root + "/other/a.yaml"])
        #expect(byPath.status == 1)
        #expect(byPath.stdout.contains("\(root)/queues/a.yaml:1:1: error[LC1404]") && byPath.stdout.contains("\(root)/other/a.yaml:1:1: note[LC1404]"))
        try "require-kind: true\n".write(to: config, atomically: true, encoding: .utf8)
        let everywhere = try inProcess(["check", "--color", "never", root])
        #expect(everywhere.status == 1 && !everywhere.stdout.contains("note[LC1404]"))
        #expect(everywhere.stdout.hasSuffix("checked 3 files: 2 errors\n"))
    }

    /// --resource alone: every file is a queue config of that resource, so a docker queue
    /// config with a key the agent's allow-list refuses fails (it passed silently before).
    @Test func resourceAloneMeansAQueueConfig() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("d.yaml").path
        try "gpus: all\nvolume: /a:/b\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try inProcess(["check", "--color", "never", "--resource", "local-container", file])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(file):2:1: error[") && !run.stdout.contains("LC1404"))
        let unsaid = try inProcess(["check", "--color", "never", file])
        #expect(unsaid.status == 0 && unsaid.stdout.contains("note[LC1404]"))

        // render takes --resource alone the same way (it used to ask for --resource when given it).
        let bare = directory.appendingPathComponent("gpu.yaml").path
        try "gpus: all\n".write(toFile: bare, atomically: true, encoding: .utf8)
        let rendered = try inProcess(["render", "--resource", "local-container", bare])
        #expect(rendered.status == 0 && rendered.stderr.isEmpty)
        #expect(rendered.stdout.hasPrefix("[\n  \"docker\",\n  \"run\",") && rendered.stdout.contains("  \"--gpus\",\n  \"all\",\n"))
        let refused = try inProcess(["render", bare])
        #expect(refused.status == 1 && refused.stderr.contains("or --resource RESOURCE (a bare queue config)"))
    }

    @Test func parsePrintsTheCanonicalJSON() throws {
        let run = try inProcess(["parse", "fixtures/valid/kubernetes-queue.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout == (try String(contentsOfFile: Package.path("fixtures/valid/kubernetes-queue.yaml.parse.json"), encoding: .utf8)))
        let compact = try inProcess(["parse", "--compact", "fixtures/valid/queue-definition.json"])
        #expect(compact.stdout == #"{"resource":"local-container","config":{"env":["WANDB_DEBUG=true"],"gpus":"all"},"template_variables":{}}"# + "\n")
    }

    @Test func parseOfAStreamPrintsTheFirstDocumentAndSaysSo() throws {
        let run = try inProcess(["parse", "--compact", "fixtures/valid/stream.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout == #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"wandb-api-key"}}"# + "\n")
        #expect(run.stderr == "launchc: note: 'fixtures/valid/stream.yaml' holds 4 documents (at lines 3, 6, 10, 13); printing the first (--all-documents prints all)\n")
        let all = try inProcess(["parse", "--compact", "--all-documents", "fixtures/valid/stream.yaml"])
        #expect(all.stdout.hasPrefix(#"[{"apiVersion":"v1""#) && all.stdout.hasSuffix(",null,null]\n"))
    }

    @Test func parseOfABadFilePrintsFindingsOnStandardErrorAndNothingElse() throws {
        let run = try inProcess(["parse", "--color", "never", "fixtures/syntax/duplicate-key.json"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("fixtures/syntax/duplicate-key.json:5:5: error[LC1101]: duplicate key 'InstanceType'\n"))
    }

    @Test func unreadableWinsOverFindings() throws {
        let run = try inProcess(["check", "--color", "never", "fixtures/syntax/nan.json", "missing.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.hasSuffix("checked 2 files: 2 errors\n"))
    }

    @Test func strictAndQuiet() throws {
        let warnings = "fixtures/syntax/yaml11-ambiguous.yaml"
        #expect(try inProcess(["check", warnings]).status == 0)
        #expect(try inProcess(["check", "--strict", warnings]).status == 1)
        let quiet = try inProcess(["check", "--quiet", warnings, "fixtures/syntax/nan.json"])
        #expect(quiet.status == 1)
        #expect(quiet.stdout.hasPrefix("fixtures/syntax/nan.json:1:47: error[LC1304]"))
        #expect(!quiet.stdout.contains("warning") && !quiet.stdout.contains("checked"))
        let strictQuiet = try inProcess(["check", "--quiet", "--strict", warnings])
        #expect(strictQuiet.stdout.contains("warning[LC1209]"))
    }

    @Test func jsonFormatForARun() throws {
        let run = try inProcess(["check", "--format", "json", "fixtures/syntax/duplicate-key.json"])
        #expect(run.status == 1)
        #expect(run.stdout == (try String(contentsOfFile: Package.path("fixtures/syntax/duplicate-key.json.expected.json"), encoding: .utf8)))
        let clean = try inProcess(["check", "--format", "json", "fixtures/valid/launch-config.yaml"])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("\"diagnostics\": []"))
    }

    @Test func directoriesAreWalkedInNameOrderSkippingHiddenEntries() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        for path in ["b.yml", "a.json", "sub/c.yaml", ".hidden/d.yaml", ".e.yaml", "notes.txt"] {
            try Data("x: [\n".utf8).write(to: dir.appendingPathComponent(path))
        }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("sub/again").path, withDestinationPath: dir.path)
        let run = try inProcess(["check", "--format", "json", dir.path])
        let paths = run.stdout.split(separator: "\n").filter { $0.contains("\"path\"") }.map {
            String($0.split(separator: "\"")[3]).replacingOccurrences(of: dir.path + "/", with: "")
        }
        #expect(paths == ["a.json", "b.yml", "sub/c.yaml"])
    }

    @Test func explain() throws {
        let run = try inProcess(["explain", "LC1101"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            LC1101 duplicate-key (error)
            a mapping has the same key twice

            JSON and YAML both say keys must be unique, but most parsers silently keep the last
            value (PyYAML, which the W&B agent uses, does), so the first value is lost without a
            word. launchc points at both occurrences; delete or rename one of them.

            With the problem:

                resource: sagemaker
                resource: kubernetes

            Fixed:

                resource: kubernetes

            """)
        let list = try inProcess(["explain"])
        let first = list.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("LC1001  warning  empty-file ") && first.hasSuffix("  the file holds no document"))
        // One column for every name: each summary starts right after the widest name and two spaces.
        let column = 17 + DiagnosticID.all.map(\.name.count).max()! + 2
        for (line, id) in zip(list.stdout.split(separator: "\n"), DiagnosticID.all) {
            #expect(String(line.dropFirst(column)) == id.summary, "\(id.code)")
        }
        #expect(try inProcess(["explain", "yaml-tab-indentation"]).stdout.hasPrefix("LC1202 yaml-tab-indentation (error)\n"))
    }

    @Test func schemaListsAndPrintsTheBundledSchemas() throws {
        let list = try inProcess(["schema", "--list"])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["meta/draft2020-12/schema", "https://json-schema.org/draft/2020-12/schema"]))
        #expect(rows.contains(["agent", "https://launchc.dev/schemas/agent.json"]))
        #expect(rows.count == BundledSchemas.ids.count && rows.allSatisfy { $0.count == 2 })
        let printed = try inProcess(["schema", "meta/draft2020-12/validation"])
        #expect(printed.stdout == (try String(contentsOfFile: Package.path("schemas/meta/draft2020-12/validation.json"), encoding: .utf8)))
        let byID = try inProcess(["schema", "https://json-schema.org/draft/2020-12/meta/core"])
        #expect(byID.stdout == (try String(contentsOfFile: Package.path("schemas/meta/draft2020-12/core.json"), encoding: .utf8)))
        let unknown = try inProcess(["schema", "sagemakr"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: no bundled schema is named 'sagemakr'; 'launchc schema --list' shows them\n"))
    }

    @Test func userSchemas() throws {
        let bad = try inProcess(["check", "--color", "never", "--schema", "fixtures/user-schema/schema.yaml", "fixtures/user-schema/wrong-types.yaml"])
        #expect(bad.status == 1)
        #expect(bad.stdout == (try String(contentsOfFile: Package.path("fixtures/user-schema/wrong-types.yaml.expected.txt"), encoding: .utf8)))
        let good = try inProcess(["check", "--schema", "fixtures/user-schema/schema.yaml", "fixtures/user-schema/approved.yaml"])
        #expect(good.status == 0 && good.stdout == "checked 1 file: no findings\n")
        let refused = try inProcess(["check", "--color", "never", "--schema", "fixtures/user-schema-invalid/schema.yaml", "fixtures/valid"])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == (try String(contentsOfFile: Package.path("fixtures/user-schema-invalid/schema.yaml.expected.txt"), encoding: .utf8)))
        let missing = try inProcess(["check", "--color", "never", "--schema", "no/policy.yaml", "fixtures/valid"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("no/policy.yaml: error[LC1002]: cannot read 'no/policy.yaml': no such file or directory\n"))
    }

    @Test func everySchemaAndCodeIsServedByTheCLI() throws {
        for entry in BundledSchemas.catalog {
            let run = try inProcess(["schema", entry.name])
            #expect(run.status == 0, "\(entry.name)")
            #expect(run.stdout == entry.text + "\n", "\(entry.name)")
        }
        for id in DiagnosticID.all {
            let run = try inProcess(["explain", id.code])
            #expect(run.status == 0 && run.stdout.hasPrefix("\(id.code) \(id.name) (\(id.severity.rawValue))\n"), "\(id.code)")
        }
    }
}
