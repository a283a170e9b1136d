import Testing
@testable import LaunchcCore

/// The resolve stage's building blocks, against what wandb 0.31.0 and Python do (the expected
/// values were produced by Python 3.11 itself).
@Suite struct ResolveTests {
    let table = MacroTable(project: "ResNet", entity: "ml-platform", runID: "abc123", runName: nil,
                           imageURI: "img:v1", author: "ana", environment: ["REGION": "us-east-1"])

    @Test(arguments: [
        ("${run_id}", "abc123"),
        ("job-${run_id}-${project_name}", "job-abc123-resnet"),
        ("${run_name}", "None"),
        ("${author}", "ana"),
        ("${${run_id}}", "${abc123}"),
        ("$${run_id}", "$abc123"),
        ("${run-id} $run_id ${ run_id }", "${run-id} $run_id ${ run_id }"),
        ("${not_a_macro} ${REGION}", "${not_a_macro} us-east-1"),
        ("${run_id", "${run_id"),
        ("${}", "${}"),
    ])
    func macrosAreFilledAsTheAgentFillsThem(_ text: String, _ expected: String) {
        #expect(table.fill(text).text == expected)
    }

    @Test func environmentOverridesBuiltInMacrosAndKeysAreNeverFilled() throws {
        let overridden = MacroTable(project: "p", entity: "e", runID: "abc123", runName: "n", imageURI: "i", author: nil,
                                    environment: ["run_id": "from-env"])
        #expect(overridden.fill("${run_id} ${author}").text == "from-env None")
        let node = try #require(parseYAML("${run_id}: ${run_id}\nn: 5\nl: ['${image_uri}', true]\n").root)
        #expect(CanonicalJSON.string(table.fill(node), indent: nil) == #"{"${run_id}":"abc123","n":5,"l":["img:v1",true]}"#)
    }

    @Test(arguments: [(" +3 ", Int64(3)), ("1_000", 1000), ("007", 7), ("-0", 0), ("٣", 3)] as [(String, Int64)])
    func pythonInt(_ text: String, _ value: Int64) {
        #expect(PythonNumber.int(text) == value)
    }

    @Test(arguments: ["2.5", "0x1", "1__0", "_1", "1_", "", " "])
    func pythonIntRefuses(_ text: String) {
        #expect(PythonNumber.int(text) == nil)
    }

    @Test(arguments: [("1e-3", 0.001), ("inf", .infinity), ("-Infinity", -.infinity), ("1_0.5", 10.5), (".5", 0.5),
                      ("5.", 5.0), ("1e5_0", 1e50), (" 2 ", 2.0), ("+.5e-2", 0.005)] as [(String, Double)])
    func pythonFloat(_ text: String, _ value: Double) {
        #expect(PythonNumber.float(text) == value)
    }

    @Test(arguments: ["1e", "e5", "1_", "0x10", "1.2.3", ".", ""])
    func pythonFloatRefuses(_ text: String) {
        #expect(PythonNumber.float(text) == nil)
        #expect(PythonNumber.float("nan")?.isNaN == true)
    }

    @Test func jsonIsWrittenAsPythonWritesIt() throws {
        let node = try #require(parseJSON(#"{"lr": 1e-05, "name": "café ☕ 😀", "ctl": "a\u0001b\u007f", "q": "it's \"x\"\n", "big": 1e16, "f": 1.0, "n": null, "t": true, "list": [1, 2.5, "x"]}"#).root)
        #expect(PythonJSON.dumps(node) == #"{"lr": 1e-05, "name": "caf\u00e9 \u2615 \ud83d\ude00", "ctl": "a\u0001b\u007f", "q": "it's \"x\"\n", "big": 1e+16, "f": 1.0, "n": null, "t": true, "list": [1, 2.5, "x"]}"#)
        let special = Node(.array([Node(.number(.nan), range: .at(0)), Node(.number(-.infinity), range: .at(0))]), range: .at(0))
        #expect(PythonJSON.dumps(special) == "[NaN, -Infinity]")
    }

