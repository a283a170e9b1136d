@testable import LaunchcCore
import Testing

/// The library's pipelines called as an editor or another program would: requests built in
/// code, documents in memory, the terminal and the environment given, not inherited.
@Suite struct PipelineBufferTests {
    /// The outcome's texts per stream and its status, with the run's colouring decided by
    /// `environment` as the executable decides it.
    static func carryOut(_ outcome: Outcome, environment: RunEnvironment, color: ColorMode = .auto) -> (status: Int32, stdout: String, stderr: String) {
        var (stdout, stderr) = ("", "")
        let status = Emitter.perform(outcome, environment: environment, color: color, write: { text, stream in
            if stream == .standardOutput { stdout += text } else { stderr += text }
        }, found: { _ in })
        return (status, stdout, stderr)
    }

    static func check(_ request: CheckRequest, _ environment: RunEnvironment = RunEnvironment()) -> (status: Int32, stdout: String, stderr: String) {
        carryOut(CheckPipeline.run(request, environment: environment), environment: environment, color: request.input.color)
    }

    /// A buffer under a file's own path reports exactly what the file on disk reports.
    @Test func aBufferReportsAsTheFileWould() throws {
        let path = "fixtures/syntax/duplicate-key.yaml"
        var onDisk = CheckRequest()
        onDisk.paths = [path]
        var inMemory = CheckRequest()
        inMemory.buffers = [InputBuffer(path: path, bytes: try Package.source(path).bytes)]
        let disk = Self.check(onDisk), memory = Self.check(inMemory)
        #expect(disk.status == 1)
        #expect(memory.status == disk.status && memory.stdout == disk.stdout && memory.stderr == disk.stderr)
    }

    /// What the buffer says counts, not what is on disk: an unsaved edit, under a path that
    /// may not exist at all, in each report format.
    @Test func theBufferNotTheDiskIsChecked() {
        var request = CheckRequest()
        request.buffers = [InputBuffer(path: "queues/unsaved.json", text: "{\"a\": 1,}\n")]
        let text = Self.check(request)
        #expect(text.status == 1)
        #expect(text.stdout == """
            queues/unsaved.json:1:8: error[LC1303]: trailing comma before '}'
               1 | {"a": 1,}
                 |        ^
                 = help: remove the comma

            checked 1 file: 1 error

            """)
        request.destinations = [ReportDestination(format: .github)]
        #expect(Self.check(request).stdout.hasPrefix("::error file=queues/unsaved.json,line=1,col=8,endLine=1,endColumn=9,title=LC1303"))

        request.buffers = [InputBuffer(path: "fixtures/syntax/duplicate-key.yaml", text: "resource: sagemaker\n")]
        request.destinations = []
        request.kind = .data
        let clean = Self.check(request)
        #expect(clean.status == 0 && !clean.stdout.contains("LC1101"))
    }

    /// A request with nothing to check is a usage error with its code, not an empty run.
    @Test func nothingToCheckIsAUsageError() {
        let outcome = CheckPipeline.run(CheckRequest(), environment: RunEnvironment())
        #expect(outcome.status == 2)
        #expect(outcome.diagnostics.map(\.id.code) == ["LC1901"])
    }

    /// Colour follows the terminal flags and NO_COLOR of the environment given, per stream.
    @Test func colourComesFromTheRunEnvironment() {
        let plain = RunEnvironment()
        let terminal = RunEnvironment(standardOutputIsTerminal: true)
        let errorsOnly = RunEnvironment(standardErrorIsTerminal: true)
        let noColor = RunEnvironment(standardOutputIsTerminal: true, variables: ["NO_COLOR": "1"])
        let emptyNoColor = RunEnvironment(standardOutputIsTerminal: true, variables: ["NO_COLOR": ""])
        #expect(!plain.colors(.standardOutput, mode: .auto))
        #expect(terminal.colors(.standardOutput, mode: .auto) && !terminal.colors(.standardError, mode: .auto))
        #expect(errorsOnly.colors(.standardError, mode: .auto) && !errorsOnly.colors(.standardOutput, mode: .auto))
        #expect(!noColor.colors(.standardOutput, mode: .auto) && noColor.colors(.standardOutput, mode: .always))
        #expect(emptyNoColor.colors(.standardOutput, mode: .auto))
        #expect(!terminal.colors(.standardOutput, mode: .never))

        var request = CheckRequest()
        request.buffers = [InputBuffer(path: "q.json", text: "{\"a\": 1,}\n")]
        let coloured = Self.check(request, terminal).stdout, uncoloured = Self.check(request, plain).stdout
        #expect(coloured.contains("\u{1B}[") && !uncoloured.contains("\u{1B}["))
        #expect(coloured.replacing(/\x1B\[[0-9;]*m/, with: "") == uncoloured)
        request.input.color = .never
        #expect(!Self.check(request, terminal).stdout.contains("\u{1B}["))
    }

    /// Inside GitHub Actions the default report is the text followed by workflow commands;
    /// an explicit --format wins.
    @Test func gitHubActionsAddsAnnotationsByDefault() {
        var request = CheckRequest()
        request.buffers = [InputBuffer(path: "q.json", text: "{\"a\": 1,}\n")]
        let actions = RunEnvironment(variables: ["GITHUB_ACTIONS": "true"])
        let text = Self.check(request).stdout
        let annotated = Self.check(request, actions).stdout
        #expect(annotated.hasPrefix(text) && annotated.dropFirst(text.count).hasPrefix("::error file=q.json,"))
        request.destinations = [ReportDestination(format: .json)]
        #expect(Self.check(request, actions).stdout == Self.check(request).stdout)
    }

    /// render takes its queue from memory too: the same body as from the file.
    @Test func renderTakesABuffer() throws {
        let path = "fixtures/queue/sagemaker-gpu.yaml"
        var fromDisk = RenderRequest()
        fromDisk.queue = path
        var fromMemory = RenderRequest()
        fromMemory.queue = path
        fromMemory.queueBuffer = InputBuffer(path: path, bytes: try Package.source(path).bytes)
        let environment = RunEnvironment()
        let disk = Self.carryOut(RenderPipeline.run(fromDisk, environment: environment), environment: environment)
        let memory = Self.carryOut(RenderPipeline.run(fromMemory, environment: environment), environment: environment)
        #expect(disk.status == 0 && disk.stdout.contains("\"TrainingJobName\""))
        #expect(memory.status == disk.status && memory.stdout == disk.stdout && memory.stderr == disk.stderr)
    }
}
