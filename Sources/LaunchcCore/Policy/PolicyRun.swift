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

    // MARK: the builder

    /// The builder's destination and kaniko's build context, which every job may use.
    mutating func builder() {
        let builder = agent["builder"]
        let type = PolicyValue(builder?["type"], in: agentFile)?.raw
        // No builder block (or an empty one) is the docker builder when the agent's machine has
        // a docker CLI (loader.py:127-183): it pushes to the registry block's uri.
        let implicit: Bool
        switch builder?.value {
        case nil, .null?: implicit = true
        case .object(let members)?: implicit = members.isEmpty
        default: implicit = false
        }
        // The registry block is a registry only with a type (loader.py:72-124: none is local).
        let registryType = PolicyValue(agent["registry"]?["type"], in: agentFile)?.raw
        let registryURI = ["ecr", "gcr", "acr"].contains(registryType ?? "") ? agent["registry"]?["uri"].flatMap { $0.value == .null ? nil : $0 } : nil
        builds = type == "docker" || type == "kaniko" || (implicit && registryURI != nil)
        guard builds else { return }
        let implicitNote = implicit ? "there is no builder block, so the agent builds with docker when its machine has a docker CLI, and pushes to registry.uri" : nil
        let kaniko = type == "kaniko"
        // `destination` overrides the deprecated registry block (reference §1.2).
        let destinationNode = builder?["destination"].flatMap { $0.value == .null ? nil : $0 } ?? registryURI
        if let destination = PolicyValue(destinationNode, in: agentFile) {
            if let parsed = CloudURI.registry(destination.text) {
                builtImage = (destination, parsed)
                if !parsed.isPinned {
                    unpinned(destination, "the builder's destination '\(destination.raw)' is not fixed, so pushing is allowed to every repository it may name")
                }
                switch parsed {
                case .ecr: awsAgent.note(implicitNote)
                case .gar: gcpAgent.note(implicitNote)
                case .acr: azureAgent.note(implicitNote)
                case .s3, .gcs, .blob: break
                }
                push(parsed, value: destination, kaniko: kaniko)
            } else {
                unrecognized(destination, "the builder's destination")
            }
        }
        if kaniko, let store = PolicyValue(builder?["build-context-store"], in: agentFile) {
            buildContext(store)
        }
    }

    mutating func push(_ registry: CloudURI, value: PolicyValue, kaniko: Bool) {
        let cacheNote = kaniko ? "; kaniko runs with --cache=true, so it also pulls cached layers from it" : "; a push reads the repository's existing layers and manifests too"
        switch registry {
        case .ecr:
            // kaniko caches layers in the destination repository (`--cache=true`): it pulls from it too.
            awsAgent.statements.add("PushBuiltImages", Self.pushActions + Self.pullActions, repositoryARN(registry) ?? "*")
            awsAgent.statements.add("ECRAuthorization", ["ecr:GetAuthorizationToken"], "*")
            awsAgent.note("PushBuiltImages: the builder pushes to '\(value.raw)' (\(value.place)) and first asks whether the tag exists (ecr:DescribeImages)\(cacheNote)")
            awsAgent.note("ECRAuthorization: ecr:GetAuthorizationToken takes no resource, so its Resource is '*'")
            awsAgent.note(value.widenedNote)
            if kaniko { kanikoNote(&awsAgent) }
        case .gar(let location, let project, let repository):
            gcpAgent.grants.add(["artifactregistry.dockerimages.get", "artifactregistry.dockerimages.list", "artifactregistry.repositories.downloadArtifacts",
                                 "artifactregistry.repositories.uploadArtifacts", "artifactregistry.tags.create", "artifactregistry.tags.update"],
                                on: "projects/\(project)/locations/\(location)/repositories/\(repository)", role: "roles/artifactregistry.writer")
            gcpAgent.note("the builder pushes to '\(value.raw)' (\(value.place)) and first lists the repository's images to see whether the tag exists\(cacheNote)")
            gcpAgent.note(value.widenedNote)
            if kaniko { kanikoNote(&gcpAgent) }
        case .acr(let registry, let repository):
            azureAgent.grants.add(["Microsoft.ContainerRegistry/registries/pull/read", "Microsoft.ContainerRegistry/registries/push/write"],
                                  on: "/subscriptions/<subscription>/resourceGroups/<resource-group>/providers/Microsoft.ContainerRegistry/registries/\(registry)",
                                  role: "AcrPush")
            azureAgent.note("AcrPush: the builder pushes '\(repository)' to \(registry).azurecr.io ('\(value.raw)', \(value.place)); no config names the registry's subscription and resource group")
            azureAgent.note(value.widenedNote)
        case .s3, .gcs, .blob:
            break
        }
    }

    func kanikoNote(_ principal: inout PrincipalDraft) {
        principal.note("kaniko: the build Job runs as the Kubernetes service account WANDB_LAUNCH_SERVICE_ACCOUNT_NAME names (the W&B Helm chart: the agent's own), so its pulls, pushes and build-context reads are in this policy; with another service account, give it those instead")
    }

    mutating func buildContext(_ store: PolicyValue) {
        guard let parsed = CloudURI.storage(store.text) else { return unrecognized(store, "the kaniko build-context-store") }
        if !parsed.isPinned { unpinned(store, "the kaniko build-context-store '\(store.raw)' is not fixed, so writing is allowed to every bucket it may name") }
        // The context goes to `<store without a trailing '/'>/<run id>.tgz` (kaniko_builder.py:130, 244).
        func under(_ prefix: String) -> String {
            let p = prefix.withoutTrailingSlashes
            return p.isEmpty ? "*.tgz" : p + "/*.tgz"
        }
        switch parsed {
        case .s3(let bucket, let key):
            awsAgent.statements.add("BuildContext", ["s3:GetObject", "s3:PutObject"], "arn:\(partition):s3:::\(bucket)/\(under(key))")
            awsAgent.list(bucket: bucket, partition: partition, prefix: "")
            awsAgent.note("BuildContext: the agent uploads each build context as '\(store.raw.withoutTrailingSlashes)/<run id>.tgz' (\(store.place)) and checks the bucket first (s3:HeadBucket, which s3:ListBucket allows); the kaniko Job reads it back")
            awsAgent.note(store.widenedNote)
        case .gcs(let bucket, let prefix):
            let lookup = gcs(bucket: bucket, objects: nil)
            gcpAgent.grants.add(["storage.buckets.get"], on: lookup.resource, condition: lookup.condition)
            let upload = gcs(bucket: bucket, objects: String(under(prefix).dropLast(5)))
            gcpAgent.grants.add(["storage.objects.create", "storage.objects.get"], on: upload.resource, condition: upload.condition)
            gcpAgent.note("the agent uploads each build context as '<store>/<run id>.tgz' ('\(store.raw)', \(store.place)) after looking the bucket up; the kaniko Job reads it back")
            gcpAgent.note(store.widenedNote)
        case .blob(let account, let container, _):
            azureAgent.grants.add(["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
                                   "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write"],
                                  on: "/subscriptions/<subscription>/resourceGroups/<resource-group>/providers/Microsoft.Storage/storageAccounts/\(account)/blobServices/default/containers/\(container)",
                                  role: "Storage Blob Data Contributor")
            azureAgent.note("Storage Blob Data Contributor: the agent uploads each build context to '\(store.raw)' (\(store.place)); the kaniko Job reads it with the storage account key in the Kubernetes secret 'azure-storage-access-key' (namespace 'wandb'), not with this role")
            azureAgent.note(store.widenedNote)
        case .ecr, .gar, .acr:
            break
        }
    }

    /// A GCS grant on a bucket, or (`objects`) on the objects under a prefix of it. IAM names no
    /// wildcard and its conditions match prefixes only, so a prefix ends at its first '*', and a
    /// bucket chosen per run is granted on the project with a condition on the bucket's name.
    mutating func gcs(bucket: String, objects: String?) -> (resource: String, condition: String?) {
        // Escaped for a CEL string literal; `cut`, ended at the first '*' too.
        func escape(_ text: some StringProtocol) -> String {
            var out = ""
            for c in text {
                if c == "\\" || c == "\"" { out.append("\\") }
                out.append(c)
            }
            return out
        }
        func cut(_ text: String) -> String { escape(text.prefix { $0 != "*" }) }
        if bucket.contains("*") {
            return ("projects/\(gcpProject())", "resource.name.startsWith(\"projects/_/buckets/\(cut(bucket))\")")
        }
        let resource = "projects/_/buckets/\(bucket)"
        guard let objects, !cut(objects).isEmpty else { return (resource, nil) }
        return (resource, "resource.name.startsWith(\"\(escape(resource))/objects/\(cut(objects))\")")
    }

    // MARK: SageMaker

    mutating func sageMaker(_ queue: PolicyGenerator.Queue) {
        let config = queue.config
        let file = queue.file
        // The role as the agent reads it: before macros, RoleArn, else role_arn (get_role_arn).
        guard let role = PolicyValue(SageMakerRequest.role(in: config), in: file) else { return }
        let region = self.region(for: "the SageMaker permissions")
        partition = facts.awsPartition ?? Self.partition(of: role.text) ?? agentPartition
        defer { partition = agentPartition }
        var roleARN = role.text
        var account: String
        if role.text.hasPrefix("arn:") {
            let fields = role.text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, fields[2] == "iam", !fields[4].isEmpty, fields[5].hasPrefix("role/") else {
                return unrecognized(role, "RoleArn")
            }
            account = String(fields[4])
        } else if let given = facts.awsAccount {
            account = given
            roleARN = "arn:\(partition):iam::\(given):role/\(role.text)"
        } else {
            account = "*"
            roleARN = "arn:\(partition):iam::*:role/\(role.text)"
            scope("account \(role.place)", "RoleArn '\(role.raw)' is a role name, which the agent completes with its own account; no config names that account, so the policies name every account ('*')",
                  at: role.span, fix: "pass --aws-account ACCOUNT, or write the role's full ARN")
        }
        if !role.isPinned {
            unpinned(role, "RoleArn '\(role.raw)' is not fixed, so passing is allowed for every role it may name")
        }
        let prefix = "arn:\(partition)"
        awsAgent.statements.add("SageMakerTrainingJobs", ["sagemaker:AddTags", "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"],
                                "\(prefix):sagemaker:\(region):\(account):training-job/*")
        awsAgent.statements.add("PassExecutionRole", ["iam:PassRole"], roleARN,
                                conditions: [.init(op: "StringEquals", key: "iam:PassedToService", values: ["sagemaker.amazonaws.com"])])
        awsAgent.statements.add("TrainingJobLogs", ["logs:DescribeLogStreams", "logs:GetLogEvents"], "\(prefix):logs:\(region):\(account):\(Self.sageMakerLogGroup)")
        awsAgent.note("SageMakerTrainingJobs: the agent creates each job (sagemaker:AddTags when the request has Tags), polls it, and stops it when the run is stopped")
        awsAgent.note("TrainingJobLogs: the agent reads the job's log stream to show it")
        awsAgent.note(role.widenedNote)

        let camel = Self.camelMembers(config)
        var volumeGrant: (String, [AWSStatement.Condition])?
        if let key = PolicyValue(camel["ResourceConfig"]?["VolumeKmsKeyId"], in: file), !key.text.isEmpty {
            let keyARN = kmsKey(key, region: region, account: account, what: "VolumeKmsKeyId")
            // StringEquals matches no wildcard: a region not fixed needs StringLike.
            let grantConditions: [AWSStatement.Condition] = [
                .init(op: region.contains("*") ? "StringLike" : "StringEquals", key: "kms:ViaService", values: ["sagemaker.\(region).amazonaws.com"]),
                .init(op: "Bool", key: "kms:GrantIsForAWSResource", values: ["true"]),
            ]
            awsAgent.statements.add("VolumeEncryptionGrant", ["kms:CreateGrant"], keyARN, conditions: grantConditions)
            awsAgent.note("VolumeEncryptionGrant: CreateTrainingJob with ResourceConfig.VolumeKmsKeyId (\(key.place)) makes SageMaker create a grant on the key as the caller")
            awsAgent.note(key.widenedNote)
            volumeGrant = (keyARN, grantConditions)
        }

        // The execution role's own policy; SageMaker also creates the volume's grant as the role.
        var execution: PrincipalDraft
        let index = executionRoles.firstIndex { $0.identity == roleARN }
        execution = index.map { executionRoles[$0] } ?? PrincipalDraft(.aws, "sagemaker-execution-role", "the SageMaker execution role", identity: roleARN)
        executionRole(&execution, config: camel, queue: queue, region: region, account: account)
        if let (keyARN, conditions) = volumeGrant {
            execution.statements.add("VolumeEncryptionGrant", ["kms:CreateGrant"], keyARN, conditions: conditions)
            execution.note("VolumeEncryptionGrant: with ResourceConfig.VolumeKmsKeyId, the execution role too needs kms:CreateGrant on the key (SageMaker's \"CreateTrainingJob API: Execution Role Permissions\")")
        }
        if let index { executionRoles[index] = execution } else { executionRoles.append(execution) }
    }

    mutating func executionRole(_ role: inout PrincipalDraft, config: [String: Node], queue: PolicyGenerator.Queue, region: String, account: String) {
        let file = queue.file
        let prefix = "arn:\(partition)"
        // Input channels: read.
        if case .array(let channels)? = config["InputDataConfig"]?.value {
            for channel in channels {
                let source = channel["DataSource"]?["S3DataSource"]
                guard let uri = PolicyValue(source?["S3Uri"], in: file) else { continue }
                guard case .s3(let bucket, let key)? = CloudURI.storage(uri.text) else { unrecognized(uri, "the input channel"); continue }
                _ = bucketPinned(bucket, uri, "the input channel")
                let type = PolicyValue(source?["S3DataType"], in: file)?.raw ?? "S3Prefix"
                role.statements.add("ReadInputData", ["s3:GetObject"], "\(prefix):s3:::\(bucket)/\(key.hasSuffix("*") ? key : key + "*")")
                role.list(bucket: bucket, partition: partition, prefix: key)
                let channelName = PolicyValue(channel["ChannelName"], in: file)?.raw ?? "?"
                role.note("ReadInputData: input channel '\(channelName)' reads '\(uri.raw)' (\(uri.place))")
                if type != "S3Prefix" {
                    role.note("input channel '\(channelName)' is a \(type): the objects it lists may live outside '\(uri.raw)'; add read on them")
                }
                role.note(uri.widenedNote)
            }
        }
        // Output, checkpoints and TensorBoard: write (checkpoints are read back on a restart).
        func prefixPattern(_ key: String) -> String {
            let k = key.withoutTrailingSlashes
            return k.isEmpty || k == "*" ? "*" : k + "/*"
        }
        let writes: [(pointer: String, node: Node?, sid: String, read: Bool)] = [
            ("OutputDataConfig.S3OutputPath", config["OutputDataConfig"]?["S3OutputPath"], "WriteOutput", false),
            ("CheckpointConfig.S3Uri", config["CheckpointConfig"]?["S3Uri"], "Checkpoints", true),
            ("TensorBoardOutputConfig.S3OutputPath", config["TensorBoardOutputConfig"]?["S3OutputPath"], "WriteTensorBoard", false),
        ]
        for write in writes {
            guard let uri = PolicyValue(write.node, in: file) else { continue }
            guard case .s3(let bucket, let key)? = CloudURI.storage(uri.text) else { unrecognized(uri, write.pointer); continue }
            _ = bucketPinned(bucket, uri, write.pointer)
            role.statements.add(write.sid, write.read ? ["s3:GetObject", "s3:PutObject"] : ["s3:PutObject"], "\(prefix):s3:::\(bucket)/\(prefixPattern(key))")
            if write.read { role.list(bucket: bucket, partition: partition, prefix: key.withoutTrailingSlashes) }
            role.note("\(write.sid): SageMaker writes under \(write.pointer) '\(uri.raw)' (\(uri.place))")
            role.note(uri.widenedNote)
        }
        if let key = PolicyValue(config["OutputDataConfig"]?["KmsKeyId"], in: file), !key.text.isEmpty {
            role.statements.add("OutputEncryption", ["kms:Encrypt", "kms:GenerateDataKey"], kmsKey(key, region: region, account: account, what: "OutputDataConfig.KmsKeyId"))
            role.note("OutputEncryption: SageMaker encrypts the output with OutputDataConfig.KmsKeyId (\(key.place))")
        }
        // The training image: a TrainingImage as written (macros are not filled in it), else the
        // image handed to the runner: the one the builder pushed, or the job's own.
        if let image = PolicyValue(config["AlgorithmSpecification"]?["TrainingImage"], in: file) {
            if let parsed = CloudURI.registry(image.text), let repository = repositoryARN(parsed) {
                if !parsed.isPinned {
                    unpinned(image, "TrainingImage '\(image.raw)' is not fixed, so pulling is allowed from every repository it may name")
                }
                pull(&role, repository,
                     note: "PullTrainingImage: the queue's TrainingImage '\(image.raw)' (\(image.place))")
                role.note(image.widenedNote)
            }
        } else if builds, let built = builtImage, let repository = repositoryARN(built.parsed) {
            pull(&role, repository,
                 note: "PullTrainingImage: the image the builder pushes to '\(built.uri.raw)' (\(built.uri.place)); a job made from an image (docker.docker_image) trains on that image instead: add its repository")
        } else {
            pull(&role, "\(prefix):ecr:\(region):\(account):repository/*", note: nil)
            let at = SourceSpan(file: file, range: queue.config.range)
            if reportedScopes.insert("image \(file.path)").inserted {
                diagnostics.append(Diagnostic(.policyUnpinned,
                                              "no config pins the training image: without AlgorithmSpecification.TrainingImage it is each job's own image (${image_uri}), and the builder names no ECR destination; the execution role may pull from every repository in the account",
                                              at: SourceSpan(file: at.file, range: .at(at.range?.start ?? 0)),
                                              fixIts: [FixIt("set AlgorithmSpecification.TrainingImage, or give the builder a destination in ECR")]))
            }
        }
        role.statements.add("TrainingLogs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                            "\(prefix):logs:\(region):\(account):\(Self.sageMakerLogGroup)")
        role.statements.add("TrainingMetrics", ["cloudwatch:PutMetricData"], "*",
                            conditions: [.init(op: "StringEquals", key: "cloudwatch:namespace", values: ["/aws/sagemaker/TrainingJobs"])])
        role.note("TrainingLogs, TrainingMetrics: training jobs write their logs and metrics; cloudwatch:PutMetricData takes no resource, so it is limited by namespace")
        if config["VpcConfig"] != nil {
            role.note("VpcConfig is set: SageMaker also needs the EC2 network-interface permissions (ec2:CreateNetworkInterface, ec2:CreateNetworkInterfacePermission, ec2:DeleteNetworkInterface, ec2:DeleteNetworkInterfacePermission, ec2:DescribeNetworkInterfaces, ec2:DescribeVpcs, ec2:DescribeDhcpOptions, ec2:DescribeSubnets, ec2:DescribeSecurityGroups), which this policy leaves out")
        }
    }

    /// An ECR repository's ARN (in `--aws-partition`, else the host's); nil for other registries.
    func repositoryARN(_ uri: CloudURI) -> String? {
        guard case .ecr(let account, let region, let repository, let hostPartition) = uri else { return nil }
        return "arn:\(facts.awsPartition ?? hostPartition):ecr:\(region):\(account):repository/\(repository)"
    }

    mutating func pull(_ role: inout PrincipalDraft, _ repositoryARN: String, note: String?) {
        role.statements.add("PullTrainingImage", Self.pullActions, repositoryARN)
        role.statements.add("ECRAuthorization", ["ecr:GetAuthorizationToken"], "*")
        role.note(note)
        role.note("ECRAuthorization: ecr:GetAuthorizationToken takes no resource, so its Resource is '*'")
    }

    /// Whether a bucket name is fixed; a finding when it is not.
    mutating func bucketPinned(_ bucket: String, _ uri: PolicyValue, _ what: String) -> Bool {
        guard bucket.contains("*") else { return true }
        unpinned(uri, "the bucket of \(what) '\(uri.raw)' is not fixed, so access is allowed to every bucket it may name")
        return false
    }

    /// A KMS key's ARN: as written, or built from a bare key id; an alias names no key.
    mutating func kmsKey(_ key: PolicyValue, region: String, account: String, what: String) -> String {
        if key.text.hasPrefix("arn:") && key.text.contains(":key/") { return key.text }
        if key.text.hasPrefix("alias/") || key.text.contains(":alias/") {
            unpinned(key, "\(what) '\(key.raw)' is an alias; IAM names keys by ARN, so the grant covers every key in the account",
                     fix: "write the key's ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)")
            // An alias ARN names the key's partition, region and account.
            let fields = key.text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            if key.text.hasPrefix("arn:"), fields.count == 6 {
                func or(_ field: Substring, _ fallback: String) -> String { field.isEmpty ? fallback : String(field) }
                return "arn:\(or(fields[1], partition)):kms:\(or(fields[3], region)):\(or(fields[4], account)):key/*"
            }
            return "arn:\(partition):kms:\(region):\(account):key/*"
        }
        return "arn:\(partition):kms:\(region):\(account):key/\(key.text)"
    }

    /// A SageMaker config's top-level keys as the agent sends them (snake_case made CamelCase).
    static func camelMembers(_ config: Node) -> [String: Node] {
        guard case .object(let members) = config.value else { return [:] }
        var out: [String: Node] = [:]
        for member in members {
            let key = SageMakerRequest.toCamelCase(member.key)
            if out[key] == nil || member.key == key { out[key] = member.value }
        }
        return out
    }

    // MARK: Vertex AI

    mutating func vertex(_ queue: PolicyGenerator.Queue) {
        let file = queue.file
        let spec = queue.config["spec"]
        let runArgs = queue.config["run"]
        let region = self.region(for: "the Vertex permissions")
        let project = gcpProject()
        gcpAgent.grants.add(["aiplatform.customJobs.cancel", "aiplatform.customJobs.create", "aiplatform.customJobs.get", "aiplatform.customJobs.list"],
                            on: "projects/\(project)/locations/\(region)")
        gcpAgent.note("the agent creates each custom job, polls it and cancels it when the run is stopped")

        let serviceAccount = PolicyValue(runArgs?["service_account"], in: file)
        var job: PrincipalDraft
        let identity = serviceAccount?.text ?? "service-PROJECT_NUMBER@gcp-sa-aiplatform-cc.iam.gserviceaccount.com"
        let index = vertexJobs.firstIndex { $0.identity == identity }
        job = index.map { vertexJobs[$0] } ?? PrincipalDraft(.gcp, "vertex-job", serviceAccount == nil ? "the Vertex AI Custom Code Service Agent, which jobs without run.service_account run as" : "the service account the Vertex jobs run as", identity: identity)
        if let serviceAccount {
            gcpAgent.grants.add(["iam.serviceAccounts.actAs"], on: "projects/-/serviceAccounts/\(serviceAccount.text)")
            gcpAgent.note("iam.serviceAccounts.actAs: the jobs run as run.service_account '\(serviceAccount.raw)' (\(serviceAccount.place))")
            if !serviceAccount.isPinned { unpinned(serviceAccount, "run.service_account '\(serviceAccount.raw)' is not fixed, so acting as every account it may name is allowed") }
            gcpAgent.note(serviceAccount.widenedNote)
        }
        // The job writes its output under base_output_dir, else under the staging bucket (the SDK
        // makes `<staging_bucket>/aiplatform-custom-job-<timestamp>`; the agent itself writes nothing there).
        var output: (PolicyValue, String)?
        if let dir = PolicyValue(spec?["base_output_dir"], in: file) {
            output = (dir, dir.text)
        } else if let staging = PolicyValue(spec?["staging_bucket"], in: file) {
            output = (staging, staging.text.withoutTrailingSlashes + "/aiplatform-custom-job-*")
        }
        if let (value, path) = output {
            if case .gcs(let bucket, let key)? = CloudURI.storage(path) {
                _ = bucketPinned(bucket, value, "the job's output directory")
                var prefix = key
                if !prefix.isEmpty && !key.contains("*") && !prefix.hasSuffix("/") { prefix += "/" }
                let write = gcs(bucket: bucket, objects: prefix)
                job.grants.add(["storage.objects.create", "storage.objects.get"], on: write.resource, condition: write.condition)
                let list = gcs(bucket: bucket, objects: nil)
                job.grants.add(["storage.objects.list"], on: list.resource, condition: list.condition)
                job.note("the job writes its output under '\(path)' (\(value.place)); IAM conditions match a prefix, so the condition's prefix ends where the path's first '*' is")
                job.note(value.widenedNote)
            } else {
                unrecognized(value, "the job's output directory")
            }
        }
        // The images the worker pools pull.
        if case .array(let pools)? = spec?["worker_pool_specs"]?.value {
            for pool in pools {
                guard let image = PolicyValue(pool["container_spec"]?["image_uri"], in: file) else { continue }
                var parsed = CloudURI.registry(image.text)
                var source = image
                if image.raw == "${image_uri}" {
                    if builds, let built = builtImage { parsed = built.parsed; source = built.uri } else {
                        unpinned(image, "no config pins the image '\(image.raw)': it is each job's own image, and the builder names no destination; the job's service account needs pull on wherever that is",
                                 fix: "give the builder a destination in Artifact Registry, or name the image")
                        continue
                    }
                }
                guard case .gar(let location, let imageProject, let repository)? = parsed else {
                    job.note("the worker pools pull '\(source.raw)' (\(source.place)), which is not in Artifact Registry: no permission is written for it")
                    continue
                }
                job.grants.add(["artifactregistry.repositories.downloadArtifacts"], on: "projects/\(imageProject)/locations/\(location)/repositories/\(repository)",
                               role: "roles/artifactregistry.reader")
                job.note("the worker pools pull '\(source.raw)' (\(source.place))")
                job.note(source.widenedNote)
            }
        }
        if let key = PolicyValue(spec?["encryption_spec_key_name"], in: file) {
            job.note("encryption_spec_key_name '\(key.raw)' (\(key.place)): Vertex AI's own service agent (service-PROJECT_NUMBER@gcp-sa-aiplatform.iam.gserviceaccount.com) needs roles/cloudkms.cryptoKeyEncrypterDecrypter on that key")
        }
        if runArgs?["experiment"] != nil || runArgs?["tensorboard"] != nil {
            gcpAgent.note("run.experiment and run.tensorboard make the SDK write Vertex AI Experiments and TensorBoard resources too (roles/aiplatform.user covers them); this list leaves them out")
        }
        if let index { vertexJobs[index] = job } else { vertexJobs.append(job) }
    }

    // MARK: the report

    func report() -> PolicyReport {
        var principals: [Principal] = []
        for draft in [awsAgent] + executionRoles + [gcpAgent] + vertexJobs + [azureAgent] {
            if draft.statements.statements.isEmpty && draft.grants.grants.isEmpty && draft.listings.isEmpty { continue }
            principals.append(draft.principal)
        }
        return PolicyReport(principals: principals, diagnostics: DiagnosticCollector.sorted(diagnostics))
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
