@testable import LaunchcCore
import Testing

/// Docs-style placeholders (LC1107): what counts as one, and what the help says to fill in.
@Suite struct PlaceholderTests {
    @Test(arguments: [
        ("<queue-name>", "<queue-name>"), ("<your-region>", "<your-region>"), ("<REQUIRED>", "<REQUIRED>"),
        ("arn:aws:iam::<account-id>:role/x", "<account-id>"), ("s3://your-bucket/launch", "your-bucket"),
        ("arn:aws:iam::YOUR_ACCOUNT_ID:role/x", "YOUR_ACCOUNT_ID"), ("<n concurrent jobs>", "<n concurrent jobs>"),
        ("gs://Your_Bucket", "Your_Bucket"), ("<gcp-region>", "<gcp-region>"),
    ])
    func found(_ text: String, _ placeholder: String) {
        #expect(Placeholders.placeholder(in: text).map(String.init) == placeholder)
    }

    @Test(arguments: ["{{queue}}", "a<b>c", "yourself", "beyond-your", "layout-your", "<>", "<1abc>", "x < y > z", "your-", "us-east-1", "<ab"])
    func notFound(_ text: String) {
        #expect(Placeholders.placeholder(in: text) == nil, "\(text)")
    }

    @Test func helpNamesWhatToFillIn() {
        #expect(Placeholders.help("<your-region>", key: "region") == "replace it with the real region for 'region'")
        #expect(Placeholders.help("<REQUIRED>", key: "staging_bucket") == "replace it with the real value for 'staging_bucket'")
        #expect(Placeholders.help("YOUR_PROJECT_ID", key: nil) == "replace it with the real project id")
    }

    /// Only Launch documents, never prose (`description`), and once per value: the schema's
    /// own finding at the same value is dropped.
    @Test func reportedOncePerValue() throws {
        let text = "queues: [<queue-name>]\nmax_jobs: <n>\nregistry: {type: ecr, uri: <ecr-repo-arn>}\n"
        let report = Checker.check(SourceFile(path: "agent.yaml", bytes: Array(text.utf8)))
        #expect(report.diagnostics.map(\.code) == ["LC1107", "LC2006", "LC1107"])
        let queue = "resource: local-container\nconfig: {env: [\"A={{a}}\"]}\ntemplate_variables:\n  a: {description: \"e.g. <your-value>\", schema: {type: string}}\n"
        #expect(Checker.check(SourceFile(path: "q.yaml", bytes: Array(queue.utf8)), options: CheckOptions(classifier: Classifier(kind: .queue))).diagnostics.isEmpty)
        let data = Checker.check(SourceFile(path: "d.yaml", bytes: Array("a: <your-value>\n".utf8)), options: CheckOptions(classifier: Classifier(kind: .data)))
        #expect(data.diagnostics.isEmpty)
    }
}
