import Foundation
@testable import LaunchcCore
import Testing

/// The `launchc` executable as users run it: output streams and exit codes.
@Suite(.serialized) struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary `swift build` put beside the test bundle (or `LAUNCHC_BIN`).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["LAUNCHC_BIN"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory = directory.deletingLastPathComponent() }
        let candidate = directory.appendingPathComponent("launchc").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return Package.path(".build/debug/launchc")
    }()

    func launchc(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Package.root)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "GITHUB_ACTIONS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("launchc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `fixtures/COMMAND/cases/NAME/args.txt` holds one argument per line after `launchc COMMAND
    /// --color never`; `stdout.txt`, `stderr.txt` and `status.txt` beside it are what the run must
    /// print and return.
    static func cases(of command: String) -> [String] {
        let root = Package.path("fixtures/\(command)/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root + "/" + $0 + "/args.txt") }.sorted()
    }

    static let renderCases = cases(of: "render")
    static let checkCases = cases(of: "check")
    static let policyCases = cases(of: "policy")

    func runCase(_ command: String, _ name: String) throws {
        let folder = "fixtures/\(command)/cases/" + name
        let args = try #require(Golden.readFile(Package.path(folder + "/args.txt"))).split(separator: "\n").map(String.init)
        // A made-up key, so that --show-secrets renders the same everywhere.
        let run = try launchc([command, "--color", "never"] + args, environment: ["WANDB_API_KEY": "local-0123456789abcdef"])
        Golden.assert(run.stdout, matches: folder + "/stdout.txt")
        Golden.assert(run.stderr, matches: folder + "/stderr.txt")
        Golden.assert("\(run.status)\n", matches: folder + "/status.txt")
    }

    /// `fixtures/fix/NAME.EXT`: files with findings `check --fix` mends; `NAME.fixed.EXT` is the
    /// file after `--fix`, byte for byte, and `NAME.EXT.diff` what `--diff` prints.
    static let fixCases: [String] = Package.fixtures(in: "fix").filter { !$0.contains(".fixed.") && !$0.hasSuffix(".diff") }

    @Test(arguments: fixCases) func fixCase(_ name: String) throws {
        let relative = "fixtures/fix/" + name
        let dot = name.lastIndex(of: ".")!
        let fixedName = name[..<dot] + ".fixed" + name[dot...]
        let before = try #require(Golden.readFile(Package.path(relative)))

        // --diff prints the fixes and changes nothing; its report (of the file as it is) goes to standard error.
        let diff = try launchc(["check", "--no-config", "--color", "never", "--diff", relative])
        Golden.assert(diff.stdout, matches: relative + ".diff")
        #expect(diff.stderr.contains("checked 1 file"))
        #expect(Golden.readFile(Package.path(relative)) == before)

        // --fix rewrites a copy to exactly the fixed file, and says what it fixed.
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent(name).path
        try before.write(toFile: copy, atomically: false, encoding: .utf8)
        let fixed = try launchc(["check", "--no-config", "--color", "never", "--fix", copy])
        let after = try #require(Golden.readFile(copy))
        Golden.assert(after, matches: "fixtures/fix/" + fixedName)
        #expect(fixed.stderr.hasPrefix("launchc: fixed "), "\(fixed.stderr)")
        #expect(after != before)

        // What is left has no safe fix, and a second --fix changes nothing and says nothing.
        let report = Checker.check(SourceFile(path: copy, bytes: Array(after.utf8)), options: CheckOptions())
        #expect(Fixer.edits(for: report, in: SourceFile(path: copy, bytes: Array(after.utf8))).edits.isEmpty)
        let again = try launchc(["check", "--no-config", "--color", "never", "--fix", copy])
        #expect(Golden.readFile(copy) == after)
        #expect(!again.stderr.contains("fixed"))
        #expect(again.stdout == fixed.stdout && again.status == fixed.status)
        // --diff on the fixed file prints nothing.
        #expect(try launchc(["check", "--no-config", "--diff", copy]).stdout.isEmpty)
    }

    @Test func fixRefusesStandardInputButDiffTakesIt() throws {
        let refused = try launchc(["check", "--fix", "-"], stdin: "shm_size: 1g\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--fix rewrites files, and standard input is not one; use --diff to see the fixes"))
        let diff = try launchc(["check", "--no-config", "--diff", "--kind", "queue-config", "--resource", "local-container", "--stdin-name", "docker.yaml", "-"], stdin: "shm_size: 1g\n")
        #expect(diff.stdout == "--- docker.yaml\n+++ docker.yaml\n@@ -1 +1 @@\n-shm_size: 1g\n+shm-size: 1g\n")
        #expect(diff.status == 1)
    }

    /// `fixtures/hostile/NAME`: inputs built to hurt (scripts/make-hostile-fixtures.py), each
    /// checked as `launchc check --color never --no-config [NAME.args] NAME`; NAME.expected.txt
    /// holds standard output, then standard error and the exit code.
    static let hostileCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Package.path("fixtures/hostile"))) ?? []
        return names.filter { !$0.hasSuffix(".args") && !$0.contains(".expected.") && !$0.hasSuffix(".schema.json") }.sorted()
    }()

    static func hostileRun(_ run: Run) -> String {
        run.stdout + "--- standard error\n" + run.stderr + "--- exit \(run.status)\n"
    }

    @Test(arguments: hostileCases) func hostileCase(_ name: String) throws {
        let relative = "fixtures/hostile/" + name
        let args = (Golden.readFile(Package.path(relative + ".args")) ?? "").split(separator: "\n").map(String.init)
        let run = try launchc(["check", "--color", "never", "--no-config"] + args + [relative])
        Golden.assert(Self.hostileRun(run), matches: relative + ".expected.txt")
        // No credential reaches any output.
        for secret in ["AKIAZ7QWERTYUIOPASDF", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz1234abcd", "0123456789abcdef0123456789abcdef01234567",
                       "IQoJb3JpZ2luX2VjEJr", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", String(repeating: "f", count: 40)] {
            #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "\(name) prints a secret")
        }
    }

    /// The fuzz targets' replayer (`launchc-fuzz TARGET FILE...`, built beside launchc) on every
    /// hostile fixture and every input fuzzing found (`fixtures/fuzz/TARGET/`): each target
    /// returns on each. Under `make sanitize` this runs with address or thread sanitizer.
    @Test(arguments: ["yaml", "json", "check", "render", "policy", "user-schema"]) func fuzzTargetsSurviveTheHostileInputs(_ target: String) throws {
        let replayer = URL(fileURLWithPath: Self.binary).deletingLastPathComponent().appendingPathComponent("launchc-fuzz").path
        guard FileManager.default.isExecutableFile(atPath: replayer) else {
            Issue.record("no launchc-fuzz beside \(Self.binary)")
            return
        }
        let found = (try? FileManager.default.contentsOfDirectory(atPath: Package.path("fixtures/fuzz/\(target)"))) ?? []
        let inputs = Self.hostileCases.map { Package.path("fixtures/hostile/" + $0) } + found.sorted().map { Package.path("fixtures/fuzz/\(target)/" + $0) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: replayer)
        process.arguments = [target] + inputs
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "launchc-fuzz: \(inputs.count) input(s) through \(target): ok\n")
    }

    @Test func hostileFixturesAreEnough() {
        #expect(Self.hostileCases.count >= 40)
    }

    @Test func renderCasesExist() {
        #expect(Self.renderCases.count >= 26)
    }

    /// `-o` writes the whole body or nothing: an existing file survives a failed render, and no
    /// temporary file is left beside it.
    @Test func renderOutputFileIsWrittenWholeOrNotAtAll() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("job.json").path
        try "previous\n".write(toFile: target, atomically: false, encoding: .utf8)

        let failed = try launchc(["render", "--color", "never", "fixtures/syntax/alias-bomb.yaml", "--resource", "sagemaker", "-o", target])
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["job.json"])

        let written = try launchc(["render", "fixtures/queue/sagemaker-gpu.yaml", "--run-id", "abc123", "-o", target])
        let printed = try launchc(["render", "fixtures/queue/sagemaker-gpu.yaml", "--run-id", "abc123"])
        #expect(written.status == 0 && written.stdout.isEmpty && written.stderr.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["job.json"])

        let missing = try launchc(["render", "fixtures/queue/sagemaker-gpu.yaml", "-o", directory.path + "/no/such/job.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "launchc: error: cannot write '\(directory.path)/no/such/job.json': No such file or directory\n")
    }

    @Test func parseWarnsAboutNonFiniteNumbers() throws {
        let run = try launchc(["parse", "--compact", "--color", "never", "-"], stdin: "a: .inf\n")
        #expect(run.status == 0)
        #expect(run.stdout == #"{"a":".inf"}"# + "\n")
        #expect(run.stderr.hasPrefix("<stdin>:1:4: warning[LC1211]: '.inf' has no JSON form; printed as the string \".inf\"\n"))
    }

    @Test func unreadableInputsExitTwo() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loop = dir.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let cases: [([String], String)] = [
            (["check", "no/such/file.yaml"], "no/such/file.yaml: error[LC1002]: cannot read 'no/such/file.yaml': no such file or directory\n"),
            (["parse", "fixtures"], "fixtures: error[LC1002]: cannot read 'fixtures': it is a directory\n"),
            (["check", loop], "\(loop): error[LC1002]: cannot read '\(loop)': too many levels of symbolic links\n"),
            // Opens, then fails on read: the kernel refuses to read unmapped memory.
            (["parse", "/proc/self/mem"], "/proc/self/mem: error[LC1002]: cannot read '/proc/self/mem': input/output error\n"),
        ]
        for (arguments, message) in cases {
            let run = try launchc(arguments + ["--color", "never"])
            #expect(run.status == 2, "\(arguments)")
            let text = arguments[0] == "parse" ? run.stderr : run.stdout
            #expect(text.hasPrefix(message), "\(arguments): \(text)")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["check"], ["check", "--format", "xml", "a.yaml"], ["frobnicate"], ["explain", "LC9999"], ["parse"]] {
            let run = try launchc(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr.contains("Error:") || run.stderr.contains("error"), "\(arguments): \(run.stderr)")
        }
        let noPaths = try launchc(["check"])
        #expect(noPaths.stderr.hasPrefix("Error: give at least one file or directory to check, or '-' for standard input\n"))
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try launchc(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:") && help.stdout.contains("--strict"))
        let version = try launchc(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
    }

    @Test func standardInputTakesItsNameAndFormat() throws {
        let yaml = try launchc(["check", "--color", "never", "--stdin-name", "queue.yaml", "-"], stdin: "a: 1\na: 2\n")
        #expect(!yaml.stdout.contains("LC1404"), "a file that does not parse has its verdict already")
        #expect(yaml.status == 1)
        #expect(yaml.stdout.hasPrefix("queue.yaml:2:1: error[LC1101]: duplicate key 'a'\n"))
        let json = try launchc(["check", "--color", "never", "--stdin-name", "q.json", "-"], stdin: "{\"a\": 1,}")
        #expect(json.stdout.hasPrefix("q.json:1:8: error[LC1303]: trailing comma before '}'\n"))
        let sniffed = try launchc(["check", "--color", "never", "-"], stdin: "{\"a\": 1,}")
        #expect(sniffed.stdout.hasPrefix("<stdin>:1:8: error[LC1303]"))
    }

    @Test func colourFollowsTheFlagAndNoColor() throws {
        let bad = "fixtures/syntax/nan.json"
        #expect(try launchc(["check", "--color", "always", bad]).stdout.contains("\u{1B}[1;31merror[LC1304]\u{1B}[0m"))
        #expect(!(try launchc(["check", bad]).stdout.contains("\u{1B}[")))  // a pipe is not a terminal
        #expect(!(try launchc(["check", "--color", "never", bad]).stdout.contains("\u{1B}[")))
    }

}
