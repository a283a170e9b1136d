/// The Vertex AI `CustomJob` the W&B agent creates from a queue config (wandb 0.31.0
/// `VertexRunner.run` and `launch_vertex_job`, then google-cloud-aiplatform 2.7.0
/// `CustomJob.__init__` and `CustomJob.submit`), as the REST API's JSON
/// (`projects.locations.customJobs.create`): camelCase names, fields in field-number order, int64
/// as strings, defaults left out.
public enum VertexCustomJob {
    /// What the agent would raise instead of submitting, with its message.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// What the SDK would fill in from the clock, shown as such.
    public static let timestampPlaceholder = "<timestamp>"

    public struct Inputs: Sendable {
        /// The resolved config, before macros.
        public var launch: JobLaunch
        public var macros: MacroTable
        /// The project and region the agent's GCP environment names (resource names of experiments).
        public var gcpProject: String
        public var gcpRegion: String

        public init(_ launch: JobLaunch, macros: MacroTable, gcpProject: String = "gcp-project", gcpRegion: String = "us-central1") {
            self.launch = launch
            self.macros = macros
            self.gcpProject = gcpProject
            self.gcpRegion = gcpRegion
        }
    }

    public static func build(_ inputs: Inputs) -> Result<Node, Failure> {
        do {
            return .success(try job(inputs))
        } catch {
            return .failure(Failure(message: error.message))
        }
    }

