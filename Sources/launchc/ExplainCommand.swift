import ArgumentParser
import LaunchcCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a diagnostic code, with an example of the problem and its fix.",
        discussion: """
            Without a code, lists every code launchc reports.

            Examples:
              launchc explain
              launchc explain LC1101
              launchc explain duplicate-key
            """
    )

    @Argument(help: "A code such as LC1101, or its name such as duplicate-key.", completion: .list(DiagnosticID.all.map(\.code)))
    var code: String?

    func validate() throws {
        if let code, DiagnosticID.lookup(code) == nil {
            throw ValidationError("unknown diagnostic code '\(code)'; 'launchc explain' lists them all")
        }
    }

    func run() throws {
        guard let code, let id = DiagnosticID.lookup(code) else {
            Output.write(Explanation.list())
            return
        }
        Output.write(Explanation.text(for: id))
    }
}
