internal import LaunchcSchemaTexts

/// The schemas compiled into launchc (see `schemas/`, embedded by `make schemas`).
///
/// Each of launchc's own schemas is embedded twice: as written, with the titles, descriptions
/// and examples editors show (`text(named:)`, what `launchc schema` prints), and as a compact
/// validation copy without the annotations the validator never reads, which is what checks parse
/// and compile (`document(id:)`). scripts/embed-schemas.py says exactly what the copy leaves out.
public enum BundledSchemas {
    static var documents: [(path: String, id: String, text: String, validation: String?)] { SchemaTexts.documents }

    /// A bundled schema's parsed root for validation, by `$id` (without fragment).
    public static func document(id: String) -> Node? {
        guard let entry = documents.first(where: { $0.id == id }) else { return nil }
        return TrustedJSON.parse(entry.validation ?? entry.text)
    }

    /// A bundled schema's parsed root as written, annotations included, by `$id`.
    public static func annotatedDocument(id: String) -> Node? {
        guard let entry = documents.first(where: { $0.id == id }) else { return nil }
        return TrustedJSON.parse(entry.text)
    }

    /// Every bundled schema's `$id`.
    public static var ids: [String] { documents.map(\.id) }

    /// A bundled schema's short name: its path under `schemas/` without `.json`
    /// (`meta/draft2020-12/schema`).
    public static func name(ofPath path: String) -> String {
        var name = path.hasPrefix("schemas/") ? String(path.dropFirst("schemas/".count)) : path
        if name.hasSuffix(".json") { name.removeLast(5) }
        return name
    }

    /// (name, `$id`, text as written) of every bundled schema, by name.
    public static var catalog: [(name: String, id: String, text: String)] {
        documents.map { (name(ofPath: $0.path), $0.id, $0.text) }.sorted { $0.name < $1.name }
    }

    /// A bundled schema's text as written, by name or `$id`.
    public static func text(named name: String) -> String? {
        catalog.first { $0.name == name || $0.id == name }?.text
    }

    /// A loader for `SchemaCompiler` that serves the bundled schemas.
    public static let loader: @Sendable (String) -> Node? = { document(id: $0) }
}
