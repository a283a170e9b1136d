/// What `launchc policy` is asked to do.
public struct PolicyRequest: Sendable, Equatable {
    /// The agent config: a path, `-` for standard input.
    public var agentConfig = ""
    /// The queues: queue definitions or queue configs; each document of a stream is one.
    public var queues: [String] = []
    public var resource: LaunchResource?
    public var awsAccount: String?
    public var awsPartition: String?
    public var gcpProject: String?
    public var format: PolicyFormat = .text
    public var compact = false
    public var strict = false
    public var output: String?
    public var input = InputOptions()

    public init() {}

    static let partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]

    /// What is wrong with the request itself (LC1901), before anything is read.
    public func problems() -> [Diagnostic] {
        var out: [String] = []
        if let awsAccount, awsAccount.count != 12 || !awsAccount.allSatisfy({ $0.isASCII && $0.isNumber }) {
            out.append("--aws-account takes the 12-digit account id, not '\(awsAccount)'")
        }
        if let awsPartition, !Self.partitions.contains(awsPartition) {
            out.append("--aws-partition must be an AWS partition such as aws, aws-cn or aws-us-gov, not '\(awsPartition)'")
        }
        return out.map { Diagnostic(.usageError, $0, at: .invocation) }
    }
}

/// Output formats for `policy`.
public enum PolicyFormat: String, Sendable, CaseIterable {
    case text, json
}

/// `policy`: read → parse → classify the agent config and the queues → the permissions they need.
public enum PolicyPipeline {
    /// One input's documents, and what each is.
    typealias Loaded = (file: SourceFile, documents: [(root: Node, kind: Classification?)])

    /// What became of reading one input.
    enum Read {
        /// It could not be read: its report is in the outcome, and the run stops.
        case unreadable
        /// It does not parse: its errors are in the findings, and no permissions are printed.
        case unparsed
        case loaded(Loaded)
    }

    /// Why the run stops before printing anything: its finding about the inputs (LC1903).
    struct Refusal: Error {
        var finding: Diagnostic
    }

    public static func run(_ request: PolicyRequest, environment: RunEnvironment) -> Outcome {
        var outcome = Outcome()
        let style = environment.style(.standardError, mode: request.input.color)
        if let problem = request.problems().first {
            outcome.fail(problem, style: style)
            return outcome
        }
        var diagnostics: [Diagnostic] = []
        do {
            guard let (agent, queues) = try load(request, diagnostics: &diagnostics, outcome: &outcome, style: style) else {
                // An input that cannot be read has said so, and the run stops there. One that
                // does not parse: permissions from the other files alone would look complete.
                if outcome.status == 0 {
                    outcome.report(diagnostics, style: style)
                    outcome.status = 1
                }
                return outcome
            }
            var facts = PolicyGenerator.Facts()
            facts.awsAccount = request.awsAccount
            facts.awsPartition = request.awsPartition
            facts.gcpProject = request.gcpProject
            let report = PolicyGenerator(facts: facts).generate(agent: agent.root, agentFile: agent.file, queues: queues)
            diagnostics += report.diagnostics
            outcome.report(diagnostics, style: style)
            let text = request.format == .json ? CanonicalJSON.string(report.json, indent: request.compact ? nil : 2) + "\n" : report.text
            if let output = request.output { outcome.file(output, text) } else { outcome.write(text) }
            let failing: Severity = request.strict ? .warning : .error
            outcome.status = diagnostics.contains(where: { $0.severity >= failing }) ? 1 : 0
        } catch let refusal as Refusal {
            // Only the refusal: what else the files hold is check's business.
            outcome.fail(refusal.finding, style: style)
        } catch {
            outcome.status = 2
        }
        return outcome
    }

