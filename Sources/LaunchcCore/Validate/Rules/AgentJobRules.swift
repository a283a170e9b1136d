/// The agent config's rules that hold only when a job runs: for every job the agent builds its
/// registry and builder from the config again (`loader.registry_from_config`,
/// `loader.builder_from_config`), and each registry class reads the block with its own accepted
/// keys. A config that passes the agent's start-up check can fail each of these on every job.
enum AgentJobRules {
    /// The keys each registry type's `from_config` accepts; any other key fails the job.
    static let acceptedRegistryKeys: [String: [String]] = [
        "ecr": ["uri", "type", "account_id", "region", "repo_name"],
        "gcr": ["uri", "type", "repository", "image-name", "region", "project"],
    ]

    static func check(_ root: Node, file: SourceFile) -> [Diagnostic] {
        registry(root, file: file) + builder(root, file: file)
    }

    /// The `type` of a block, if it is text.
    private static func type(of block: Node?) -> String? {
        guard case .string(let type)? = block?["type"]?.value else { return nil }
        return type
    }

    /// A block's member by key, and whether its value is set (Python-truthy).
    private static func set(_ block: Node, _ key: String) -> Member? {
        guard let member = block.member(key), member.value.value.isTruthy else { return nil }
        return member
    }

    static func registry(_ root: Node, file: SourceFile) -> [Diagnostic] {
        guard let member = root.member("registry"), case .object(let members) = member.value.value, !members.isEmpty else { return [] }
        let block = member.value
        let blockSpan = SourceSpan(file: file, range: member.keyRange)
        let pointer = JSONPointer(tokens: ["registry"])
        guard let type = type(of: block) else {
            guard block["type"] == nil || block["type"]?.value == .null else { return [] }
            // A registry without a type is the local registry: nothing is pushed, the rest is ignored.
            var help = "add 'type: ecr', 'type: gcr' or 'type: acr', or write the repository as builder.destination"
            if case .string(let uri)? = block["uri"]?.value {
                switch AgentRules.classify(uri) {
                case .ecr: help = "add 'type: ecr'"
                case .artifactRegistry: help = "add 'type: gcr'"
                case .azure: help = "add 'type: acr'"
                case .unrecognized: break
                }
            }
            return [Diagnostic(.registryWithoutType, "registry block has no 'type': the agent uses no registry and ignores the block's other keys",
                               at: blockSpan, pointer: pointer, fixIts: [FixIt(help)])]
        }
        var out: [Diagnostic] = []
        // Keys a refused key is a misspelling of: the rename supplies them.
        var renamedTo = Set<String>()
        if let accepted = acceptedRegistryKeys[type] {
            let name = type == "ecr" ? "ECR" : "Artifact Registry"
            for key in members where !accepted.contains(key.key) {
                var fixIts: [FixIt] = []
                if type == "ecr", key.key == "repository" {
                    fixIts.append(FixIt("name the repository in uri: <account>.dkr.ecr.<region>.amazonaws.com/<repository>"))
                } else if let near = Suggestions(accepted).nearest(key.key), block.member(near) == nil {
                    renamedTo.insert(near)
                    fixIts.append(FixIt("rename it to '\(near)'", edits: [TextEdit(range: key.keyRange, replacement: SchemaDiagnostics.renamed(file.text(in: key.keyRange), to: near))],
                                        safe: true))
                } else {
                    fixIts.append(FixIt("remove it; the \(name) registry accepts \(accepted.joined(separator: ", "))"))
                }
                out.append(Diagnostic(.registryKeyRefused, "registry key '\(key.key)' is refused by the \(name) registry: every job fails",
                                      at: SourceSpan(file: file, range: key.keyRange), pointer: pointer.appending(key.key), fixIts: fixIts))
            }
        }
        let uri = set(block, "uri")
        func alongside(_ keys: [String], why: String) {
            for key in keys {
                guard let given = set(block, key) else { continue }
                out.append(Diagnostic(.registryBlockInvalid, "registry.\(key) cannot be given with registry.uri: \(why)",
                                      at: SourceSpan(file: file, range: given.keyRange), pointer: pointer.appending(key),
                                      notes: uri.map { [Note("the uri", at: SourceSpan(file: file, range: $0.keyRange))] } ?? [],
                                      fixIts: [FixIt("remove it; the uri names it already")]))
            }
        }
        func wrongShape(expected: String, uri: Member?) {
            guard let uri, case .string(let text) = uri.value.value else { return }
            out.append(Diagnostic(.registryBlockInvalid, "registry.uri '\(text)' is not \(expected) URI, which type '\(type)' needs: every job fails",
                                  at: SourceSpan(file: file, range: uri.value.range), pointer: pointer.appending("uri"),
                                  fixIts: [FixIt(typeFitting(text).map { "it reads as \($0.what): write 'type: \($0.type)'" } ?? "write the repository's URI")]))
        }
        switch type {
        case "ecr":
            if uri == nil, !renamedTo.contains("uri") {
                var help = "write uri: <account>.dkr.ecr.<region>.amazonaws.com/<repository>"
                if case .string(let account)? = block["account_id"]?.value, case .string(let region)? = block["region"]?.value,
                   case .string(let repository)? = (block["repo_name"] ?? block["repository"])?.value {
                    help = "write uri: \(account).dkr.ecr.\(region).amazonaws.com/\(repository)"
                }
                out.append(Diagnostic(.registryBlockInvalid,
                                      "the ECR registry needs registry.uri: it reads the repository from 'repository', a key it refuses, so account_id, region and repo_name cannot name it",
                                      at: blockSpan, pointer: pointer, fixIts: [FixIt(help)]))
            } else {
                alongside(["account_id", "region"], why: "the ECR registry refuses the pair")
                // An ARN has its own finding (LC3110).
                if case .string(let text)? = uri?.value.value, typeFitting(text)?.type != "ecr", AgentRules.ecrARN(text) == nil {
                    wrongShape(expected: "an ECR repository", uri: uri)
                }
            }
        case "gcr":
            // This registry counts an empty uri as given (`uri is not None`), the ECR one does not.
            if block["uri"] == nil || block["uri"]?.value == .null {
                for key in ["region", "repository", "image-name"] where set(block, key) == nil && !renamedTo.contains(key) {
                    out.append(Diagnostic(.registryBlockInvalid, "the Artifact Registry registry needs '\(key)' when the block has no uri: every job fails",
                                          at: blockSpan, pointer: pointer,
                                          fixIts: [FixIt("add '\(key)', or give the whole repository as uri: <region>-docker.pkg.dev/<project>/<repository>/<image>")]))
                }
            } else {
                alongside(["repository", "image-name", "project", "region"], why: "the Artifact Registry registry takes one or the other")
                if case .string(let text)? = block["uri"]?.value, typeFitting(text)?.type != "gcr" {
                    wrongShape(expected: "an Artifact Registry", uri: block.member("uri"))
                }
            }
        case "acr":
            // The Azure registry reads only `uri`; the other keys are ignored without a word.
            for key in members where !["uri", "type"].contains(key.key) {
                out.append(Diagnostic(.agentIgnoredRegistryKey, "registry key '\(key.key)' is not read by the Azure registry",
                                      at: SourceSpan(file: file, range: key.keyRange), pointer: pointer.appending(key.key),
                                      fixIts: [FixIt("remove it; the Azure registry reads only uri")]))
            }
            if block["uri"] == nil || block["uri"]?.value == .null {
                out.append(Diagnostic(.registryBlockInvalid, "the Azure registry needs registry.uri: every job fails",
                                      at: blockSpan, pointer: pointer, fixIts: [FixIt("add uri: <registry-name>.azurecr.io/<repository>")]))
            } else if case .string(let text)? = block["uri"]?.value, typeFitting(text)?.type != "acr" {
                wrongShape(expected: "an Azure registry", uri: block.member("uri"))
            }
        default:
            break
        }
        return out
    }

