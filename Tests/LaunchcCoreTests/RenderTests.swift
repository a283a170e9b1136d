import Testing
@testable import LaunchcCore

/// The run the parity fixtures were produced with (fixtures/render/README.md).
func sdkRun(entity: String, project: String) -> RunContext {
    var run = RunContext()
    run.project = project
    run.entity = entity
    run.runID = "abc123"
    run.job = "ml/train/job:v3"
    run.runConfig = parseJSON(#"{"lr": 0.1}"#).root
    return run
}

@Suite struct SageMakerRequestTests {
    func run() -> RunContext { sdkRun(entity: "ml", project: "ResNet") }

    func inputs(_ yaml: String, override: [String]? = nil, args: [String] = []) throws -> SageMakerRequest.Inputs {
        let run = run()
        let launch = JobLaunch(config: try #require(parseYAML(yaml).root), run: run, overrideEntryPoint: override,
                               jobEntryPoint: ["python", "train.py"], overrideArgs: args,
                               imageURI: "123456789012.dkr.ecr.us-east-1.amazonaws.com/train:built")
        return SageMakerRequest.Inputs(launch, macros: MacroTable(project: run.project, entity: run.entity, runID: run.runID,
                                                                  runName: nil, imageURI: "img:built", author: nil))
    }

    @Test func wandbImageModeWithSnakeCaseKeys() throws {
        let request = try SageMakerRequest.build(inputs("""
            role_arn: SageMakerLaunchRole
            resource_config: {InstanceType: ml.g5.xlarge, InstanceCount: 1, VolumeSizeInGB: 50}
            OutputDataConfig: {S3OutputPath: "s3://b/${project_name}/"}
            stopping_condition: {MaxRuntimeInSeconds: 3600}
            TrainingJobName: job-${run_id}
            Environment: {WANDB_PROJECT: override, EXTRA: "1"}
            Tags: [{Key: team, Value: ml}]
            region: us-east-1
            """, args: ["--epochs", "2"])).get()
        #expect(CanonicalJSON.string(request) + "\n" == Golden.readFile(Package.path("fixtures/render/sagemaker-request.sdk.txt")))
        #expect(CanonicalJSON.string(request) == """
            {
              "RoleArn": "arn:aws:iam::123456789012:role/SageMakerLaunchRole",
              "ResourceConfig": {
                "InstanceType": "ml.g5.xlarge",
                "InstanceCount": 1,
                "VolumeSizeInGB": 50
              },
              "OutputDataConfig": {
                "S3OutputPath": "s3://b/resnet/"
              },
              "StoppingCondition": {
                "MaxRuntimeInSeconds": 3600
              },
              "TrainingJobName": "job-abc123",
              "Environment": {
                "WANDB_BASE_URL": "https://api.wandb.ai",
                "WANDB_API_KEY": "<WANDB_API_KEY>",
                "WANDB_PROJECT": "override",
                "WANDB_ENTITY": "ml",
                "WANDB_LAUNCH": "True",
                "WANDB_RUN_ID": "abc123",
                "WANDB_CONFIG": "{\\"lr\\": 0.1}",
                "WANDB_LAUNCH_FILE_OVERRIDES": "{}",
                "WANDB_ARTIFACTS": "{\\"_wandb_job\\": \\"ml/train/job:v3\\"}",
                "EXTRA": "1"
              },
              "Tags": [
                {
                  "Key": "team",
                  "Value": "ml"
                },
                {
                  "Key": "WandbRunId",
                  "Value": "abc123"
                }
              ],
              "AlgorithmSpecification": {
                "TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/train:built",
                "TrainingInputMode": "File",
                "ContainerEntrypoint": [
                  "python",
                  "train.py"
                ],
                "ContainerArguments": [
                  "--epochs",
                  "2"
                ]
              }
            }
            """)
    }

    @Test func userImageModeSendsTheImageAsWrittenAndOnlyTheOverrideEntryPoint() throws {
        let request = try SageMakerRequest.build(inputs("""
            RoleArn: arn:aws:iam::999999999999:role/Trainer
            AlgorithmSpecification: {TrainingImage: "${image_uri}", TrainingInputMode: Pipe}
            ResourceConfig: {InstanceType: ml.g5.xlarge, InstanceCount: 1, VolumeSizeInGB: 50}
            OutputDataConfig: {S3OutputPath: "s3://b/out/"}
            StoppingCondition: {MaxRuntimeInSeconds: 3600}
            """)).get()
        let spec = try #require(request["AlgorithmSpecification"])
        #expect(CanonicalJSON.string(spec, indent: nil) == #"{"TrainingImage":"${image_uri}","TrainingInputMode":"Pipe"}"#)
        #expect(request["RoleArn"]?.value == .string("arn:aws:iam::999999999999:role/Trainer"))
        #expect(request["TrainingJobName"]?.value == .string("abc123"))
        let overridden = try SageMakerRequest.build(inputs("""
            RoleArn: Trainer
            AlgorithmSpecification: {TrainingImage: 1.dkr.ecr.us-east-1.amazonaws.com/t:v1, TrainingInputMode: File}
            ResourceConfig: {}
            OutputDataConfig: {S3OutputPath: "s3://b/out/"}
            StoppingCondition: {}
            """, override: ["bash", "run.sh"])).get()
        #expect(overridden["AlgorithmSpecification"]?["ContainerEntrypoint"] == Node(.array([
            Node(.string("bash"), range: .at(0)), Node(.string("run.sh"), range: .at(0))]), range: .at(0)))
    }

    @Test func theAgentsFailures() throws {
        let missingRole = SageMakerRequest.build(try inputs("OutputDataConfig: {}\n"))
        #expect(missingRole == .failure(.init(message: "AWS sagemaker require a string RoleArn set this by adding a `RoleArn` key to the sagemakerfield of resource_args")))
        let snakeOutput = SageMakerRequest.build(try inputs("RoleArn: r\noutput_data_config: {S3OutputPath: s3://b}\nResourceConfig: {}\nStoppingCondition: {}\n"))
        #expect(snakeOutput == .failure(.init(message: "Sagemaker launcher requires an OutputDataConfig Sagemaker resource argument")))
        let noResources = SageMakerRequest.build(try inputs("RoleArn: r\nOutputDataConfig: {S3OutputPath: s3://b}\nStoppingCondition: {}\n"))
        #expect(noResources == .failure(.init(message: "Sagemaker launcher requires a ResourceConfig resource argument")))
    }

    @Test(arguments: [("s3_output_path", "S3OutputPath"), ("x_2y", "X2Y"), ("role_ARN", "RoleArn"), ("a__b", "A_B"), ("_lead", "_Lead"),
                      ("MaxRuntime", "MaxRuntime"), ("enable_inter_container_traffic_encryption", "EnableInterContainerTrafficEncryption")])
    func camelCaseAsPythonTitle(_ key: String, _ expected: String) {
        #expect(SageMakerRequest.toCamelCase(key) == expected)
    }
}

/// launchc's renderers against what wandb 0.31.0 itself produced (fixtures/render/README.md).
@Suite struct SDKParityTests {
    @Test func kubernetesJobMatchesTheAgent() throws {
        let config = try #require(DocumentParser.parse(try Package.source("fixtures/render/kubernetes-job.yaml")).root)
        let run = sdkRun(entity: "ml_team2", project: "ResNet50")
        let job = KubernetesJob.build(.init(JobLaunch(config: config, run: run, overrideEntryPoint: nil, jobEntryPoint: ["python", "train.py"],
                                                     overrideArgs: ["--epochs", "2"], imageURI: "img:built")))
        let expected = try #require(Golden.readFile(Package.path("fixtures/render/kubernetes-job.sdk.txt")))
        #expect(CanonicalJSON.string(job) + "\n" == expected, "\(Golden.lineDiff(expected: expected, actual: CanonicalJSON.string(job) + "\n"))")
    }

    @Test func kubernetesCustomResourceMatchesTheAgent() throws {
        let config = try #require(DocumentParser.parse(try Package.source("fixtures/render/kubernetes-custom-resource.yaml")).root)
        let run = sdkRun(entity: "ml", project: "ResNet")
        let resource = KubernetesCustomResource.build(.init(JobLaunch(config: config, run: run, overrideEntryPoint: ["torchrun", "train.py"],
                                                                     jobEntryPoint: ["python", "train.py"], overrideArgs: ["--epochs", "2"],
                                                                     imageURI: "img:built")))
        let expected = try #require(Golden.readFile(Package.path("fixtures/render/kubernetes-custom-resource.sdk.txt")))
        let actual = CanonicalJSON.string(resource) + "\n"
        #expect(actual == expected, "\(Golden.lineDiff(expected: expected, actual: actual))")
    }

    /// `VertexRunner.run`, then aiplatform's `CustomJob(...)` and `submit(...)`, printed as proto3 JSON.
    @Test func vertexCustomJobMatchesTheAgent() throws {
        let config = try #require(DocumentParser.parse(try Package.source("fixtures/render/vertex-custom-job.yaml")).root)
        var run = sdkRun(entity: "ml", project: "ResNet")
        run.runName = "resnet-50"
        let launch = JobLaunch(config: config, run: run, overrideEntryPoint: nil, jobEntryPoint: ["python", "train.py"],
                               overrideArgs: ["--epochs", "2"], imageURI: "img:built")
        let macros = MacroTable(project: run.project, entity: run.entity, runID: run.runID, runName: run.runName, imageURI: "img:built", author: nil)
        let job = try VertexCustomJob.build(.init(launch, macros: macros, gcpProject: "ml-platform")).get()
        let expected = try #require(Golden.readFile(Package.path("fixtures/render/vertex-custom-job.sdk.txt")))
        let actual = CanonicalJSON.string(job) + "\n"
        #expect(actual == expected, "\(Golden.lineDiff(expected: expected, actual: actual))")
    }

    /// `ensure_api_key_secret`'s body for run `abc123` in namespace `ml-jobs`, as its client serialises it.
    @Test func apiKeySecretMatchesTheAgent() throws {
        let secret = KubernetesSecret.build(name: KubernetesJob.secretName(runID: "abc123"), namespace: "ml-jobs",
                                            apiKey: "local-0123456789abcdef")
        let expected = try #require(Golden.readFile(Package.path("fixtures/render/kubernetes-api-key-secret.sdk.txt")))
        let actual = CanonicalJSON.string(secret) + "\n"
        #expect(actual == expected, "\(Golden.lineDiff(expected: expected, actual: actual))")
    }

    /// Python's `base64.b64encode` on each padding case and on bytes that use `+` and `/`.
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("\u{FB}\u{FF}", "w7vDvw=="),
                      ("?>>", "Pz4+"), ("?>?/", "Pz4/Lw==")])
    func base64AsPython(_ text: String, _ encoded: String) {
        #expect(KubernetesSecret.base64(Array(text.utf8)) == encoded)
    }

    /// `get_docker_command` of wandb 0.31.0 on the same inputs printed exactly this line.
    @Test func dockerCommandMatchesTheAgent() throws {
        let flags = try #require(parseYAML("""
            env: [A=1, "B=two words"]
            gpus: all
            shm_size: 2g
            cpus: 4
            memory: 8.5
            name: x$(id)
            ulimit: [nofile=1024:2048]
            w: /src
            privileged: true
            """).root)
        guard case .object(let members) = flags.value else { Issue.record("not a mapping"); return }
        let command = try DockerCommand.build(environment: [("WANDB_API_KEY", "k"), ("WANDB_CONFIG", #"{"a": "b c"}"#)], flags: members,
                                              image: "img:1", entryPoint: ["python", "-c", "print('hi')"], args: ["--lr", "0.1", "it's"]).get()
        #expect(command.commandLine == #"docker run --rm -e WANDB_API_KEY=k -e WANDB_CONFIG='{"a": "b c"}' --env A=1 --env 'B=two words' --gpus all --shm_size 2g --cpus 4 --memory 8.5 --name 'x$(id)' --ulimit nofile=1024:2048 -w /src --privileged --entrypoint python img:1 -c 'print('"'"'hi'"'"')' --lr 0.1 'it'"'"'s'"#)
    }

    @Test func dnsSafeNamesDropDigits() {
        #expect(KubernetesJob.dnsSafe("launch-ml_team2-ResNet50-") == "launch-ml-team-resnet-")
    }
}

/// What the agent raises on a worker pool the aiplatform SDK cannot convert: each message is the
/// one google-cloud-aiplatform 2.7.0 (proto-plus 1.29, protobuf 7.36) raised on the same pool,
/// behind the agent's "Failed to create Vertex job: ".
@Suite struct VertexCustomJobTests {
    static let failures: [(pool: String, message: String)] = [
        ("{replicaCount: 1, container_spec: {image_uri: x}}", "Unknown field for WorkerPoolSpec: replicaCount"),
        ("{replica_count: abc, container_spec: {image_uri: x}}", "invalid literal for int() with base 10: 'abc'"),
        ("{container_spec: {image_uri: 5}}",
         "Failed to initialize CustomJobSpec. Underlying error: Failed to initialize WorkerPoolSpec. Underlying error: Failed to initialize ContainerSpec. Underlying error: bad argument type for built-in operation"),
        ("{machine_spec: {accelerator_type: NOPE}, container_spec: {image_uri: x}}", "'NOPE'"),
        ("{machine_spec: {accelerator_count: 1099511627776}, container_spec: {image_uri: x}}", "Value out of range: 1099511627776"),
        ("{machine_spec: n1, container_spec: {image_uri: x}}",
         "Failed to initialize CustomJobSpec. Underlying error: Failed to initialize WorkerPoolSpec. Underlying error: Parameter to initialize message field must be dict or instance of same class: expected <class 'MachineSpec'> got <class 'str'>."),
        ("{disk_spec: {boot_disk_size_gb: '100'}, container_spec: {image_uri: x}}",
         "Failed to initialize CustomJobSpec. Underlying error: Failed to initialize WorkerPoolSpec. Underlying error: Failed to initialize DiskSpec. Underlying error: 'str' object cannot be interpreted as an integer"),
        ("{machine_spec: {accelerator_type: true}, container_spec: {image_uri: x}}",
         "Failed to initialize CustomJobSpec. Underlying error: Failed to initialize WorkerPoolSpec. Underlying error: Failed to initialize MachineSpec. Underlying error: Field google.cloud.aiplatform.v1.MachineSpec.accelerator_type: Expected an int, got a boolean."),
        ("{nfs_mounts: {server: s}, container_spec: {image_uri: x}}",
         "Failed to initialize CustomJobSpec. Underlying error: Failed to initialize WorkerPoolSpec. Underlying error: Argument for field google.cloud.aiplatform.v1.WorkerPoolSpec.nfs_mounts is not iterable"),
        ("{replica_count: .nan, container_spec: {image_uri: x}}", "cannot convert float NaN to integer"),
        ("{replica_count: 1.0e+30, container_spec: {image_uri: x}}", "Value out of range: 1000000000000000019884624838656"),
    ]

    func render(_ pool: String, spec: String = "", run: String = "{}") throws -> Result<Node, VertexCustomJob.Failure> {
        let config = try #require(parseYAML("spec: {worker_pool_specs: [\(pool)], staging_bucket: gs://b\(spec)}\nrun: \(run)").root)
        var context = sdkRun(entity: "ml", project: "ResNet")
        context.runName = "r"
        let launch = JobLaunch(config: config, run: context, overrideEntryPoint: nil, jobEntryPoint: nil, overrideArgs: [], imageURI: "img")
        return VertexCustomJob.build(.init(launch, macros: MacroTable(project: "ResNet", entity: "ml", runID: "abc123", runName: "r", imageURI: "img", author: nil)))
    }

    @Test(arguments: failures)
    func conversionFailuresAsTheSDKRaisesThem(_ pool: String, _ message: String) throws {
        guard case .failure(let failure) = try render(pool) else { Issue.record("rendered"); return }
        #expect(failure.message == "Failed to create Vertex job: " + message)
    }

    /// What the SDK accepts and converts: int64 from text and floats, oneofs (the last wins),
    /// strings iterated into lists, null left unset, defaults left out, an unknown enum number kept.
    @Test func conversionsTheSDKAccepts() throws {
        let job = try render("""
            {replica_count: ' 2 ', machine_spec: {accelerator_type: 999, accelerator_count: 0, machine_type: ''}, \
            python_package_spec: {executor_image_uri: p}, container_spec: {image_uri: x, args: ab}, disk_spec: null}
            """).get()
        guard case .array(let pools)? = job["jobSpec"]?["workerPoolSpecs"]?.value, let pool = pools.first else { Issue.record("no pools"); return }
        #expect(CanonicalJSON.string(pool, indent: nil) ==
                #"{"machineSpec":{"acceleratorType":999},"replicaCount":"2","containerSpec":{"imageUri":"x","args":["a","b"],"env":["#
                + #"{"name":"WANDB_BASE_URL","value":"https://api.wandb.ai"},{"name":"WANDB_API_KEY","value":"<WANDB_API_KEY>"},"#
                + #"{"name":"WANDB_PROJECT","value":"resnet"},{"name":"WANDB_ENTITY","value":"ml"},{"name":"WANDB_LAUNCH","value":"True"},"#
                + #"{"name":"WANDB_RUN_ID","value":"abc123"},{"name":"WANDB_NAME","value":"r"},{"name":"WANDB_CONFIG","value":"{\"lr\": 0.1}"},"#
                + #"{"name":"WANDB_LAUNCH_FILE_OVERRIDES","value":"{}"},{"name":"WANDB_ARTIFACTS","value":"{\"_wandb_job\": \"ml/train/job:v3\"}"}]}}"#)
    }

    @Test func submitsFailuresAndDefaults() throws {
        let pool = "{container_spec: {image_uri: x}}"
        #expect(throws: VertexCustomJob.Failure(message: "Field google.protobuf.Duration.seconds: Expected an int, got a boolean.")) {
            try render(pool, run: "{timeout: true}").get()
        }
        #expect(throws: VertexCustomJob.Failure(message: "Failed to set field 'service_account' on CustomJobSpec to value ['a']. Underlying error: bad argument type for built-in operation")) {
            try render(pool, run: "{service_account: [a]}").get()
        }
        #expect(throws: VertexCustomJob.Failure(message: "Failed to create Vertex job: Expect labels to be a mapping of string key value pairs. Got \"{'a': 1, 'wandb-run-id': 'abc123'}\".")) {
            try render(pool, spec: ", labels: {a: 1}").get()
        }
        let job = try render(pool, run: "{restart_job_on_worker_restart: true, enable_web_access: false, timeout: 0}").get()
        #expect(CanonicalJSON.string(try #require(job["jobSpec"]?["scheduling"]), indent: nil) == #"{"restartJobOnWorkerRestart":true}"#)
        #expect(job["jobSpec"]?["enableWebAccess"] == nil)
        #expect(job["displayName"]?.value == .string("r"))
    }
}

@Suite struct YAMLWriterTests {
    /// Every document of every fixture that parses cleanly reads back, from what YAMLWriter
    /// wrote, as the same value (same keys in the same order, same scalars and types).
    @Test func everyFixtureDocumentRoundTrips() throws {
        var checked = 0
        for folder in ["agent", "classify", "gcp-vertex", "kubernetes", "launch-spec", "local-container", "local-process", "queue",
                       "sagemaker", "syntax", "valid", "render"] {
            for name in Package.fixtures(in: folder) where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
                let parsed = DocumentParser.parse(try Package.source("fixtures/\(folder)/\(name)"))
                guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { continue }
                for document in parsed.documents where CanonicalJSON.nonFiniteNumbers(in: document.root).isEmpty {
                    let yaml = YAMLWriter.document(document.root)
                    let back = parseYAML(yaml)
                    #expect(back.diagnostics.filter { $0.severity == .error }.isEmpty, "\(folder)/\(name)\n\(yaml)")
                    #expect(back.root.map { CanonicalJSON.string($0) } == CanonicalJSON.string(document.root), "\(folder)/\(name)\n\(yaml)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 90)
    }

    @Test func quotesWhatAReaderCouldTakeForSomethingElse() {
        let value = parseJSON(##"{"a": ["yes", "No", "on", "~", "null", "1", "0x1F", "1e3", ".inf", "-x", "a: b", "#c", "", " x", "it's", "é", "plain-text_1.0/x"], "e": {}, "f": []}"##).root!
        #expect(YAMLWriter.document(value) == """
            a:
            - "yes"
            - "No"
            - "on"
            - "~"
            - "null"
            - "1"
            - "0x1F"
            - "1e3"
            - ".inf"
            - "-x"
            - "a: b"
            - "#c"
            - ""
            - " x"
            - "it's"
            - "é"
            - plain-text_1.0/x
            e: {}
            f: []

            """)
    }
}
