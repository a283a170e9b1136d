import Testing
@testable import LaunchcCore

/// `launchc policy`'s parts; the whole command's output is pinned by fixtures/policy/cases.
struct PolicyTests {
    @Test func placeholdersWidenToOneStarEach() {
        #expect(PolicyValue.widen("s3://b/{{team}}/${project_name}/out") == ("s3://b/*/*/out", ["{{team}}", "${project_name}"]))
        #expect(PolicyValue.widen("role/{{ team }}-${run_id}") == ("role/*-*", ["{{ team }}", "${run_id}"]))
        #expect(PolicyValue.widen("{{a}}${b}") == ("*", ["{{a}}", "${b}"]))
        // Not placeholders: an unclosed brace, a `${` with no name, a name with a dash.
        #expect(PolicyValue.widen("a{{b") == ("a{{b", []))
        #expect(PolicyValue.widen("${}x") == ("${}x", []))
        #expect(PolicyValue.widen("${a-b}") == ("${a-b}", []))
        #expect(PolicyValue.widen("plain") == ("plain", []))
    }

    @Test func registryURIsNameTheirRepository() {
        guard case .ecr(let account, let region, let repository, let partition)? = CloudURI.registry("https://123456789012.dkr.ecr.us-east-1.amazonaws.com/team/train:v3") else {
            Issue.record("ECR URI not recognised")
            return
        }
        #expect([account, region, repository, partition] == ["123456789012", "us-east-1", "team/train", "aws"])
        guard case .ecr(_, _, let cnRepository, let cn)? = CloudURI.registry("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/x@sha256:00") else {
            Issue.record("ECR China URI not recognised")
            return
        }
        #expect(cnRepository == "x" && cn == "aws-cn")
        guard case .gar(let location, let project, let garRepository)? = CloudURI.registry("us-central1-docker.pkg.dev/ml/launch/train") else {
            Issue.record("Artifact Registry URI not recognised")
            return
        }
        #expect([location, project, garRepository] == ["us-central1", "ml", "launch"])
        guard case .acr(let registry, let acrRepository)? = CloudURI.registry("mlplatform.azurecr.io/launch:latest") else {
            Issue.record("ACR URI not recognised")
            return
        }
        #expect(registry == "mlplatform" && acrRepository == "launch")
        // Without '.dkr', as an ARN, on Docker Hub, or without a repository: nothing IAM names.
        for uri in ["123456789012.ecr.us-east-1.amazonaws.com/x", "arn:aws:ecr:us-east-1:123456789012:repository/x", "docker.io/library/python",
                    "123456789012.dkr.ecr.us-east-1.amazonaws.com/", "us-central1-docker.pkg.dev/ml"] {
            #expect(CloudURI.registry(uri) == nil, "\(uri)")
        }
    }

    @Test func storageURIsNameBucketAndPrefix() {
        guard case .s3(let bucket, let key)? = CloudURI.storage("s3://data/a/b/") else { Issue.record("S3"); return }
        #expect(bucket == "data" && key == "a/b/")
        guard case .blob(let account, let container, let prefix)? = CloudURI.storage("https://acct.blob.core.windows.net/builds/launch") else {
            Issue.record("blob")
            return
        }
        #expect([account, container, prefix] == ["acct", "builds", "launch"])
        #expect(CloudURI.storage("s3:///key") == nil && CloudURI.storage("https://example.com/x") == nil && CloudURI.storage("/local/path") == nil)
    }

