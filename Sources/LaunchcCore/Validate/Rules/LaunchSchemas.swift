/// The bundled schemas for each kind of document. Each is compiled on first use, on its own,
/// so that checking an agent config never pays for the Kubernetes schema.
public struct LaunchSchemas: Sendable {
    public static let shared = LaunchSchemas()

    /// One compiled schema and its root.
    public struct Compiled: Sendable {
        public let set: SchemaSet
        public let root: Int
    }

    // Static lets are initialised once, on first use, safely across threads.
    private static let agent = compile("agent")
    private static let queue = compile("queue")
    private static let launchSpec = compile("launch-spec")
    private static let launchcConfig = compile("launchc-config")
    /// The queue-config schema and the request schema, compiled together: the request's
    /// shapes are the queue config's, so they are compiled once.
    private static let sageMakerPair = compile(["sagemaker", "sagemaker-request"])
    private static let sagemaker = sageMakerPair?[0]
    private static let kubernetes = compile("kubernetes")
    private static let vertex = compile("gcp-vertex")
    private static let localContainer = compile("local-container")
    private static let localProcess = compile("local-process")
    private static let sageMakerRequest = sageMakerPair?[1]
    private static let vertexCustomJob = compile("vertex-custom-job")

    static func compile(_ name: String) -> Compiled? { compile([name])?.first }

    /// Bundled schemas compiled into one set, in order; nil if one is not bundled.
    static func compile(_ names: [String]) -> [Compiled]? {
        var compiler = SchemaCompiler(loader: BundledSchemas.loader)
        compiler.deferPatterns = true
        compiler.findsCycles = false
        var roots: [Int] = []
        for name in names {
            guard let entry = BundledSchemas.catalog.first(where: { $0.name == name }),
                  let document = BundledSchemas.document(id: entry.id) else { return nil }
            roots.append(compiler.add(document, uri: entry.id))
        }
        compiler.finish()
        // The bundled schemas are tested to compile (SchemaEngineTests); a failure here is a bug.
        precondition(compiler.errors.isEmpty, "bundled schemas \(names) do not compile: \(compiler.errors)")
        return roots.map { Compiled(set: compiler.set, root: $0) }
    }

    /// The schema a document of this kind (and resource) is checked against, if launchc has one.
    public func schema(for classification: Classification) -> Compiled? {
        switch classification.kind {
        case .agent: return Self.agent
        case .queue: return Self.queue
        case .launchSpec: return Self.launchSpec
        case .launchcConfig: return Self.launchcConfig
        case .data, .resourceArgs: return nil
        case .queueConfig:
            switch classification.resource {
            case .sagemaker?: return Self.sagemaker
            case .kubernetes?: return Self.kubernetes
            case .localContainer?: return Self.localContainer
            case .localProcess?: return Self.localProcess
            case .gcpVertex?: return Self.vertex
            case nil: return nil
            }
        }
    }

    /// The schema of the SageMaker API's CreateTrainingJob request (what `render` produces).
    public var sageMakerRequest: Compiled? { Self.sageMakerRequest }

    /// The schema of the Vertex AI API's CustomJob (what `render` produces).
    public var vertexCustomJob: Compiled? { Self.vertexCustomJob }

    /// The schema of a resource's queue config.
    public func schema(for resource: LaunchResource) -> Compiled? {
        schema(for: Classification(kind: .queueConfig, resource: resource, origin: ""))
    }
}
