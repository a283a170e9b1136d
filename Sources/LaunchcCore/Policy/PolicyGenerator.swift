/// policy: the least-privilege permissions an agent config and its queues need,
/// per principal, from the calls wandb 0.31.0 makes (file and line in each note):
///
/// - the agent's AWS role: SageMaker `create_training_job`, `describe_training_job` and
///   `stop_training_job` (`runner/sagemaker_runner.py:104-109, 388-407`), CloudWatch Logs
///   `describe_log_streams` and `get_log_events` on `/aws/sagemaker/TrainingJobs` (`:52-73`),
///   passing the execution role, a KMS grant for an encrypted volume, ECR `get_authorization_token`
///   and `describe_images` (`registry/elastic_container_registry.py:141, 183`) plus the pushes of
///   the image the builder builds, and S3 `head_bucket` and `upload_file` for kaniko's build
///   context (`environment/aws_environment.py:224, 309`; `builder/kaniko_builder.py:244`);
/// - each SageMaker execution role: the S3 input channels, output and checkpoint paths the queue
///   names, pulling the training image, and the logs and metrics training jobs write;
/// - the agent's GCP identity: Vertex custom jobs (`runner/vertex_runner.py:183-215`), acting as
///   the job's service account, the kaniko context bucket (`environment/gcp_environment.py`) and
///   the Artifact Registry repository it pushes to (`registry/google_artifact_registry.py:209`);
/// - each Vertex job's service account: its output directory and its images;
/// - Azure: pushing to the ACR repository and writing the blob build context.
///
/// Values are read from the configs as written: a `{{template variable}}` or `${macro}` can differ
/// from one run to the next, so that segment of a resource becomes `*` and a note says so. What
/// the configs do not pin at all (a role's account, the region, a bucket chosen per run, the
/// image of a job) is a finding (LC4001, LC4002), and so is a URI no cloud's IAM can name (LC4003).
public struct PolicyGenerator {
    public struct Facts: Sendable {
        /// The agent's AWS account, for role names and when no role ARN names one.
        public var awsAccount: String?
        public var awsPartition: String?
        /// The agent's GCP project (default: `environment.project`, which the agent itself ignores).
        public var gcpProject: String?

        public init() {}
    }

    public struct Queue: Sendable {
        public var file: SourceFile
        public var resource: LaunchResource
        /// The queue config: a queue definition's `config`, or a bare queue config.
        public var config: Node
        /// The queue definition, for its template variables.
        public var definition: Node?

        public init(file: SourceFile, resource: LaunchResource, config: Node, definition: Node? = nil) {
            self.file = file
            self.resource = resource
            self.config = config
            self.definition = definition
        }
    }

    /// At most this many combinations of template-variable options are listed one by one;
    /// beyond it the variables' segments are widened to '*'.
    static let maxCombinations = 64

    /// The queue once per combination of the options of the template variables its config uses
    /// (a variable with `enum` takes only those values), with a note naming them; the queue
    /// itself when none has options.
    static func variants(of queue: Queue) -> (queues: [Queue], note: String?) {
        guard let definition = queue.definition else { return ([queue], nil) }
        let templates = TemplateVariables(queue: definition)
        var names: [String] = []
        for use in TemplateVariables.uses(in: queue.config) {
            for placeholder in use.placeholders where !names.contains(placeholder.name) { names.append(placeholder.name) }
        }
        let choices = names.compactMap { name -> (String, [Node])? in
            guard let options = templates.variable(name)?.options, !options.isEmpty,
                  options.allSatisfy({ if case .object = $0.value { false } else if case .array = $0.value { false } else { true } }) else { return nil }
            return (name, options)
        }
        // Counted so that it stops past the limit (a product of many options overflows).
        var count = 1
        for (_, options) in choices {
            count *= options.count
            if count > maxCombinations { return ([queue], nil) }
        }
        guard !choices.isEmpty else { return ([queue], nil) }
        var combinations: [[String: Node]] = [[:]]
        for (name, options) in choices {
            combinations = combinations.flatMap { partial in options.map { var c = partial; c[name] = $0; return c } }
        }
        let queues = combinations.map { values in
            Queue(file: queue.file, resource: queue.resource, config: TemplateVariables.fill(queue.config, with: values), definition: definition)
        }
        let listed = choices.map { name, options in
            "'{{\(name)}}' (\(options.map { TemplateVariables.text(of: $0) }.joined(separator: ", ")))"
        }.joined(separator: " and ")
        return (queues, "\(queue.file.path): template variable\(choices.count == 1 ? "" : "s") \(listed) \(choices.count == 1 ? "takes only its options" : "take only their options"), so the permissions cover each \(choices.count == 1 ? "of them" : "combination") by name")
    }