    static func job(_ inputs: Inputs) throws(VertexProto.Failure) -> Node {
        let launch = inputs.launch
        // VertexRunner.run: macros filled, then each pool's command and env set in place.
        let resourceArgs = MJSON(inputs.macros.fill(launch.config))
        guard resourceArgs.isTruthy else {
            throw VertexProto.Failure.other("No Vertex resource args specified. Specify args via --resource-args with a JSON file or string under top-level key gcp_vertex")
        }
        let spec = try get(resourceArgs, "spec", default: .object(MObject()))
        let run = try get(resourceArgs, "run", default: .object(MObject()))
        let entryPoint = launch.entryPoint
        let command = MJSON.array(entryPoint.words.map { MJSON.string($0, entryPoint.origin) } + launch.overrideArgs.map { MJSON.string($0, launch.origins.args) })
        let environment = JobEnvironment.variables(launch.run, maxLength: JobEnvironment.defaultLimit).map {
            MJSON.variable($0.name, $0.value, launch.origins.variable($0.name))
        }
        let givenPools = try get(spec, "worker_pool_specs", default: .array([]))
        guard givenPools.isTruthy else {
            throw VertexProto.Failure.other("Vertex requires at least one worker pool spec. Please specify a worker pool spec in resource arguments under the key `vertex.spec.worker_pool_specs`.")
        }
        var pools = try iterate(givenPools)
        for index in pools.indices {
            guard var pool = pools[index].object else { throw VertexProto.Failure.other("\(VertexProto.typeName(pools[index])) object has no attribute 'get'") }
            guard let container = pool["container_spec"], container.isTruthy else {
                throw VertexProto.Failure.other("Vertex requires a container spec for each worker pool spec. Please specify a container spec in resource arguments under the key `vertex.spec.worker_pool_specs[].container_spec`.")
            }
            guard var containerSpec = container.object else {
                throw VertexProto.Failure.other(container.array != nil ? "list indices must be integers or slices, not str"
                                                              : "\(VertexProto.typeName(container)) object does not support item assignment")
            }
            containerSpec["command"] = command
            let env = containerSpec["env"] ?? .array([])
            guard let given = env.array else { throw VertexProto.Failure.other("\(VertexProto.typeName(env)) object has no attribute 'extend'") }
            containerSpec["env"] = .array(given + environment, env.range)
            pool["container_spec"] = .object(containerSpec)
            pools[index] = .object(pool)
        }
        let staging = try get(spec, "staging_bucket", default: .scalar(.null))
        guard staging.isTruthy else {
            throw VertexProto.Failure.other("Vertex requires a staging bucket. Please specify a staging bucket in resource arguments under the key `vertex.spec.staging_bucket`.")
        }

        // launch_vertex_job: up to submit(), a failure is "Failed to create Vertex job: ...".
        let displayName: String, workerPools: Node, outputDirectory: Node, labels: Node, encryption: Node?
        do throws(VertexProto.Failure) {
            var labelObject = try get(spec, "labels", default: .object(MObject()))
            guard var entries = labelObject.object else {
                throw VertexProto.Failure.type(labelObject.array != nil ? "list indices must be integers or slices, not str"
                                                                        : "\(VertexProto.typeName(labelObject)) object does not support item assignment")
            }
            entries["wandb-run-id"] = .string(launch.run.runID, launch.origins.runID)
            labelObject = .object(entries)
            // CustomJob.__init__: the staging bucket, the labels, the output directory, the display name, the messages.
            guard case .scalar(.string(let bucket), _) = staging else {
                throw VertexProto.Failure.type("can only concatenate str (not \"\(VertexProto.typeName(staging, quoted: false))\") to str")
            }
            if entries.entries.contains(where: { if case .scalar(.string, _) = $0.1 { false } else { true } }) {
                throw VertexProto.Failure.other("Expect labels to be a mapping of string key value pairs. Got \"\(PythonRepr.repr(labelObject.node.value))\".")
            }
            labels = labelObject.node
            let directory = try get(spec, "base_output_dir", default: .scalar(.null))
            displayName = launch.run.runName.flatMap { $0.isEmpty ? nil : $0 } ?? "CustomJob " + timestampPlaceholder
            outputDirectory = try stringMessage("GcsDestination", "outputUriPrefix", directory.isTruthy ? directory : .string(timestamped(bucket), staging.range))
            do throws(VertexProto.Failure) {
                workerPools = try VertexProto.repeated(.array(pools), VertexProto.poolsField, in: "CustomJobSpec")
            } catch .type(let text) {
                throw VertexProto.Failure.type("Failed to initialize CustomJobSpec. Underlying error: \(text)")
            }
            let key = try get(spec, "encryption_spec_key_name", default: .scalar(.null))
            encryption = key.isTruthy ? try stringMessage("EncryptionSpec", "kmsKeyName", key) : nil
            // The keyword arguments of submit() are read inside the same try.
            guard run.object != nil else { throw VertexProto.Failure.other("\(VertexProto.typeName(run)) object has no attribute 'get'") }
        } catch {
            throw .other("Failed to create Vertex job: " + error.message)
        }

        // CustomJob.submit: its errors reach the agent as they are.
        let submitted = try submit(run.object ?? MObject(), inputs)
        // Every field here holds a value proto3 JSON prints: the pools are not empty, and submit()
        // sets only what was given.
        let jobSpec = ([(1, "workerPoolSpecs", workerPools), (6, "baseOutputDirectory", outputDirectory)] + submitted)
            .sorted { $0.number < $1.number }.map { Member.made($0.key, $0.value) }
        var out = [Member.made("displayName", Node(.string(displayName), range: launch.run.runName.map { $0.isEmpty ? .made : launch.origins.runName } ?? .made)), Member.made("jobSpec", Node.made(.object(jobSpec))),
                   Member.made("labels", labels)]
        if let encryption { out.append(Member.made("encryptionSpec", encryption)) }
        return Node.made(.object(out))
    }

