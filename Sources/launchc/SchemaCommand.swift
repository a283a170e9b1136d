import ArgumentParser
import LaunchcCore

struct Schema: ParsableCommand, PipelineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema bundled with launchc, or list them.",
        discussion: CommandHelp.schema
    )

    @Flag(name: .shortAndLong, help: "List the bundled schemas: name and $id.")
    var list = false

    @Argument(help: "A schema's name (from --list) or its $id.", completion: .list(BundledSchemas.catalog.map(\.name)))
    var name: String?

    func validate() throws { try usage(SchemaPipeline.problems(name: name, list: list)) }

    func outcome(environment: RunEnvironment) -> Outcome { SchemaPipeline.run(name: name, list: list) }

    var color: ColorMode { .auto }
}
