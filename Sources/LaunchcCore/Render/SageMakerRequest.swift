/// The `CreateTrainingJob` request the W&B agent builds from a SageMaker queue config (wandb
/// 0.31.0 `SageMakerRunner.run`, `build_sagemaker_args`, `get_role_arn`,
/// `merge_image_uri_with_algorithm_specification`), key for key and in the same
/// order, which follows Python's dict semantics: a key set again keeps its first position.
public enum SageMakerRequest {
    /// What the agent would raise instead of submitting, with its message.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    public struct Inputs: Sendable {
        /// Its config is read before macros: the role and a user TrainingImage are sent as written.
        public var launch: JobLaunch
        public var macros: MacroTable
        public var account: String
        public var partition: String

        public init(_ launch: JobLaunch, macros: MacroTable, account: String = "123456789012", partition: String = "aws") {
            self.launch = launch
            self.macros = macros
            self.account = account
            self.partition = partition
        }
    }

    public static func build(_ inputs: Inputs) -> Result<Node, Failure> {
        let launch = inputs.launch
        let given = launch.config
        // The role, from the config as written (macros are not filled in it).
        guard let roleNode = role(in: given), case .string(let role) = roleNode.value else {
            return .failure(Failure(message: "AWS sagemaker require a string RoleArn set this by adding a `RoleArn` key to the sagemakerfield of resource_args"))
        }
        let roleARN = isARN(role, partition: inputs.partition) ? role : "arn:\(inputs.partition):iam::\(inputs.account):role/\(role)"

        // User-image mode: a TrainingImage in the config, sent as written, with only the
        // override entry point; otherwise the W&B image and the override or job entry point.
        let userImage = given["AlgorithmSpecification"]?["TrainingImage"].flatMap { $0.value == .null ? nil : $0 }
        let image: Node
        let entryPoint: (words: [String], origin: SourceRange)
        if let userImage {
            image = Node(.string(PythonText.str(userImage.value)), range: userImage.range)
            entryPoint = (launch.overrideEntryPoint ?? [], launch.origins.overrideEntryPoint)
        } else {
            image = Node(.string(launch.imageURI), range: launch.origins.image)
            entryPoint = launch.entryPoint
        }

        let filled = inputs.macros.fill(given)
        var computed = OrderedMembers()
        guard let output = filled["OutputDataConfig"], output.value != .null else {
            return .failure(Failure(message: "Sagemaker launcher requires an OutputDataConfig Sagemaker resource argument"))
        }
        computed.set("OutputDataConfig", output)
        computed.set("TrainingJobName", truthy(filled["TrainingJobName"]) ?? Node(.string(launch.run.runID), range: launch.origins.runID))
        // `.get("AlgorithmSpecification", .get("algorithm_specification"))`: a present null does not fall back.
        let specGiven = filled.member("AlgorithmSpecification") != nil ? filled["AlgorithmSpecification"] : filled["algorithm_specification"]
        var spec = OrderedMembers()
        if let givenSpec = specGiven, case .object(let members) = givenSpec.value {
            spec = OrderedMembers(members)
            if image.value != .string("") { spec.set("TrainingImage", image) }
        } else {
            spec.set("TrainingImage", image)
            spec.set("TrainingInputMode", Node.made(.string("File")))
        }
        if !entryPoint.words.isEmpty { spec.set("ContainerEntrypoint", Node.strings(entryPoint.words, at: entryPoint.origin)) }
        if !launch.overrideArgs.isEmpty { spec.set("ContainerArguments", Node.strings(launch.overrideArgs, at: launch.origins.args)) }
        guard let trainingImage = spec["TrainingImage"], trainingImage.value != .null else {
            return .failure(Failure(message: "Failed determine tag for training image"))
        }
        computed.set("AlgorithmSpecification", spec.node)
        computed.set("RoleArn", Node(.string(roleARN), range: roleARN == role ? roleNode.range : launch.origins.roleARN ?? roleNode.range))

        // {**camel_case_args, **sagemaker_args}
        var request = OrderedMembers()
        if case .object(let members) = filled.value {
            for member in members { request.set(toCamelCase(member.key), member.value) }
        }
        for member in computed.members { request.set(member.key, member.value) }
        guard let resourceConfig = request["ResourceConfig"], resourceConfig.value != .null else {
            return .failure(Failure(message: "Sagemaker launcher requires a ResourceConfig resource argument"))
        }
        guard let stopping = request["StoppingCondition"], stopping.value != .null else {
            return .failure(Failure(message: "Sagemaker launcher requires a StoppingCondition resource argument"))
        }

        // W&B's variables, then the config's Environment (or lowercase environment) over them.
        var environment = OrderedMembers()
        for (name, value) in JobEnvironment.variables(launch.run, maxLength: JobEnvironment.sageMakerLimit) {
            environment.set(name, Node(.string(value), range: launch.origins.variable(name)))
        }
        let givenEnvironment = filled.member("Environment") != nil ? filled["Environment"] : request["environment"]
        if let givenEnvironment {
            guard case .object(let members) = givenEnvironment.value else {
                return .failure(Failure(message: "'Environment' must be a mapping (the agent fails merging it with W&B's variables)"))
            }
            for member in members { environment.set(member.key, member.value) }
        }
        request.set("Environment", environment.node)

        var tags: [Node] = []
        if case .array(let items)? = request["Tags"]?.value { tags = items }
        tags.append(Node.made(.object([
            Member(key: "Key", keyRange: .at(0), value: Node.made(.string("WandbRunId"))),
            Member(key: "Value", keyRange: .at(0), value: Node(.string(launch.run.runID), range: launch.origins.runID)),
        ])))
        request.set("Tags", Node.made(.array(tags)))

        for removed in ["EcrRepoName", "region", "profile"] { request.remove(removed) }
        request.members.removeAll { $0.value.value == .null }
        return .success(request.node)
    }

    /// The role the agent reads: a truthy `RoleArn`, else `role_arn`.
    static func role(in config: Node) -> Node? { truthy(config["RoleArn"]) ?? config["role_arn"] }

    /// An IAM ARN of the partition, which the agent sends as it is; anything else is a role name.
    static func isARN(_ role: String, partition: String) -> Bool { role.hasPrefix("arn:\(partition):iam::") }

    /// wandb's `to_camel_case`: keys without `_` stay; others are `str.title()`d per `_`-piece,
    /// an empty piece becoming `_`.
    public static func toCamelCase(_ key: String) -> String {
        guard key.contains("_") else { return key }
        return key.split(separator: "_", omittingEmptySubsequences: false).map { $0.isEmpty ? "_" : pythonTitle($0) }.joined()
    }

    /// Python's `str.title()`: a letter after a non-letter is upper-cased, any other lower-cased
    /// (`s3` → `S3`, `x2y` → `X2Y`, `ARN` → `Arn`).
    static func pythonTitle(_ word: Substring) -> String {
        var out = ""
        var previousCased = false
        for c in word {
            if c.isCased {
                out += previousCased ? c.lowercased() : c.uppercased()
                previousCased = true
            } else {
                out.append(c)
                previousCased = false
            }
        }
        return out
    }

    /// Python truthiness for an optional value, as `a or b` reads it.
    static func truthy(_ node: Node?) -> Node? {
        guard let node, node.value.isTruthy else { return nil }
        return node
    }

}

/// A mapping with Python's dict order: setting an existing key keeps its place.
struct OrderedMembers {
    var members: [Member] = []

    init(_ members: [Member] = []) { self.members = members }

    subscript(key: String) -> Node? { members.first(key: key)?.value }

    mutating func set(_ key: String, _ value: Node) {
        if let i = members.firstIndex(where: { $0.key.hasSameScalars(as: key) }) {
            members[i].value = value
        } else {
            members.append(Member(key: key, keyRange: value.range, value: value))
        }
    }

    mutating func remove(_ key: String) { members.removeAll { $0.key.hasSameScalars(as: key) } }

    var node: Node { Node(.object(members), range: .made) }
}


extension Character {
    /// Has an upper- and a lower-case form (Python's "cased").
    var isCased: Bool { isUppercase || isLowercase || (isLetter && uppercased() != lowercased()) }
}
