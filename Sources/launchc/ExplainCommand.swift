import ArgumentParser
import LaunchcCore

struct Explain: ParsableCommand, PipelineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a diagnostic code, with an example of the problem and its fix.",
        discussion: CommandHelp.explain
    )

    @Argument(help: "A code such as LC1101, or its name such as duplicate-key.", completion: .list(DiagnosticID.all.map(\.code)))
    var code: String?

    func validate() throws { try usage(ExplainPipeline.problems(code: code)) }

    func outcome(environment: RunEnvironment) -> Outcome { ExplainPipeline.run(code: code) }

    var color: ColorMode { .auto }
}
