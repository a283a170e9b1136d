/// What a document is.
public enum DocumentKind: String, Sendable, CaseIterable {
    /// The agent's `launch-config.yaml`.
    case agent
    /// A queue definition: `resource`, `config`, `template_variables`, ...
    case queue
    /// A bare resource config, as pasted into a queue's Configuration box.
    case queueConfig = "queue-config"
    /// One job to submit, as `wandb launch -c` takes it.
    case launchSpec = "launch-spec"
    /// Resource configs wrapped by resource, as `wandb launch --resource-args` takes them:
    /// `{"kubernetes": {...}}`.
    case resourceArgs = "resource-args"
    /// launchc's own project config, `.launchc.yaml`.
    case launchcConfig = "launchc-config"
    /// Any value, checked only against the user's `--schema`.
    case data

    /// How messages name the kind.
    public var title: String {
        switch self {
        case .agent: return "an agent config"
        case .queue: return "a queue definition"
        case .queueConfig: return "a queue config"
        case .launchSpec: return "a launch spec"
        case .resourceArgs: return "resource args"
        case .launchcConfig: return "a launchc project config"
        case .data: return "plain data"
        }
    }
}

/// A Launch resource, by W&B's name.
public enum LaunchResource: String, Sendable, CaseIterable {
    case sagemaker
    case gcpVertex = "gcp-vertex"
    case kubernetes
    case localContainer = "local-container"
    case localProcess = "local-process"

    /// By name or alias (`vertex`, `docker`).
    public init?(name: String) {
        switch name {
        case "vertex": self = .gcpVertex
        case "docker": self = .localContainer
        default: self.init(rawValue: name)
        }
    }
}

/// A document's kind and resource, and what said so.
public struct Classification: Sendable, Equatable {
    public var kind: DocumentKind
    public var resource: LaunchResource?
    /// "the --kind flag", "the modeline on line 1", "its $schema", "its keys".
    public var origin: String

    public init(kind: DocumentKind, resource: LaunchResource? = nil, origin: String) {
        self.kind = kind
        self.resource = resource
        self.origin = origin
    }
}
