import ArgumentParser
import LaunchcCore

struct Schema: ParsableCommand, PipelineCommand {
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

    func validate() throws { try usage(SchemaPipeline.problems(name: name, list: list)) }

    func outcome(environment: RunEnvironment) -> Outcome { SchemaPipeline.run(name: name, list: list) }

    var color: ColorMode { .auto }
}