    /// The agent config and the queues, or nil when one does not parse (its findings are in
    /// `diagnostics`) or cannot be read (its report is in `outcome`, with the status).
    static func load(_ request: PolicyRequest, diagnostics: inout [Diagnostic], outcome: inout Outcome, style: ReportStyle) throws
        -> (agent: (file: SourceFile, root: Node), queues: [PolicyGenerator.Queue])? {
        var unparsed = false
        var agent: (file: SourceFile, root: Node)?
        switch try load(request.agentConfig, classifier: Classifier(), request: request, diagnostics: &diagnostics, outcome: &outcome, style: style) {
        case .unreadable:
            return nil
        case .unparsed:
            unparsed = true
        case .loaded(let loadedAgent):
            guard loadedAgent.documents.count == 1 else {
                throw refusal("\(loadedAgent.file.path) holds \(loadedAgent.documents.count) documents; the agent config is one")
            }
            guard let kind = loadedAgent.documents[0].kind, kind.kind == .agent else {
                let what = loadedAgent.documents[0].kind.map { "reads as \($0.kind.title)" } ?? "does not read as one (say so with a '# launchc: kind=agent' comment)"
                throw refusal("\(loadedAgent.file.path) is not an agent config: it \(what); give the agent config first")
            }
            agent = (loadedAgent.file, loadedAgent.documents[0].root)
        }
        var queues: [PolicyGenerator.Queue] = []
        let classifier = Classifier(resource: request.resource)
        for path in request.queues {
            let loaded: Loaded
            switch try load(path, classifier: classifier, request: request, diagnostics: &diagnostics, outcome: &outcome, style: style) {
            case .unreadable: return nil
            case .unparsed: unparsed = true; continue
            case .loaded(let read): loaded = read
            }
            // Every document of a YAML stream is a queue.
            for (n, document) in loaded.documents.enumerated() {
                let name = loaded.documents.count == 1 ? loaded.file.path : "\(loaded.file.path) (document \(n + 1))"
                switch (document.kind?.kind, document.kind?.resource) {
                case (.queue?, _):
                    guard case .string(let text)? = document.root["resource"]?.value, let resource = LaunchResource(name: text),
                          let config = document.root["config"] else {
                        throw refusal("\(name): the queue definition needs a resource and a config")
                    }
                    queues.append(PolicyGenerator.Queue(file: loaded.file, resource: resource, config: config, definition: document.root))
                case (.queueConfig?, let resource?):
                    queues.append(PolicyGenerator.Queue(file: loaded.file, resource: resource, config: document.root))
                default:
                    let what = document.kind.map { " (it reads as \($0.kind.title))" } ?? ""
                    let hint = request.resource == nil ? "; for a bare queue config, say which resource with --resource" : ""
                    throw refusal("\(name) is not a queue definition or a queue config\(what)\(hint)")
                }
            }
        }
        guard !unparsed, let agent else { return nil }
        return (agent, queues)
    }

    /// One input, read, parsed and classified.
    static func load(_ path: String, classifier: Classifier, request: PolicyRequest, diagnostics: inout [Diagnostic],
                     outcome: inout Outcome, style: ReportStyle) throws -> Read {
        let limits = request.input.limits
        switch Checker.read(request.input.input(path), limits: limits) {
        case .failure(let report):
            let run = RunReport(files: [report], strict: false)
            outcome.diagnostics += report.diagnostics
            outcome.write(TextReporter(style: style).render(run), to: .standardError)
            outcome.status = run.exitCode
            return .unreadable
        case .success(let file):
            let parsed = DocumentParser.parse(file, limits: limits)
            // What stops reading the file is policy's business; warnings are check's.
            diagnostics += parsed.diagnostics.filter { $0.severity == .error }
            guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return .unparsed }
            guard parsed.documents.contains(where: { $0.root.value != .null }) else { throw refusal("\(file.path) is empty") }
            let kinds = classifier.classify(parsed).classifications
            // An empty document (a stream's trailing '---') is no queue.
            let documents = parsed.documents.enumerated().filter { $0.element.root.value != .null }.map { ($1.root, $0 < kinds.count ? kinds[$0] : nil) }
            return .loaded((file, documents))
        }
    }

    static func refusal(_ message: String) -> Refusal {
        Refusal(finding: Diagnostic(.unsuitableInput, message, at: .invocation))
    }
}
