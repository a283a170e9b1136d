extension PolicyRun {
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
}