    public var facts: Facts

    public init(facts: Facts = Facts()) { self.facts = facts }

    public func generate(agent: Node, agentFile: SourceFile, queues: [Queue]) -> PolicyReport {
        var run = PolicyRun(facts: facts, agent: agent, agentFile: agentFile)
        run.builder()
        for queue in queues {
            let (variants, note) = Self.variants(of: queue)
            for variant in variants {
                switch variant.resource {
                case .sagemaker: run.sageMaker(variant)
                case .gcpVertex: run.vertex(variant)
                case .kubernetes, .localContainer, .localProcess: break
                }
            }
            switch queue.resource {
            case .sagemaker: run.awsAgent.note(note)
            case .gcpVertex: run.gcpAgent.note(note)
            case .kubernetes, .localContainer, .localProcess: break
            }
        }
        return run.report()
    }
}

/// A string of a config with its placeholders widened: each `{{name}}` and `${name}` is `*`.
struct PolicyValue {
    var raw: String
    var text: String
    var placeholders: [String]
    var span: SourceSpan
    var isPinned: Bool { placeholders.isEmpty }

    init?(_ node: Node?, in file: SourceFile) {
        guard let node, case .string(let raw) = node.value else { return nil }
        self.raw = raw
        self.span = SourceSpan(file: file, range: node.range)
        (text, placeholders) = Self.widen(raw)
    }

    static func widen(_ raw: String) -> (String, [String]) {
        guard raw.contains("{{") || raw.contains("${") else { return (raw, []) }
        var out = ""
        var found: [String] = []
        var rest = Substring(raw)
        while !rest.isEmpty {
            if rest.hasPrefix("{{"), let close = rest.firstRange(of: "}}") {
                found.append(String(rest[..<close.upperBound]))
                if !out.hasSuffix("*") { out += "*" }
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("${"), let close = rest.firstIndex(of: "}"),
                      rest[rest.index(rest.startIndex, offsetBy: 2)..<close].allSatisfy({ $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }),
                      close > rest.index(rest.startIndex, offsetBy: 2) {
                found.append(String(rest[...close]))
                if !out.hasSuffix("*") { out += "*" }
                rest = rest[rest.index(after: close)...]
            } else {
                out.append(rest.removeFirst())
            }
        }
        return (out, found)
    }

    /// `path:line:column` of the value.
    var place: String {
        let location = SourceLocationConverter(file: span.file).location(of: span.range?.start ?? 0)
        return "\(span.file.path):\(location.line):\(location.column)"
    }

    /// The note that says which segments were widened.
    var widenedNote: String? {
        if isPinned { return nil }
        let names = placeholders.map { "'\($0)'" }.joined(separator: ", ")
        return "'\(raw)' (\(place)): \(names) can differ per run, so \(placeholders.count == 1 ? "that segment is" : "those segments are") '*'"
    }
}

/// Cloud resource names parsed from URIs (after widening).
enum CloudURI {
    case s3(bucket: String, key: String)
    case gcs(bucket: String, prefix: String)
    case blob(account: String, container: String, prefix: String)
    case ecr(account: String, region: String, repository: String, partition: String)
    case gar(location: String, project: String, repository: String)
    case acr(registry: String, repository: String)