    @Test(arguments: [1e15, 1e16, 1.5e16, 123456789.0, 1e-4, 1e-5, 1.23e-7, 1e100, 0.1, 100.0, Double.leastNonzeroMagnitude,
                      1.7976931348623157e308, 0.30000000000000004, -0.0])
    func floatsAsPythonReprWritesThem(_ d: Double) {
        let python: [Double: String] = [
            1e15: "1000000000000000.0", 1e16: "1e+16", 1.5e16: "1.5e+16", 123456789.0: "123456789.0", 1e-4: "0.0001",
            1e-5: "1e-05", 1.23e-7: "1.23e-07", 1e100: "1e+100", 0.1: "0.1", 100.0: "100.0", Double.leastNonzeroMagnitude: "5e-324",
            1.7976931348623157e308: "1.7976931348623157e+308", 0.30000000000000004: "0.30000000000000004", -0.0: "-0.0",
        ]
        #expect(PythonJSON.repr(d) == python[d])
    }

    @Test func environmentInTheAgentsOrderWithChunking() throws {
        var run = RunContext()
        run.project = "ResNet"
        run.entity = "ml-platform"
        run.runID = "abc123"
        run.runName = "resnet-50"
        run.job = "ml-platform/train/job:v3"
        // 40 keys of "kN": "vvvvvvvvvv" make 830 characters of JSON: 512 + 318 at SageMaker's limit.
        let members = (0..<40).map { Member(key: "k\($0)", keyRange: .at(0), value: Node(.string(String(repeating: "v", count: 10)), range: .at(0))) }
        run.runConfig = Node(.object(members), range: .at(0))
        let sageMaker = JobEnvironment.variables(run, maxLength: JobEnvironment.sageMakerLimit)
        #expect(sageMaker.map(\.name) == [
            "WANDB_BASE_URL", "WANDB_API_KEY", "WANDB_PROJECT", "WANDB_ENTITY", "WANDB_LAUNCH", "WANDB_RUN_ID", "WANDB_NAME",
            "WANDB_CONFIG_0", "WANDB_CONFIG_1", "WANDB_LAUNCH_FILE_OVERRIDES", "WANDB_ARTIFACTS",
        ])
        #expect(sageMaker.first { $0.name == "WANDB_CONFIG_0" }?.value.count == 512)
        #expect(sageMaker.first { $0.name == "WANDB_CONFIG_1" }?.value.count == 318)
        #expect(sageMaker.first { $0.name == "WANDB_PROJECT" }?.value == "resnet")
        #expect(sageMaker.last?.value == #"{"_wandb_job": "ml-platform/train/job:v3"}"#)
        let other = JobEnvironment.variables(run, maxLength: JobEnvironment.defaultLimit)
        #expect(other.contains { $0.name == "WANDB_CONFIG" } && !other.contains { $0.name == "WANDB_CONFIG_0" })
    }

    @Test func deepMerge() throws {
        let base = try #require(parseYAML("a: {x: 1, y: [1, 2]}\nb: keep\n").root)
        let override = try #require(parseYAML("a: {y: [3], z: 4}\nc: new\n").root)
        #expect(CanonicalJSON.string(DeepMerge.merge(base, override), indent: nil) == #"{"a":{"x":1,"y":[3],"z":4},"b":"keep","c":"new"}"#)
    }
}

