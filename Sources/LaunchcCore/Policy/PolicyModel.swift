/// What `launchc policy` prints: for each principal (the agent's identity, a SageMaker execution
/// role, a Vertex job's service account), the permissions it needs, narrowed to the resources
/// the configs name.
public struct PolicyReport: Sendable {
    public var principals: [Principal] = []
    /// Parse failures of the inputs, and where the configs leave a resource open (LC40xx).
    public var diagnostics: [Diagnostic] = []

    public init(principals: [Principal] = [], diagnostics: [Diagnostic] = []) {
        self.principals = principals
        self.diagnostics = diagnostics
    }
}

public struct Principal: Sendable {
    public enum Cloud: String, Sendable { case aws, gcp, azure }

    public enum Permissions: Sendable {
        /// An IAM policy document's statements.
        case aws([AWSStatement])
        /// GCP permissions and Azure roles, each on one resource.
        case grants([Grant])
    }

    public var cloud: Cloud
    /// A stable name: `agent`, `sagemaker-execution-role`, `vertex-job`.
    public var id: String
    /// Who this is, in words.
    public var title: String
    /// The identity, when the configs name it (a role ARN, a service account's email).
    public var identity: String?
    public var permissions: Permissions
    /// Widened segments, what the permissions serve, and what they leave out.
    public var notes: [String] = []
}

/// One `Allow` statement of an IAM policy.
public struct AWSStatement: Sendable, Equatable {
    public struct Condition: Sendable, Equatable {
        public var op: String
        public var key: String
        public var values: [String]
    }

    public var sid: String
    public var actions: [String]
    public var resources: [String]
    public var conditions: [Condition] = []
}

/// A GCP permission list or an Azure role, on one resource.
public struct Grant: Sendable, Equatable {
    /// The predefined role that holds these permissions (Azure's name; GCP's `roles/...`).
    public var role: String?
    public var permissions: [String]
    public var resource: String
    /// A GCP IAM condition (CEL), when the grant is narrower than the resource.
    public var condition: String?
}

extension PolicyReport {
    /// `--format json`: `{"principals": [...]}`.
    public var json: Node {
        func texts(_ list: [String]) -> Node { Node.made(.array(list.map(stringNode))) }
        var items: [Node] = []
        for principal in principals {
            var members = [Member.made("cloud", stringNode(principal.cloud.rawValue)), Member.made("principal", stringNode(principal.id)),
                           Member.made("title", stringNode(principal.title))]
            if let identity = principal.identity { members.append(Member.made("identity", stringNode(identity))) }
            switch principal.permissions {
            case .aws(let statements): members.append(Member.made("policy", Self.document(statements)))
            case .grants(let grants):
                members.append(Member.made("grants", Node.made(.array(grants.map { grant in
                    var g: [Member] = []
                    if let role = grant.role { g.append(Member.made("role", stringNode(role))) }
                    g += [Member.made("permissions", texts(grant.permissions)), Member.made("resource", stringNode(grant.resource))]
                    if let condition = grant.condition { g.append(Member.made("condition", stringNode(condition))) }
                    return Node.made(.object(g))
                }))))
            }
            members.append(Member.made("notes", texts(principal.notes)))
            items.append(Node.made(.object(members)))
        }
        return Node.made(.object([Member.made("principals", Node.made(.array(items)))]))
    }

    /// An IAM policy document, as IAM takes it: a lone action or resource as a string.
    static func document(_ statements: [AWSStatement]) -> Node {
        func oneOrMany(_ list: [String]) -> Node { list.count == 1 ? stringNode(list[0]) : Node.made(.array(list.map(stringNode))) }
        let items = statements.map { s -> Node in
            var m = [Member.made("Sid", stringNode(s.sid)), Member.made("Effect", stringNode("Allow")), Member.made("Action", oneOrMany(s.actions)),
                     Member.made("Resource", oneOrMany(s.resources))]
            if !s.conditions.isEmpty {
                var ops: [Member] = []
                for c in s.conditions {
                    let entry = Member.made(c.key, oneOrMany(c.values))
                    if let i = ops.firstIndex(where: { $0.key == c.op }), case .object(let existing) = ops[i].value.value {
                        ops[i] = Member.made(c.op, Node.made(.object(existing + [entry])))
                    } else {
                        ops.append(Member.made(c.op, Node.made(.object([entry]))))
                    }
                }
                m.append(Member.made("Condition", Node.made(.object(ops))))
            }
            return Node.made(.object(m))
        }
        return Node.made(.object([Member.made("Version", stringNode("2012-10-17")), Member.made("Statement", Node.made(.array(items)))]))
    }

    /// `--format text`: each principal under a `#` heading; AWS policies as JSON to paste into
    /// IAM, grants one per line.
    public var text: String {
        var out = ""
        for (n, principal) in principals.enumerated() {
            if n > 0 { out += "\n" }
            out += "# \(principal.cloud.rawValue.uppercased()): \(principal.title)\n"
            if let identity = principal.identity { out += "#   \(identity)\n" }
            switch principal.permissions {
            case .aws(let statements):
                out += CanonicalJSON.string(Self.document(statements), indent: 2) + "\n"
            case .grants(let grants):
                for grant in grants {
                    out += "\(grant.role.map { "role \($0)" } ?? "permissions") on \(grant.resource)\n"
                    if let condition = grant.condition { out += "  when \(condition)\n" }
                    for permission in grant.permissions { out += "  \(permission)\n" }
                }
            }
            for note in principal.notes { out += "# note: \(note)\n" }
        }
        return out
    }
}

/// A string node launchc makes.
private func stringNode(_ s: String) -> Node { Node.made(.string(s)) }
