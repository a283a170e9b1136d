/// The schemas compiled into launchc (see `schemas/`, embedded by `make schemas`).
public enum BundledSchemas {
    /// A bundled schema's parsed root, by `$id` (without fragment).
    public static func document(id: String) -> Node? {
        guard let entry = documents.first(where: { $0.id == id }) else { return nil }
        return DocumentParser.parse(SourceFile(path: entry.path, text: entry.text), format: .json).documents.first?.root
    }

    /// Every bundled schema's `$id`.
    public static var ids: [String] { documents.map(\.id) }

    /// A loader for `SchemaCompiler` that serves the bundled schemas.
    public static let loader: @Sendable (String) -> Node? = { document(id: $0) }
}
