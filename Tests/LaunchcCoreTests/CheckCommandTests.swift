import Foundation
@testable import LaunchcCore
import Testing

/// Globs with `.gitignore`'s meaning, the walk's ignore files, `.launchc.yaml` and `--jobs`.
@Suite struct GlobTests {
    @Test(arguments: [
        ("*.yaml", "a.yaml", true), ("*.yaml", "queues/deep/a.yaml", true), ("*.yaml", "a.json", false),
        ("queues/*.yaml", "queues/a.yaml", true), ("queues/*.yaml", "x/queues/a.yaml", false),
        ("queues/*.yaml", "queues/sub/a.yaml", false), ("/a.yaml", "a.yaml", true), ("/a.yaml", "sub/a.yaml", false),
        ("queues/**/*.yaml", "queues/a.yaml", true), ("queues/**/*.yaml", "queues/x/y/a.yaml", true),
        ("**/legacy", "a/b/legacy", true), ("q?.yaml", "q1.yaml", true), ("q?.yaml", "q10.yaml", false),
        ("q[0-9].yaml", "q7.yaml", true), ("q[!0-9].yaml", "q7.yaml", false), ("q[!0-9].yaml", "qa.yaml", true),
        ("a[.yaml", "a[.yaml", true), ("\\*.yaml", "*.yaml", true), ("\\*.yaml", "a.yaml", false),
        ("*train*gpu*", "my-train-big-gpu.yaml", true), ("*train*gpu*", "my-train.yaml", false),
        ("té*.yaml", "tést.yaml", true),
    ])
    func globMatches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) on \(path)")
    }

    @Test func foldersCoverWhatIsInThem() {
        #expect(Glob("legacy/").matchesFileOrFolder("legacy/a.yaml"))
        #expect(!Glob("legacy/").matches("legacy"))
        #expect(Glob("legacy/").matches("legacy", isDirectory: true))
        #expect(Glob("legacy").matchesFileOrFolder("x/legacy/deep/a.yaml"))
        #expect(!Glob("queues/legacy").matchesFileOrFolder("x/queues/legacy/a.yaml"))
    }
}

