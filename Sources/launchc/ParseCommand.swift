import ArgumentParser
import LaunchcCore

struct Parse: ParsableCommand, PipelineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a file's parsed document as canonical JSON.",
        discussion: CommandHelp.parse
    )

    @Argument(help: "The file to parse ('-' for standard input).")
    var file: String

    @Flag(name: .customLong("all-documents"), help: "Print every document of a YAML stream, as a JSON array.")
    var allDocuments = false

    @Flag(help: "Print on one line.")
    var compact = false

    @OptionGroup var input: InputOptionGroup

    /// What the options ask for.
    var request: ParseRequest {
        var r = ParseRequest()
        (r.file, r.allDocuments, r.compact, r.input) = (file, allDocuments, compact, input.options)
        return r
    }

    func outcome(environment: RunEnvironment) -> Outcome { ParsePipeline.run(request, environment: environment) }

    var color: ColorMode { input.color }
}

