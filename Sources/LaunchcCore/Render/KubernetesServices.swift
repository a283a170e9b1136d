/// The launch spec's `additional_services`, as the Kubernetes runner creates them before the
/// Job (wandb 0.31.0, `KubernetesRunner._prepare_resource`): each item's `config`, macro-filled,
/// labelled with the run, given the run's `WANDB_CONFIG` and the API key, checked for the keys the
/// agent refuses, hardened, and with every name made label-safe.
enum KubernetesServices {
    /// The objects to create, in order, or the agent's error for the first it refuses.
    /// - Parameters:
    ///   - services: the spec's `additional_services`, macro-filled.
    ///   - secretName: the API-key Secret's name, when the agent creates one.
    static func build(_ services: Node, launch: JobLaunch, secretName: String?) -> (objects: [Node], refusal: String?) {
        guard case .array(let items) = services.value else { return ([], nil) }
        let run = launch.run
        // Never empty: it starts with "aux".
        let auxiliary = labelSafe("aux-\(run.entity)-\(run.project.pythonLowercased)-\(run.runID)") ?? "aux"
        let variables = JobEnvironment.variables(run, maxLength: JobEnvironment.defaultLimit)
        let config = variables.first { $0.name == "WANDB_CONFIG" }?.value ?? "{}"
        var out: [Node] = []
        for item in items {
            // Items without a config (or with an empty one) are skipped.
            guard let given = item["config"], given.value.isTruthy else { continue }
            var manifest = MJSON(given)
            for (key, value) in [("wandb.ai/run-id", run.runID), ("wandb.ai/created-by", "launch-agent"), ("wandb.ai/auxiliary-resource", auxiliary)] {
                KubernetesCustomResource.labelResource(&manifest, key, value)
            }
            var wandbConfig = [(name: "WANDB_CONFIG", value: config)]
            KubernetesCustomResource.addWandbEnvironment(&manifest, &wandbConfig, launch.origins)
            KubernetesJob.addLabelToPods(&manifest, "wandb.ai/auxiliary-resource", auxiliary)
            if let secretName {
                KubernetesJob.forEachContainer(&manifest) { container in
                    var env = container["env"]?.array ?? []
                    env.append(.object(MObject([
                        ("name", .string("WANDB_API_KEY")),
                        ("valueFrom", .object(MObject([("secretKeyRef", .object(MObject([("name", .string(secretName)), ("key", .string("password"))])))]))),
                    ])))
                    container["env"] = .array(env, container["env"]?.range ?? .made)
                }
            }
            if let refused = KubernetesRules.agentRefusal(manifest.node) { return (out, refused) }
            KubernetesJob.injectSecurityContext(&manifest)
            if let bad = sanitizeIdentifiers(&manifest) {
                return (out, "Failed to create Kubernetes resource: Invalid value for Kubernetes label: \(bad)")
            }
            out.append(manifest.node)
        }
        return (out, nil)
    }

    /// `sanitize_identifiers_for_k8s`: `metadata.name`, every container's name and every string
    /// under a `name` key anywhere (environment variable names too) made label-safe. Returns a
    /// name that has nothing label-safe in it (the agent fails the job on it).
    static func sanitizeIdentifiers(_ value: inout MJSON) -> String? {
        var bad: String?
        func safe(_ text: String) -> String {
            if let made = labelSafe(text) { return made }
            bad = bad ?? text
            return text
        }
        switch value {
        case .array(var items, let range):
            for i in items.indices { if let b = sanitizeIdentifiers(&items[i]) { bad = bad ?? b } }
            value = .array(items, range)
        case .object(var object):
            if var metadata = object["metadata"]?.object, let name = metadata["name"], name.isTruthy {
                metadata["name"] = .string(safe(PythonText.str(name.node.value)), name.range)
                object["metadata"] = .object(metadata)
            }
            var here = MJSON.object(object)
            KubernetesJob.forEachContainer(&here) { container in
                if let name = container["name"], name.isTruthy { container["name"] = .string(safe(PythonText.str(name.node.value)), name.range) }
            }
            guard case .object(var walked) = here else { return bad }
            for i in walked.entries.indices {
                switch walked.entries[i].1 {
                case .object, .array:
                    if let b = sanitizeIdentifiers(&walked.entries[i].1) { bad = bad ?? b }
                case .scalar(.string(let text), let range) where walked.entries[i].0 == "name":
                    walked.entries[i].1 = .string(safe(text), range)
                default:
                    break
                }
            }
            value = .object(walked)
        default:
            break
        }
        return bad
    }

    /// `make_k8s_label_safe`: `_` as `-`, lower-cased, only `[a-z0-9-]` kept, runs of `-` made
    /// one, cut to 63 and trimmed of `-`; nil when nothing is left.
    static func labelSafe(_ value: String) -> String? {
        var out: [Unicode.Scalar] = []
        for scalar in String(value.map { $0 == "_" ? "-" : $0 }).pythonLowercased.unicodeScalars
        where ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" {
            if scalar == "-" && out.last == "-" { continue }
            out.append(scalar)
        }
        var text = Substring(String(String.UnicodeScalarView(out.prefix(63))))
        while text.hasPrefix("-") { text = text.dropFirst() }
        while text.hasSuffix("-") { text = text.dropLast() }
        return text.isEmpty ? nil : String(text)
    }
}
