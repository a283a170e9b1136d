/// The permissions of one `policy` run, gathered from the agent config, then queue by queue.
struct PolicyRun {
    let facts: PolicyGenerator.Facts
    let agent: Node
    let agentFile: SourceFile
    var diagnostics: [Diagnostic] = []

    var awsAgent = PrincipalDraft(.aws, "agent", "the launch agent's IAM role")
    /// One per execution role, in the order the queues name them.
    var executionRoles: [PrincipalDraft] = []
    var gcpAgent = PrincipalDraft(.gcp, "agent", "the launch agent's service account")
    /// One per service account the Vertex jobs run as.
    var vertexJobs: [PrincipalDraft] = []
    var azureAgent = PrincipalDraft(.azure, "agent", "the launch agent's identity")

    /// The repository the builder pushes to, when it builds.
    var builtImage: (uri: PolicyValue, parsed: CloudURI)?
    var builds = false
    /// Findings reported once per run.
    var reportedScopes: Set<String> = []

    init(facts: PolicyGenerator.Facts, agent: Node, agentFile: SourceFile) {
        self.facts = facts
        self.agent = agent
        self.agentFile = agentFile
        partition = "aws"
        partition = agentPartition
    }

    /// `--aws-partition`, else the partition of `environment.region`, else `aws`.
    var agentPartition: String {
        facts.awsPartition ?? PolicyValue(agent["environment"]?["region"], in: agentFile).flatMap { Self.partition(forRegion: $0.text) } ?? "aws"
    }

    static let pushActions = ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:InitiateLayerUpload",
                              "ecr:PutImage", "ecr:UploadLayerPart"]
    static let pullActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    static let sageMakerLogGroup = "log-group:/aws/sagemaker/TrainingJobs:*"

    // MARK: scope: partition, account, region, project

    /// `--aws-partition`, else the partition of the queue's role ARN, else of the agent's region.
    var partition: String

    /// The partition of a region (`cn-north-1`: aws-cn, `us-gov-west-1`: aws-us-gov), if it is fixed.
    static func partition(forRegion region: String) -> String? {
        if region.isEmpty || region.contains("*") { return nil }
        for (prefix, partition) in [("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"), ("us-isob-", "aws-iso-b"), ("us-isof-", "aws-iso-f"),
                                    ("eu-isoe-", "aws-iso-e"), ("us-iso-", "aws-iso")] where region.hasPrefix(prefix) {
            return partition
        }
        return "aws"
    }

    /// The partition an ARN names (`arn:aws-cn:...`), if it is one.
    static func partition(of arn: String) -> String? {
        let fields = arn.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == "arn", !fields[1].isEmpty, !fields[1].contains("*") else { return nil }
        return String(fields[1])
    }

    /// `environment.region`, or `*` with a finding.
    mutating func region(for what: String) -> String {
        let node = agent["environment"]?["region"]
        if let value = PolicyValue(node, in: agentFile), !value.text.isEmpty {
            if !value.isPinned { unpinned(value, "environment.region '\(value.raw)' is not fixed, so \(what) name every region") }
            return value.text
        }
        scope("region", "environment.region is not set, so \(what) name every region ('*')",
              at: environmentSpan,
              fix: "set environment.region to the region the agent runs jobs in")
        return "*"
    }

    /// Where a finding about the environment block points: its key, else the top of the file.
    var environmentSpan: SourceSpan {
        SourceSpan(file: agentFile, range: agent.member("environment")?.keyRange ?? .at(0))
    }

    mutating func gcpProject() -> String {
        if let project = facts.gcpProject { return project }
        if let value = PolicyValue(agent["environment"]?["project"], in: agentFile), value.isPinned, !value.text.isEmpty {
            gcpAgent.note("the project is environment.project (\(value.place)); the agent itself takes it from its credentials, so check they agree or pass --gcp-project")
            return value.text
        }
        scope("gcp-project", "no config names the GCP project (the agent takes it from its credentials), so the Vertex permissions name every project ('*')",
              at: environmentSpan,
              fix: "pass --gcp-project PROJECT")
        return "*"
    }

    /// A finding reported once per run (the same unknown account for every queue says nothing new).
    mutating func scope(_ key: String, _ message: String, at span: SourceSpan, fix: String) {
        guard reportedScopes.insert(key).inserted else { return }
        diagnostics.append(Diagnostic(.policyUnknownScope, message, at: span, fixIts: [FixIt(fix)]))
    }

    mutating func unpinned(_ value: PolicyValue, _ message: String, fix: String? = nil) {
        guard reportedScopes.insert("unpinned \(value.place)").inserted else { return }
        diagnostics.append(Diagnostic(.policyUnpinned, message, at: value.span, fixIts: fix.map { [FixIt($0)] } ?? []))
    }

    mutating func unrecognized(_ value: PolicyValue, _ what: String) {
        guard reportedScopes.insert("unrecognized \(value.place)").inserted else { return }
        diagnostics.append(Diagnostic(.policyUnrecognized, "\(what) '\(value.raw)' names no resource launchc can write a permission for; grant access to it by hand",
                                      at: value.span))
    }
}

extension String {
    /// The text without the '/' it ends with, if any (`s3://b/out/` and `s3://b/out` name one prefix).
    var withoutTrailingSlashes: String {
        var text = Substring(self)
        while text.hasSuffix("/") { text.removeLast() }
        return String(text)
    }
}
