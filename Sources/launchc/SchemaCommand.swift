import ArgumentParser
import LaunchcCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema bundled with launchc, or list them.",
        discussion: """
            The schemas launchc checks documents with are compiled into the binary; this prints \
            them exactly, with the titles, descriptions and examples editors show, for editors \
            (VS Code, yaml-language-server) and for other validators. Their $ids are not served: \
            write them to files, and name those in a yaml-language-server modeline or in the \
            editor's settings (the README's "Editors" section shows how).

            Examples:
              launchc schema --list
              launchc schema sagemaker > .launchc/schemas/sagemaker.json
              launchc schema meta/draft2020-12/schema > schema.json
            """
    )

    @Flag(name: .shortAndLong, help: "List the bundled schemas: name and $id.")
    var list = false

    @Argument(help: "A schema's name (from --list) or its $id.", completion: .list(BundledSchemas.catalog.map(\.name)))
    var name: String?

    func validate() throws {
        if list && name != nil { throw ValidationError("give a schema name or --list, not both") }
        if !list && name == nil { throw ValidationError("give a schema name, or --list to see them") }
        if let name, BundledSchemas.text(named: name) == nil {
            throw ValidationError("no bundled schema is named '\(name)'; 'launchc schema --list' shows them")
        }
    }

    func run() throws {
        if list {
            let catalog = BundledSchemas.catalog
            let width = catalog.map(\.name.count).max() ?? 0
            for entry in catalog {
                Output.write(entry.name + String(repeating: " ", count: width - entry.name.count + 2) + entry.id + "\n")
            }
        } else if let name, let text = BundledSchemas.text(named: name) {
            Output.write(text + "\n")
        }
    }
}