    /// `CustomJob.submit(...)` with the agent's keyword arguments from `run`: the CustomJobSpec
    /// fields it sets, with their numbers.
    static func submit(_ run: MObject, _ inputs: Inputs) throws(VertexProto.Failure) -> [(number: Int, key: String, value: Node)] {
        let value = { (key: String) -> MJSON in run[key] ?? .scalar(.null) }
        let experiment = value("experiment"), tensorboard = value("tensorboard")
        if experiment.isTruthy && tensorboard.isTruthy {
            throw VertexProto.Failure.other("'experiment' and 'tensorboard' cannot be set together.")
        }
        var out: [(number: Int, key: String, value: Node)] = []
        func set(_ number: Int, _ name: String, _ json: String, as kind: VertexProto.Kind) throws(VertexProto.Failure) {
            let given = value(name)
            guard given.isTruthy else { return }
            let field = VertexProto.Field(number: number, name: name, jsonName: json, kind: kind, repeated: false, oneof: nil)
            do throws(VertexProto.Failure) {
                out.append((number, json, try VertexProto.single(given, field, in: "CustomJobSpec")))
            } catch {
                throw VertexProto.Failure.other("Failed to set field '\(name)' on CustomJobSpec to value \(PythonRepr.str(given.node.value)). Underlying error: \(error.message)")
            }
        }
        try set(4, "service_account", "serviceAccount", as: .string)
        try set(5, "network", "network", as: .string)
        let timeout = value("timeout"), restart = value("restart_job_on_worker_restart")
        if timeout.isTruthy || restart.isTruthy {
            var scheduling: [Member] = []
            if timeout.isTruthy {
                // duration_pb2.Duration(seconds=timeout)
                switch timeout {
                case .scalar(.integer(let seconds), _): scheduling.append(Member.made("timeout", Node(.string("\(seconds)s"), range: timeout.range)))
                case .scalar(.bool, _): throw VertexProto.Failure.other("Field google.protobuf.Duration.seconds: Expected an int, got a boolean.")
                default: throw VertexProto.Failure.other("\(VertexProto.typeName(timeout)) object cannot be interpreted as an integer")
                }
            }
            switch restart {
            case .scalar(.bool(true), let range): scheduling.append(Member.made("restartJobOnWorkerRestart", Node(.bool(true), range: range)))
            case .scalar(.integer(let i), let range) where i != 0: scheduling.append(Member.made("restartJobOnWorkerRestart", Node(.bool(true), range: range)))
            case .scalar(.null, _), .scalar(.bool(false), _), .scalar(.integer, _): break
            default:
                throw VertexProto.Failure.other("Failed to initialize Scheduling. Underlying error: \(VertexProto.typeName(restart)) object cannot be interpreted as an integer")
            }
            out.append((3, "scheduling", Node.made(.object(scheduling))))
        }
        try set(10, "enable_web_access", "enableWebAccess", as: .bool)
        try set(7, "tensorboard", "tensorboard", as: .string)
        if experiment.isTruthy {
            // aiplatform looks the experiment (and run) up; their resource names are these.
            let contexts = "projects/\(inputs.gcpProject)/locations/\(inputs.gcpRegion)/metadataStores/default/contexts/"
            let name = PythonRepr.str(experiment.node.value)
            out.append((17, "experiment", Node(.string(contexts + name), range: experiment.range)))
            let runName = value("experiment_run")
            if runName.isTruthy {
                out.append((18, "experimentRun", Node(.string(contexts + name + "-" + PythonRepr.str(runName.node.value)), range: runName.range)))
            }
        }
        return out
    }

    /// Python's `for item in value`: a list's items, a string's characters, a dict's keys.
    static func iterate(_ value: MJSON) throws(VertexProto.Failure) -> [MJSON] {
        switch value {
        case .array(let items, _): return items
        case .object(let o): return o.entries.map { .string($0.0) }
        case .scalar(.string(let s), _): return s.map { .string(String($0)) }
        default: throw VertexProto.Failure.other("\(VertexProto.typeName(value)) object is not iterable")
        }
    }

    /// `dict.get(key, default)` on something that must be a dict.
    static func get(_ object: MJSON, _ key: String, default fallback: MJSON) throws(VertexProto.Failure) -> MJSON {
        guard let o = object.object else { throw VertexProto.Failure.other("\(VertexProto.typeName(object)) object has no attribute 'get'") }
        return o[key] ?? fallback
    }

    /// A message of one string field (`GcsDestination`, `EncryptionSpec`), built from a value.
    static func stringMessage(_ name: String, _ field: String, _ value: MJSON) throws(VertexProto.Failure) -> Node {
        guard case .scalar(.string(let s), _) = value else {
            throw .type("Failed to initialize \(name). Underlying error: bad argument type for built-in operation")
        }
        return Node(.object(s.isEmpty ? [] : [Member.made(field, Node(.string(s), range: value.range))]), range: value.range)
    }

    /// aiplatform's `_timestamped_gcs_dir(staging_bucket, "aiplatform-custom-job")`, with the
    /// time left as a placeholder.
    static func timestamped(_ root: String) -> String {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        let path = base + "/aiplatform-custom-job-" + timestampPlaceholder
        return path.hasPrefix("gs://") ? path : "gs://" + path
    }
}

extension VertexProto {
    /// `CustomJobSpec.worker_pool_specs`.
    static let poolsField = Field(number: 1, name: "worker_pool_specs", jsonName: "workerPoolSpecs", kind: .message("WorkerPoolSpec"), repeated: true, oneof: nil)
}