extension CLITests {
    /// Writes files (path → text) under a new folder marked as a git work tree.
    func repository(_ files: [String: String]) throws -> URL {
        let root = try temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func projectConfigStrictnessAndFlags() throws {
        let root = try repository([
            ".launchc.yaml": "strict: true\n",
            "agents/launch-config.yaml": "max_jobs: 1\nqueues: [q]\nbuilder:\n  type: docker\n  cache: true\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.path
        // The warning fails the run because the config says strict; flags win over it.
        #expect(try launchc(["check", "--quiet", folder]).status == 1)
        #expect(try launchc(["check", "--quiet", "--no-strict", folder]).status == 0)
        #expect(try launchc(["check", "--quiet", "--no-config", folder]).status == 0)
        let other = root.appendingPathComponent("other.yaml").path
        try "strict: false\n".write(toFile: other, atomically: true, encoding: .utf8)
        #expect(try launchc(["check", "--quiet", "--config", other, folder]).status == 0)
        #expect(try launchc(["check", "--config", other, "--no-config", folder]).stderr.contains("not both"))
    }

    @Test func aBrokenProjectConfigIsReportedAndNotApplied() throws {
        let root = try repository([
            ".launchc.yaml": "strict: yes please\nignore:\n  - files: x\n",
            "q.yaml": "max_jobs: 1\nqueues: [q]\nbuilder:\n  type: docker\n  cache: true\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try launchc(["check", "--color", "never", root.path])
        #expect(run.status == 1)
        let config = root.path + "/.launchc.yaml"
        #expect(run.stdout.hasPrefix("\(config):1:9: error[LC2001]: expected boolean, found string"), "\(run.stdout)")
        #expect(run.stdout.contains("\(config):3:5: error[LC2002]"))
        // Not applied: the warning in q.yaml does not fail the run by itself, and it is reported.
        #expect(run.stdout.contains("q.yaml:5:3: warning[LC3102]"))
        #expect(run.stdout.hasSuffix("checked 2 files: 2 errors, 1 warning\n"))
    }

    @Test func walksSkipWhatGitIgnores() throws {
        let root = try repository([
            ".gitignore": "/out/\n*.generated.yaml\n!keep.generated.yaml\n",
            "sub/.gitignore": "local.json\n",
            "a.yaml": "a: 1\n", "out/b.yaml": "b: 1\n", "sub/c.generated.yaml": "c: 1\n", "sub/keep.generated.yaml": "k: 1\n",
            "sub/local.json": "{}", "sub/out/d.yaml": "d: 1\n", ".git/info/exclude": "secret.yaml\n", "secret.yaml": "s: 1\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let names = Checker.inputs(for: [root.path]).map { input -> String in
            guard case .file(let path) = input else { return "?" }
            return String(path.dropFirst(root.path.count + 1))
        }
        #expect(names == ["a.yaml", "sub/keep.generated.yaml", "sub/out/d.yaml"])
        // Walked from inside, the ignore files above the folder still apply.
        #expect(Checker.inputs(for: [root.path + "/sub"]).count == 2)
        // Files named on the command line are checked whatever the ignore files say.
        #expect(Checker.inputs(for: [root.path + "/out/b.yaml"]).count == 1)
    }

    /// The report is the same, byte for byte, whatever the number of threads.
    @Test func parallelChecksKeepTheirOrder() throws {
        let folders = ["fixtures/agent", "fixtures/sagemaker", "fixtures/syntax", "fixtures/gcp-vertex", "fixtures/kubernetes"]
        let one = try launchc(["check", "--jobs", "1", "--format", "json"] + folders)
        for jobs in ["2", "7"] {
            let many = try launchc(["check", "--jobs", jobs, "--format", "json"] + folders)
            #expect(many.stdout == one.stdout && many.status == one.status)
        }
        #expect(try launchc(["check", "--jobs", "0", "fixtures/agent"]).stderr.contains("--jobs must be at least 1"))
        let items = Array(0..<1000)
        #expect(Parallel.map(items, threads: 8) { $0 * 2 } == items.map { $0 * 2 })
    }
}

extension CLITests {
    /// Completion scripts for the three shells, with the subcommands and their options and
    /// values; every command's help has examples.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(_ shell: String) throws {
        let run = try launchc(["--generate-completion-script", shell])
        #expect(run.status == 0 && run.stderr.isEmpty)
        for word in ["check", "render", "schema", "explain", "jobs", "no-config", "sarif", "gcp-vertex", "launchc-config"] {
            #expect(run.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    @Test(arguments: [[], ["check"], ["render"], ["parse"], ["schema"], ["explain"]])
    func everyHelpHasExamples(_ command: [String]) throws {
        let run = try launchc(command + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples:\n  launchc "), "\(command) --help has no examples")
    }
}

extension GlobTests {
    /// `foo/**` is what is inside foo, not foo itself, so a file in it can be re-included.
    @Test func trailingDoubleStarMatchesInsideOnly() {
        #expect(!Glob("foo/**").matches("foo", isDirectory: true))
        #expect(Glob("foo/**").matches("foo/a/b.yaml"))
        let ignore = IgnoreFile(base: "/r/", rules: [.init(glob: Glob("foo/**"), negated: false), .init(glob: Glob("foo/keep.yaml"), negated: true)])
        #expect(ignore.verdict("/r/foo", isDirectory: true) == nil)
        #expect(ignore.verdict("/r/foo/keep.yaml", isDirectory: false) == false)
        #expect(ignore.verdict("/r/foo/other.yaml", isDirectory: false) == true)
    }
}

extension CLITests {
    /// A config named with --config applies its globs from the current folder, and its
    /// ignore entries without files to every file.
    @Test func namedProjectConfigAppliesEverywhere() throws {
        let root = try repository([
            "ci/launchc.yaml": "ignore:\n  - code: LC3102\n",
            "agents/a.yaml": "max_jobs: 1\nqueues: [q]\nbuilder:\n  type: docker\n  cache: true\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let without = try launchc(["check", "--no-config", root.path + "/agents"])
        #expect(without.stdout.contains("warning[LC3102]"))
        let with = try launchc(["check", "--config", root.path + "/ci/launchc.yaml", root.path + "/agents"])
        #expect(!with.stdout.contains("warning[LC3102]"), "\(with.stdout)")
        #expect(with.status == 0)
    }
}