    @Test func aWildcardResourceCoversTheOnesItMatches() {
        var set = StatementSet()
        set.add("Pull", ["ecr:BatchGetImage", "ecr:BatchGetImage"], "arn:aws:ecr:us-east-1:1:repository/team/train")
        set.add("Pull", ["ecr:BatchGetImage"], "arn:aws:ecr:us-east-1:1:repository/*")
        set.add("Pull", ["ecr:BatchGetImage"], "arn:aws:ecr:us-west-2:1:repository/eval")
        #expect(set.finished == [AWSStatement(sid: "Pull", actions: ["ecr:BatchGetImage"],
                                              resources: ["arn:aws:ecr:us-east-1:1:repository/*", "arn:aws:ecr:us-west-2:1:repository/eval"])])
        #expect(StatementSet.covers("a*c*", "abxcy") && StatementSet.covers("*", "") && !StatementSet.covers("a*c", "abcd"))
    }

    @Test func optionsOfTemplateVariablesAreListedNotWidened() throws {
        let text = """
            resource: sagemaker
            template_variables:
              team: {schema: {type: string, default: cv, enum: [cv, nlp]}}
              size: {schema: {type: integer, default: 1}}
            config:
              RoleArn: arn:aws:iam::123456789012:role/{{team}}-{{size}}
              OutputDataConfig: {S3OutputPath: "s3://out/{{team}}/"}
            """
        let file = SourceFile(path: "q.yaml", bytes: Array(text.utf8))
        let root = try #require(DocumentParser.parse(file).documents.first?.root)
        let queue = PolicyGenerator.Queue(file: file, resource: .sagemaker, config: try #require(root["config"]), definition: root)
        let (variants, note) = PolicyGenerator.variants(of: queue)
        #expect(variants.map { PolicyRun.camelMembers($0.config)["RoleArn"].flatMap { node -> String? in
            if case .string(let s) = node.value { s } else { nil } } } == ["arn:aws:iam::123456789012:role/cv-{{size}}", "arn:aws:iam::123456789012:role/nlp-{{size}}"])
        #expect(note == "q.yaml: template variable '{{team}}' (cv, nlp) takes only its options, so the permissions cover each of them by name")
    }

    func report(agent: String, queue: String, resource: LaunchResource = .sagemaker) throws -> PolicyReport {
        let agentFile = SourceFile(path: "agent.yaml", bytes: Array(agent.utf8))
        let queueFile = SourceFile(path: "queue.yaml", bytes: Array(queue.utf8))
        let agentRoot = try #require(DocumentParser.parse(agentFile).documents.first?.root)
        let queueRoot = try #require(DocumentParser.parse(queueFile).documents.first?.root)
        return PolicyGenerator().generate(agent: agentRoot, agentFile: agentFile, queues: [PolicyGenerator.Queue(file: queueFile, resource: resource, config: queueRoot)])
    }

    @Test func cloudStorageConditionsAreEscapedAndEndAtAWildcard() throws {
        let agent = "environment: {type: gcp, region: us-central1}\nbuilder: {type: kaniko, build-context-store: \"gs://ctx/${TEAM}/builds\"}\n"
        let queue = "spec:\n  staging_bucket: gs://b\n  base_output_dir: 'gs://b/out\"x) || true || (\"/'\n"
        let text = try report(agent: agent, queue: queue, resource: .gcpVertex).text
        #expect(text.contains("when resource.name.startsWith(\"projects/_/buckets/b/objects/out\\\"x) || true || (\\\"/\")\n"), "\(text)")
        // The context's prefix is '*/builds/': the condition would start with '*', so there is none.
        #expect(text.contains("permissions on projects/_/buckets/ctx\n  storage.buckets.get\n  storage.objects.create\n  storage.objects.get\n"), "\(text)")
    }

    @Test func thePartitionFollowsTheRegion() throws {
        let agent = "environment: {type: aws, region: cn-north-1}\nbuilder: {type: kaniko, destination: 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/x, build-context-store: \"s3://ctx/k\"}\n"
        let queue = "RoleArn: arn:aws-cn:iam::123456789012:role/r\nOutputDataConfig: {S3OutputPath: s3://out/}\n"
        let json = CanonicalJSON.string(try report(agent: agent, queue: queue).json, indent: nil)
        #expect(!json.contains("arn:aws:"), "\(json)")
        #expect(json.contains("arn:aws-cn:s3:::ctx/k/*.tgz") && json.contains("arn:aws-cn:ecr:cn-north-1:123456789012:repository/x"))
    }

    @Test func aRegistryBlockWithoutATypeIsNoPushTarget() throws {
        let queue = "RoleArn: arn:aws:iam::123456789012:role/r\nOutputDataConfig: {S3OutputPath: s3://out/}\n"
        let untyped = try report(agent: "environment: {type: aws, region: us-east-1}\nregistry: {uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/x}\n", queue: queue)
        #expect(!CanonicalJSON.string(untyped.json, indent: nil).contains("PushBuiltImages"))
        let typed = try report(agent: "environment: {type: aws, region: us-east-1}\nregistry: {type: ecr, uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/x}\n", queue: queue)
        #expect(CanonicalJSON.string(typed.json, indent: nil).contains("PushBuiltImages"))
    }
}
