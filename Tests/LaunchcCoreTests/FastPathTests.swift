import ArgumentParser
import Testing
@testable import launchc

/// The fast path and ArgumentParser must agree on every command line the fast path takes, and
/// the fast path must leave everything else (help, errors, rare forms) to ArgumentParser.
@Suite struct FastPathTests {
    static let taken: [[String]] = [
        ["check", "a.yaml"],
        ["check", "--strict", "--quiet", "."],
        ["check", "-q", "--no-strict", "--jobs", "3", "--config", "c.yaml", "x", "y"],
        ["check", "--format", "sarif", "--output", "o.sarif", "--format=text", "--format", "junit", "--output=j.xml", "q/"],
        ["check", "--schema", "s1.yaml", "--schema=s2.json", "--kind", "queue-config", "--resource", "sagemaker",
         "--color", "never", "--stdin-name", "x.json", "--max-file-size", "10K", "-"],
        ["check", "--no-config", "--", "-weird.yaml", "--strict"],
        ["check", "--format", "github", "a", "--jobs=2", "b"],
        ["check", "--limit", "depth=20", "--limit=scalar-size=16M", "--limit", "pattern-steps=5000", "a.yaml"],
        ["render", "q.yaml"],
        ["render", "q.yaml", "--spec", "s.yaml", "--set", "a=1", "--set=b=2", "--run-id", "r", "--project", "p", "--entity", "e",
         "--run-name", "n", "--author", "au", "--image-uri", "img", "--entry-point", "python t.py", "--args=--lr 0.1",
         "--queue", "qq", "--queue-entity", "qe", "--run-queue-item-id", "id", "--macro", "X=1", "--macro=Y=2", "--aws-account", "1",
         "--aws-partition", "aws-cn", "--gcp-project", "g", "--gcp-region", "r2", "--format", "yaml", "-o", "out.json",
         "--compact", "--explain", "--kind", "queue", "--resource", "vertex"],
        ["render", "--agent-input", "-", "--color", "always", "--stdin-name", "q.json"],
        ["parse", "f.yaml"],
        ["parse", "--all-documents", "--compact", "f.yaml", "--max-file-size", "1M"],
        ["parse", "f.yaml", "--limit", "documents=3"],
        ["render", "q.yaml", "--limit", "aliases=10", "--limit", "file-size=1K"],
    ]

    @Test(arguments: taken)
    func bothParsersAgree(_ arguments: [String]) throws {
        let fast = try #require(FastPath.command(arguments), "the fast path declined \(arguments)")
        let full = try Launchc.parseAsRoot(arguments)
        switch full {
        case let check as Check:
            #expect(fast == .check(try check.request(arguments: Array(arguments.dropFirst()))))
        case let render as Render:
            #expect(fast == .render(render.request))
        case let parse as Parse:
            #expect(fast == .parse(parse.request))
        default:
            Issue.record("unexpected command \(type(of: full))")
        }
    }

    static let declined: [[String]] = [
        [], ["--version"], ["--help"], ["schema", "--list"], ["explain", "LC1101"],
        ["check"], ["check", "--help"], ["check", "-h"], ["check", "--bogus", "a"], ["check", "-qs", "a"],
        ["check", "--kind", "nope", "a"], ["check", "--jobs", "0", "a"], ["check", "--jobs", "-1", "a"], ["check", "--jobs", "x", "a"],
        ["check", "--output", "o", "a"], ["check", "--kind", "agent", "--kind", "queue", "a"],
        ["check", "--format", "sarif", "--format", "text", "a"], ["check", "--strict=yes", "a"], ["check", "--color", "sometimes", "a"],
        ["check", "--config", "c", "--no-config", "a"], ["check", "--format"],
        ["render"], ["render", "a", "b"], ["render", "--explain", "--agent-input", "a"], ["render", "a", "--set", "novalue"],
        ["render", "a", "--format", "xml"], ["render", "a", "--entry-point", "[1]"],
        ["parse"], ["parse", "a", "b"], ["parse", "--help"],
    ]

    @Test(arguments: declined)
    func everythingElseGoesToArgumentParser(_ arguments: [String]) {
        #expect(FastPath.command(arguments) == nil, "the fast path took \(arguments)")
    }
}
