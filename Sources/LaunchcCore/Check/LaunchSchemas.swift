/// The bundled schemas for each kind of document, compiled once per process on first use.
public struct LaunchSchemas: Sendable {
    public static let shared = LaunchSchemas()

    public let set: SchemaSet
    private let roots: [String: Int]

    init() {
        var compiler = SchemaCompiler(loader: BundledSchemas.loader)
        var roots: [String: Int] = [:]
        for entry in BundledSchemas.catalog where !entry.name.hasPrefix("meta/") {
            guard let document = BundledSchemas.document(id: entry.id) else { continue }
            roots[entry.name] = compiler.add(document, uri: entry.id)
        }
        compiler.finish()
        // The bundled schemas are tested to compile (SchemaEngineTests); a failure here is a bug.
        precondition(compiler.errors.isEmpty, "bundled schemas do not compile: \(compiler.errors)")
        set = compiler.set
        self.roots = roots
    }

    /// The schema a document of this kind (and resource) is checked against, if launchc has one.
    public func root(for classification: Classification) -> Int? {
        switch classification.kind {
        case .agent: return roots["agent"]
        case .queue: return roots["queue"]
        case .launchSpec: return roots["launch-spec"]
        case .queueConfig: return classification.resource.flatMap { roots[$0.rawValue] }
        case .data: return nil
        }
    }
}