    static func storage(_ text: String) -> CloudURI? {
        func split(_ rest: Substring) -> (String, String)? {
            let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first, !first.isEmpty else { return nil }
            return (String(first), parts.count > 1 ? String(parts[1]) : "")
        }
        if text.hasPrefix("s3://"), let (bucket, key) = split(text.dropFirst(5)) { return .s3(bucket: bucket, key: key) }
        if text.hasPrefix("gs://"), let (bucket, key) = split(text.dropFirst(5)) { return .gcs(bucket: bucket, prefix: key) }
        if text.hasPrefix("https://"), let (host, path) = split(text.dropFirst(8)), host.hasSuffix(".blob.core.windows.net"),
           let (container, prefix) = split(Substring(path)) {
            return .blob(account: String(host.dropLast(".blob.core.windows.net".count)), container: container, prefix: prefix)
        }
        return nil
    }

    /// An image or registry URI: its repository, without a tag or digest.
    static func registry(_ text: String) -> CloudURI? {
        var rest = Substring(text)
        if rest.hasPrefix("https://") { rest = rest.dropFirst(8) }
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let host = parts[0].lowercased()
        var path = parts[1]
        if let at = path.firstIndex(of: "@") { path = path[..<at] }
        if let colon = path.lastIndex(of: ":"), !path[colon...].contains("/") { path = path[..<colon] }
        guard !path.isEmpty else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if labels.count >= 6, labels[1] == "dkr", labels[2] == "ecr", labels[4] == "amazonaws", labels[5] == "com" {
            return .ecr(account: labels[0], region: labels[3], repository: String(path), partition: labels.count == 7 && labels[6] == "cn" ? "aws-cn" : PolicyRun.partition(forRegion: labels[3]) ?? "aws")
        }
        if host.hasSuffix("-docker.pkg.dev") {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            guard segments.count >= 2, !segments[0].isEmpty, !segments[1].isEmpty else { return nil }
            return .gar(location: String(host.dropLast("-docker.pkg.dev".count)), project: String(segments[0]), repository: String(segments[1]))
        }
        if host.hasSuffix(".azurecr.io"), labels.count == 3 {
            return .acr(registry: labels[0], repository: String(path))
        }
        return nil
    }

    var isPinned: Bool {
        switch self {
        case .s3(let bucket, _), .gcs(let bucket, _): return !bucket.contains("*")
        case .blob(let account, let container, _): return !account.contains("*") && !container.contains("*")
        case .ecr(let account, let region, let repository, _): return !(account + region + repository).contains("*")
        case .gar(let location, let project, let repository): return !(location + project + repository).contains("*")
        case .acr(let registry, let repository): return !(registry + repository).contains("*")
        }
    }
}

/// Statements keyed by their `Sid`: adding a resource to a statement that exists widens its
/// resource list and the values of its conditions.
struct StatementSet {
    var statements: [AWSStatement] = []

    mutating func add(_ sid: String, _ actions: [String], _ resource: String, conditions: [AWSStatement.Condition] = []) {
        guard let i = statements.firstIndex(where: { $0.sid == sid }) else {
            statements.append(AWSStatement(sid: sid, actions: Array(Set(actions)).sorted(), resources: [resource], conditions: conditions))
            return
        }
        if !statements[i].resources.contains(resource) { statements[i].resources.append(resource) }
        for condition in conditions {
            if let j = statements[i].conditions.firstIndex(where: { $0.op == condition.op && $0.key == condition.key }) {
                for value in condition.values where !statements[i].conditions[j].values.contains(value) {
                    statements[i].conditions[j].values.append(value)
                }
            } else {
                statements[i].conditions.append(condition)
            }
        }
    }