@Suite struct CommandTests {
    @Test(arguments: [("", "''"), ("abc", "abc"), ("a b", "'a b'"), ("it's", #"'it'"'"'s'"#), ("x=$(rm -rf /)", "'x=$(rm -rf /)'"),
                      ("é", "'é'"), ("--lr", "--lr"), ("a\nb", "'a\nb'"), ("nofile=1024:2048", "nofile=1024:2048")])
    func shellQuoteAsPythonShlex(_ word: String, _ quoted: String) {
        #expect(ShellQuote.quote(word) == quoted)
    }

    /// The worked example of reference §2.4, verified there against wandb 0.31.0.
    @Test func dockerCommandOfTheWorkedExample() throws {
        var run = RunContext()
        run.apiKey = "test-api-key-0000"
        run.project = "myproj"
        run.entity = "my-ent"
        run.runID = "abc123"
        run.dockerImage = "python:3.11"
        run.runConfig = parseJSON(#"{"x": "it's"}"#).root
        let queue = try #require(parseYAML("""
            env:
              - MY_ENV_VAR=value
              - MY_EXISTING_ENV_VAR
              - RUN=${run_id}
            gpus: all
            m: 8g
            shm_size: 2g
            cpus: 4
            name: wandb-${run_id}
            ulimit: [nofile=1024:2048, memlock=-1]
            """).root)
        let macros = MacroTable(project: run.project, entity: run.entity, runID: run.runID, runName: nil, imageURI: "python:3.11", author: nil)
        guard case .object(let flags) = macros.fill(queue).value else { Issue.record("not a mapping"); return }
        let command = try DockerCommand.build(
            environment: JobEnvironment.variables(run, maxLength: JobEnvironment.defaultLimit), flags: flags, image: "python:3.11",
            entryPoint: ["python", "train.py", "--flag"], args: ["--lr", "0.1", "--msg", "a b"]).get()
        #expect(command.commandLine == """
            docker run --rm -e WANDB_BASE_URL=https://api.wandb.ai -e WANDB_API_KEY=test-api-key-0000 -e WANDB_PROJECT=myproj -e WANDB_ENTITY=my-ent -e WANDB_LAUNCH=True -e WANDB_RUN_ID=abc123 -e WANDB_DOCKER=python:3.11 -e WANDB_CONFIG='{"x": "it'"'"'s"}' -e WANDB_LAUNCH_FILE_OVERRIDES='{}' -e WANDB_ARTIFACTS='{}' --env MY_ENV_VAR=value --env MY_EXISTING_ENV_VAR --env RUN=abc123 --gpus all -m 8g --shm_size 2g --cpus 4 --name wandb-abc123 --ulimit nofile=1024:2048 --ulimit memlock=-1 --entrypoint python python:3.11 train.py --flag --lr 0.1 --msg 'a b'
            """)
        #expect(command.words.contains(#"WANDB_CONFIG={"x": "it's"}"#))
        #expect(command.words.suffix(4) == ["--lr", "0.1", "--msg", "a b"])
    }

    @Test func dockerCommandRefusesMappingsAndWritesBareFlagsForTrue() throws {
        let flags = try #require(parseYAML("gpus: {count: 1}").root)
        guard case .object(let members) = flags.value else { return }
        guard case .failure(let failure) = DockerCommand.build(environment: [], flags: members, image: "i", entryPoint: [], args: []) else {
            Issue.record("a mapping value must fail"); return
        }
        #expect(failure.message == "Invalid docker argument 'gpus': mapping values are not supported.")
        let bare = try #require(parseYAML("privileged: true").root)
        guard case .object(let bareMembers) = bare.value else { return }
        #expect(try DockerCommand.build(environment: [], flags: bareMembers, image: "i", entryPoint: [], args: []).get().commandLine
                == "docker run --rm --privileged i")
    }

    @Test func processCommandLine() {
        #expect(ProcessCommand.commandLine(environment: [("WANDB_CONFIG", #"{"a": 1}"#), ("WANDB_LAUNCH", "True")],
                                           entryPoint: ["python", "train.py"], args: ["--name", "a b"])
                == #"WANDB_CONFIG='{"a": 1}' WANDB_LAUNCH=True python train.py --name 'a b'"#)
    }
}

@Suite struct ResolverTests {
    let queueText = """
        resource: kubernetes
        template_variables:
          gpus: {schema: {type: integer, default: 1, minimum: 1, maximum: 8}}
          zone: {schema: {type: string, enum: [a, b]}}
          lr: {schema: {type: number, default: 0.001}}
        config:
          metadata: {labels: {zone: "{{zone}}"}}
          spec: {template: {spec: {containers: [{resources: {limits: {nvidia.com/gpu: "{{gpus}}"}}, args: ["--lr={{lr}}"]}]}}}
          builder: {accelerator: {base_image: "nvidia/cuda:12.4.0-base-ubuntu22.04"}}
        """

    func resolve(_ settings: [String], spec: String? = nil) throws -> Resolver.Resolved {
        let file = SourceFile(path: "queue.yaml", text: queueText)
        let queue = try #require(DocumentParser.parse(file).root)
        let resolver = Resolver(settings: settings.compactMap(Resolver.Setting.init))
        return try resolver.resolve(queue: queue, kind: Classification(kind: .queue, origin: "test"), file: file,
                                    spec: spec.flatMap { parseYAML($0).root }).get()
    }

    @Test func valuesComeFromSetThenSpecThenDefaultsTypedAsTheSDKTypesThem() throws {
        let resolved = try resolve(["gpus= +2 ", "lr=1e-2"], spec: "template_variables: {zone: b, gpus: 4}\n")
        #expect(resolved.diagnostics.isEmpty, "\(resolved.diagnostics.map(\.message))")
        #expect(CanonicalJSON.string(resolved.config, indent: nil)
                == #"{"metadata":{"labels":{"zone":"b"}},"spec":{"template":{"spec":{"containers":[{"resources":{"limits":{"nvidia.com/gpu":2}},"args":["--lr=0.01"]}]}}}}"#)
    }

    @Test func theAgentsAndServersRefusals() throws {
        let resolved = try resolve(["gpus=2.5", "zone=c", "gpu=3"])
        #expect(resolved.diagnostics.map(\.code) == ["LC3607", "LC3605", "LC3606"])
        #expect(resolved.diagnostics[0].message == "the queue does not support overriding 'gpu': it declares no such template variable")
        #expect(resolved.diagnostics[0].fixIts.first?.message == "did you mean 'gpus'?")
        #expect(resolved.diagnostics[1].message == "value for gpus must be of type integer, not '2.5'")
        #expect(resolved.diagnostics[1].span.file.path == "--set")
        #expect(resolved.diagnostics[1].span.file.text(in: resolved.diagnostics[1].span.range!) == "2.5")
        #expect(try resolve(["gpus=9", "zone=a"]).diagnostics.map(\.message) == ["9 is above the maximum 8 of template variable 'gpus'"])
        #expect(try resolve([]).diagnostics.map(\.code) == ["LC3604"])
        #expect(Resolver.Setting("a=b=c") == nil && Resolver.Setting("=x") == nil && Resolver.Setting("a=") != nil)
    }

    /// The docs' workflow: a bare config whose variables are declared in the W&B UI, given values
    /// with --set, each typed by its text.
    @Test func bareQueueConfigTakesSetForItsPlaceholders() throws {
        let text = "metadata: {labels: {zone: \"{{zone}}\"}}\nspec: {template: {spec: {containers: [{resources: {limits: {nvidia.com/gpu: \"{{gpus}}\"}}}]}}}\n"
        let file = SourceFile(path: "config.yaml", text: text)
        let config = try #require(DocumentParser.parse(file).root)
        let kind = Classification(kind: .queueConfig, resource: .kubernetes, origin: "test")
        func resolve(_ settings: [String]) throws -> Resolver.Resolved {
            try Resolver(settings: settings.compactMap(Resolver.Setting.init)).resolve(queue: config, kind: kind, file: file).get()
        }
        let filled = try resolve(["gpus=2", "zone=us-east1-b"])
        #expect(filled.diagnostics.isEmpty, "\(filled.diagnostics.map(\.message))")
        #expect(CanonicalJSON.string(filled.config, indent: nil)
                == #"{"metadata":{"labels":{"zone":"us-east1-b"}},"spec":{"template":{"spec":{"containers":[{"resources":{"limits":{"nvidia.com/gpu":2}}}]}}}}"#)
        let missing = try resolve(["gpu=2", "zone=a"])
        #expect(missing.diagnostics.map(\.code) == ["LC3607", "LC3604"])
        #expect(missing.diagnostics[0].message == "the queue config has no '{{gpu}}'; --set gpu does nothing")
        #expect(missing.diagnostics[0].fixIts.first?.message == "did you mean 'gpus'?")
        #expect(missing.diagnostics[1].message == "'{{gpus}}' has no value: a bare queue config's template variables are declared in the W&B UI")
        #expect(missing.diagnostics[1].span.range.map { file.text(in: $0) } == "\"{{gpus}}\"")
    }

    @Test func resourceArgsAreMergedAndBuilderRemoved() throws {
        let resolved = try resolve(["zone=a"], spec: "resource_args:\n  kubernetes:\n    metadata: {namespace: research}\n  sagemaker: {x: 1}\n")
        #expect(resolved.config["builder"] == nil)
        #expect(resolved.config["metadata"]?["namespace"]?.value == .string("research"))
        #expect(resolved.config["metadata"]?["labels"]?["zone"]?.value == .string("a"))
        // Beside template variables, resource_args are dropped, as the agent drops them.
        let dropped = try resolve(["zone=a"], spec: "template_variables: {gpus: 2}\nresource_args: {kubernetes: {metadata: {namespace: x}}}\n")
        #expect(dropped.config["metadata"]?["namespace"] == nil)
    }
}

/// Python's `str.lower()`, which names (`${project_name}`, WANDB_PROJECT) go through: final
/// sigma included. Each expected value is what CPython 3.11 prints.
@Suite struct PythonLowerTests {
    @Test(arguments: [
        ("ΣΑΣ ΟΔΥΣΣΕΥΣ", "σας οδυσσευς"), ("Σ", "σ"), ("AΣ.", "aς."), ("ΣA", "σa"), ("AΣ\u{301}", "aς\u{301}"),
        ("AΣ\u{301}B", "aσ\u{301}b"), ("İ", "i\u{307}"), ("ResNet_50", "resnet_50"),
    ])
    func lowersAsPython(_ text: String, _ expected: String) {
        #expect(text.pythonLowercased.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }
}

/// Where resolved and rendered values came from.
@Suite struct ProvenanceTests {
    @Test(arguments: [
        ("${run_id}", ["run_id"]),
        ("${${run_id}}", ["run_id"]),
        ("a ${x} b ${y_2} ${x}", ["x", "y_2", "x"]),
        ("${run-id} $run_id ${ run_id } ${}", []),
    ])
    func macroNamesAreReadAsFillReadsThem(_ text: String, _ names: [String]) {
        #expect(MacroTable.names(in: text) == names)
    }

    @Test func rangesSayWhereAValueCameFrom() throws {
        let queue = SourceFile(path: "queue.yaml", text: "a: 1\n")
        let spec = SourceFile(path: "spec.yaml", text: "resource_args: {x: 2}\n")
        var provenance = Provenance(queue: queue, spec: spec)
        let specValue = try #require(parseYAML("resource_args: {x: 2}\n").root?["resource_args"]?["x"])
        let moved = Provenance.fromSpec(specValue)
        let mark = provenance.mark("the run id, from --run-id abc123")

        let inQueue = try #require(provenance.origin(of: SourceRange(start: 3, end: 4)))
        #expect(inQueue.span?.file === queue && inQueue.span?.range == SourceRange(start: 3, end: 4) && inQueue.detail == nil)
        let inSpec = try #require(provenance.origin(of: moved.range))
        #expect(inSpec.span?.file === spec && inSpec.span?.range == specValue.range)
        #expect(inSpec.detail == "the launch spec's resource_args")
        #expect(provenance.origin(of: mark)?.detail == "the run id, from --run-id abc123")
        #expect(provenance.origin(of: mark)?.span == nil)
        #expect(provenance.origin(of: .made) == nil)
    }

    @Test func templateValuesAreMarkedWithTheirVariable() throws {
        let config = try #require(parseYAML("n: '{{n}}'\nname: run-{{n}}\nplain: x\n").root)
        let queue = SourceFile(path: "queue.yaml", text: "")
        var provenance = Provenance(queue: queue, spec: nil)
        let values = ["n": Node(.integer(4), range: .at(0))]
        let filled = TemplateVariables.fill(config, with: values)
        let marked = provenance.markTemplates(original: config, filled: filled,
                                              sources: ["n": Provenance.Origin(span: nil, detail: "template variable 'n' (set by --set n=4)")])
        #expect(marked == filled)
        let whole = try #require(marked["n"])
        #expect(provenance.origin(of: whole.range)?.detail == "template variable 'n' (set by --set n=4)")
        let name = try #require(marked["name"])
        let text = try #require(provenance.origin(of: name.range))
        #expect(text.detail == "the queue, with template variable 'n' (set by --set n=4) filled in")
        #expect(text.span?.range == config["name"]?.range)
        #expect(marked["plain"]?.range == config["plain"]?.range)
    }
}
