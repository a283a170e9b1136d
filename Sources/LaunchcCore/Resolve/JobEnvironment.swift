/// What the agent knows about a run when it launches it: the values behind the W&B variables
/// and the macros.
public struct RunContext: Sendable {
    public var baseURL = "https://api.wandb.ai"
    /// Rendered as a placeholder unless a caller asks otherwise.
    public var apiKey = "<WANDB_API_KEY>"
    public var project = ""
    public var entity = ""
    public var runID = ""
    public var runName: String?
    public var author: String?
    /// The source image, for image sources and image jobs.
    public var dockerImage: String?
    public var sweepID: String?
    public var resumeCount = 0
    public var queueName: String?
    public var queueEntity: String?
    public var traceID: String?
    /// The job's name, for job sources (`WANDB_ARTIFACTS`).
    public var job: String?
    public var runConfig: Node?
    public var fileOverrides: Node?
    public var artifacts: Node?
    /// The launch spec's `additional_services` (Kubernetes creates them before the Job).
    public var additionalServices: Node?

    public init() {}
}

/// What every renderer takes: the resolved config and what the agent knows about the run.
public struct JobLaunch: Sendable {
    /// The resolved queue config (templates filled, overrides merged, `builder` removed).
    public var config: Node
    public var run: RunContext
    /// `overrides.entry_point`, and the job's own entry point.
    public var overrideEntryPoint: [String]?
    public var jobEntryPoint: [String]?
    public var overrideArgs: [String]
    /// The image handed to the runner.
    public var imageURI: String
    /// Where the facts above came from, as `Provenance` ranges.
    public var origins = Origins()

    public struct Origins: Sendable {
        public var runID = SourceRange.made
        public var runName = SourceRange.made
        public var image = SourceRange.made
        public var overrideEntryPoint = SourceRange.made
        public var jobEntryPoint = SourceRange.made
        public var args = SourceRange.made
        /// A SageMaker role given by name, which the agent makes an ARN of.
        public var roleARN: SourceRange?
        /// Each W&B variable by name (a chunk `NAME_0` is found under `NAME`).
        public var variables: [String: SourceRange] = [:]

        public init() {}

        public func variable(_ name: String) -> SourceRange {
            if let range = variables[name] { return range }
            guard let cut = name.lastIndex(of: "_"), name[name.index(after: cut)...].allSatisfy(\.isNumber) else { return .made }
            return variables[String(name[..<cut])] ?? .made
        }
    }

    /// The entry point the runner uses when it prefers the run's override, and where it came from.
    public var entryPoint: (words: [String], origin: SourceRange) {
        if let words = overrideEntryPoint { return (words, origins.overrideEntryPoint) }
        return (jobEntryPoint ?? [], origins.jobEntryPoint)
    }

    public init(config: Node, run: RunContext, overrideEntryPoint: [String]?, jobEntryPoint: [String]?, overrideArgs: [String], imageURI: String) {
        self.config = config
        self.run = run
        self.overrideEntryPoint = overrideEntryPoint
        self.jobEntryPoint = jobEntryPoint
        self.overrideArgs = overrideArgs
        self.imageURI = imageURI
    }
}

/// The W&B variables the agent injects into every job, in its order
/// (`LaunchProject.get_env_vars_dict`), with the JSON-valued ones cut into `_0`, `_1`, ... slices
/// when they exceed the runner's limit: 512 characters for SageMaker, 32670 for the others.
public enum JobEnvironment {
    public static let sageMakerLimit = 512
    public static let defaultLimit = 32670

    public static func variables(_ run: RunContext, maxLength: Int) -> [(name: String, value: String)] {
        var out: [(String, String)] = []
        out.append(("WANDB_BASE_URL", run.baseURL))
        out.append(("WANDB_API_KEY", run.apiKey))
        if !run.project.isEmpty { out.append(("WANDB_PROJECT", run.project.pythonLowercased)) }
        out.append(("WANDB_ENTITY", run.entity))
        out.append(("WANDB_LAUNCH", "True"))
        out.append(("WANDB_RUN_ID", run.runID))
        if let image = run.dockerImage { out.append(("WANDB_DOCKER", image)) }
        if let name = run.runName, !name.isEmpty { out.append(("WANDB_NAME", name)) }
        if let author = run.author { out.append(("WANDB_USERNAME", author)) }
        if let sweep = run.sweepID, !sweep.isEmpty { out.append(("WANDB_SWEEP_ID", sweep)) }
        if run.resumeCount > 0 { out.append(("WANDB_RESUME", "allow")) }
        if let queue = run.queueName { out.append(("WANDB_LAUNCH_QUEUE_NAME", queue)) }
        if let entity = run.queueEntity { out.append(("WANDB_LAUNCH_QUEUE_ENTITY", entity)) }
        if let trace = run.traceID { out.append(("WANDB_LAUNCH_TRACE_ID", trace)) }
        out += chunked("WANDB_CONFIG", PythonJSON.dumps(run.runConfig ?? .made(.object([]))), maxLength: maxLength)
        out += chunked("WANDB_LAUNCH_FILE_OVERRIDES", PythonJSON.dumps(run.fileOverrides ?? .made(.object([]))), maxLength: maxLength)
        // The job first, then the run's own artifacts (`dict.update`).
        var artifacts = OrderedMembers()
        if let job = run.job { artifacts.set("_wandb_job", .made(.string(job))) }
        if case .object(let given)? = run.artifacts?.value {
            for member in given { artifacts.set(member.key, member.value) }
        }
        out.append(("WANDB_ARTIFACTS", PythonJSON.dumps(artifacts.node)))
        return out
    }

    /// A value longer than the limit becomes `NAME_0`, `NAME_1`, ... of `maxLength` characters
    /// each, and `NAME` itself is not set. Python's JSON is ASCII, so characters are bytes.
    static func chunked(_ name: String, _ value: String, maxLength: Int) -> [(String, String)] {
        let characters = Array(value.unicodeScalars)
        guard characters.count > maxLength else { return [(name, value)] }
        return stride(from: 0, to: characters.count, by: maxLength).enumerated().map { index, start in
            (name + "_" + String(index), String(String.UnicodeScalarView(characters[start..<min(start + maxLength, characters.count)])))
        }
    }
}