    /// The registry type a URI's shape belongs to.
    private static func typeFitting(_ uri: String) -> (type: String, what: String)? {
        switch AgentRules.classify(uri) {
        case .ecr: return ("ecr", "an ECR repository")
        case .artifactRegistry: return ("gcr", "an Artifact Registry repository")
        case .azure: return ("acr", "an Azure registry")
        case .unrecognized: return nil
        }
    }

    static func builder(_ root: Node, file: SourceFile) -> [Diagnostic] {
        guard let member = root.member("builder"), case .object(let members) = member.value.value, !members.isEmpty else { return [] }
        let block = member.value
        let pointer = JSONPointer(tokens: ["builder"])
        guard let type = type(of: block) else {
            guard block["type"] == nil || block["type"]?.value == .null else { return [] }
            let kaniko = members.contains { $0.key.hasPrefix("kaniko") || $0.key.hasPrefix("build-") || $0.key.hasPrefix("secret-") }
            return [Diagnostic(.builderWithoutType, "builder block has no 'type': every job fails with \"Builder type not specified\"",
                               at: SourceSpan(file: file, range: member.keyRange), pointer: pointer,
                               fixIts: [FixIt(kaniko ? "add 'type: kaniko'" : "add 'type: docker', 'type: kaniko' or 'type: noop'")])]
        }
        guard type == "kaniko", set(block, "destination") == nil, !pushesSomewhere(root["registry"]) else { return [] }
        let typeNode = block["type"]!
        var notes: [Note] = []
        if let uri = block.member("uri") {
            notes.append(Note("'uri' is not a builder key; the destination is 'destination'", at: SourceSpan(file: file, range: uri.keyRange)))
        }
        return [Diagnostic(.kanikoWithoutDestination, "kaniko has nowhere to push: no builder.destination and no typed registry, so each image is named ':<hash>' and the build fails",
                           at: SourceSpan(file: file, range: typeNode.range), pointer: pointer.appending("type"), notes: notes,
                           fixIts: [FixIt("add destination: the repository kaniko pushes to, e.g. \(exampleRepository(for: root))")])]
    }

    /// A repository URI of the environment's cloud, to show its shape.
    private static func exampleRepository(for root: Node) -> String {
        switch type(of: root["environment"]) {
        case "gcp": return "<region>-docker.pkg.dev/<project>/<repository>/<image>"
        case "azure": return "<registry-name>.azurecr.io/<repository>"
        default: return "<account>.dkr.ecr.<region>.amazonaws.com/<repository>"
        }
    }

    /// Whether the registry block names a remote registry (one with a type the agent builds).
    private static func pushesSomewhere(_ registry: Node?) -> Bool {
        guard let registry, registry.value.isTruthy, let type = type(of: registry) else { return false }
        return ["ecr", "gcr", "acr"].contains(type)
    }
}