    /// Whether an IAM resource pattern (`*` any run of characters) matches `text` whole.
    static func covers(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var i = 0, j = 0, star = -1, mark = 0
        while j < t.count {
            if i < p.count, p[i] == UInt8(ascii: "*") { star = i; mark = j; i += 1 }
            else if i < p.count, p[i] == t[j] { i += 1; j += 1 }
            else if star >= 0 { i = star + 1; mark += 1; j = mark }
            else { return false }
        }
        while i < p.count, p[i] == UInt8(ascii: "*") { i += 1 }
        return i == p.count
    }

    /// Sorted resources and condition values, without those a wildcard resource already covers.
    var finished: [AWSStatement] {
        statements.map { statement in
            var s = statement
            let wild = s.resources.filter { $0.contains("*") }
            s.resources = s.resources.filter { r in !wild.contains { $0 != r && Self.covers($0, r) } }.sorted()
            s.conditions = s.conditions.map { var c = $0; c.values.sort(); return c }
            return s
        }
    }
}

/// Grants keyed by resource, condition and role: permissions on the same one are merged.
struct GrantSet {
    var grants: [Grant] = []

    mutating func add(_ permissions: [String], on resource: String, role: String? = nil, condition: String? = nil) {
        if let i = grants.firstIndex(where: { $0.resource == resource && $0.condition == condition && $0.role == role }) {
            grants[i].permissions = Array(Set(grants[i].permissions + permissions)).sorted()
        } else {
            grants.append(Grant(role: role, permissions: permissions.sorted(), resource: resource, condition: condition))
        }
    }
}

/// One principal while its permissions are gathered.
struct PrincipalDraft {
    var cloud: Principal.Cloud
    var id: String
    var title: String
    var identity: String?
    var statements = StatementSet()
    var grants = GrantSet()
    /// Bucket → the key prefixes listed in it (nil: the whole bucket).
    var listings: [(bucket: String, partition: String, prefixes: [String]?)] = []
    var notes: [String] = []

    init(_ cloud: Principal.Cloud, _ id: String, _ title: String, identity: String? = nil) {
        self.cloud = cloud
        self.id = id
        self.title = title
        self.identity = identity
    }

    mutating func note(_ text: String?) {
        if let text, !notes.contains(text) { notes.append(text) }
    }

    /// `s3:ListBucket` on a bucket, for keys under `prefix` ("" for the whole bucket).
    mutating func list(bucket: String, partition: String, prefix: String) {
        let pattern = prefix.isEmpty || prefix == "*" ? nil : prefix.hasSuffix("*") ? prefix : prefix + "*"
        if let i = listings.firstIndex(where: { $0.bucket == bucket && $0.partition == partition }) {
            guard let pattern, var prefixes = listings[i].prefixes else { listings[i].prefixes = nil; return }
            if !prefixes.contains(pattern) { prefixes.append(pattern) }
            listings[i].prefixes = prefixes
        } else {
            listings.append((bucket, partition, pattern.map { [$0] }))
        }
    }

    var principal: Principal {
        var statements = self.statements
        var sids: Set<String> = Set(statements.statements.map(\.sid))
        for listing in listings {
            // One statement per bucket: a Sid two buckets would share ('my-data', 'my.data') is numbered.
            let words = listing.bucket.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            var name = "List" + (listing.bucket.contains("*") || words.isEmpty ? "AnyBucket" : words.joined())
            if sids.contains(name) {
                var n = 2
                while sids.contains(name + String(n)) { n += 1 }
                name += String(n)
            }
            sids.insert(name)
            statements.add(name, ["s3:ListBucket"], "arn:\(listing.partition):s3:::\(listing.bucket)",
                           conditions: listing.prefixes.map { [AWSStatement.Condition(op: "StringLike", key: "s3:prefix", values: $0)] } ?? [])
        }
        let permissions: Principal.Permissions = cloud == .aws ? .aws(statements.finished) : .grants(grants.grants)
        return Principal(cloud: cloud, id: id, title: title, identity: identity, permissions: permissions, notes: notes)
    }
}
