/// The Job the W&B agent creates from a Kubernetes queue config on the Job path (wandb 0.31.0
/// `KubernetesRunner._inject_defaults` and its helpers), key for key, in the
/// agent's order. Not covered yet: the code mount of base-image jobs and the image-pull secret
/// of the deprecated `registry` block.
public enum KubernetesJob {
    static let restrictedSecurityContext = MJSON.object(MObject([
        ("allowPrivilegeEscalation", .scalar(.bool(false))),
        ("capabilities", .object(MObject([("drop", .array([.string("ALL")]))]))),
        ("seccompProfile", .object(MObject([("type", .string("RuntimeDefault"))]))),
    ]))

    public struct Inputs: Sendable {
        /// Its config with macros filled.
        public var launch: JobLaunch
        /// The agent's name when it runs under an agent (labels, and the API key as a secret).
        public var agentName: String?
        /// The kubeconfig context's namespace, when there is one.
        public var contextNamespace: String?
        /// The agent's WANDB_RELEASE_NAME (its Helm release), which names the API-key Secret.
        public var releaseName: String?

        public init(_ launch: JobLaunch, agentName: String? = "launch-agent", contextNamespace: String? = nil) {
            self.launch = launch
            self.agentName = agentName
            self.contextNamespace = contextNamespace
        }
    }

    /// `get_namespace`: metadata.namespace, else the legacy top-level namespace, else the context's, else `default`.
    public static func namespace(of config: Node, context: String?) -> String {
        for candidate in [config["metadata"]?["namespace"], config["namespace"]] {
            if case .string(let s)? = candidate?.value, !s.isEmpty { return s }
        }
        return context ?? "default"
    }

    /// The API-key secret's name: `wandb-api-key-<run id>` (or `-<WANDB_RELEASE_NAME>`).
    public static func secretName(runID: String, releaseName: String? = nil) -> String {
        "wandb-api-key-" + (releaseName ?? runID)
    }

    public static func build(_ inputs: Inputs) -> Node {
        let launch = inputs.launch
        let config = MJSON(launch.config).object ?? MObject()
        let namespace = namespace(of: launch.config, context: inputs.contextNamespace)
        var job = MObject([("apiVersion", .string("batch/v1")), ("kind", .string("Job"))])
        job.update(config)

        var metadata = job["metadata"]?.object ?? MObject()
        var jobSpec = MObject([("backoffLimit", .scalar(.integer(0))), ("ttlSecondsAfterFinished", .scalar(.integer(60)))])
        jobSpec.update(job["spec"]?.object ?? MObject())
        var template = jobSpec["template"]?.object ?? MObject()
        var podSpec = MObject([("restartPolicy", .string("Never"))])
        podSpec.update(template["spec"]?.object ?? MObject())
        var containers = (podSpec["containers"]?.array ?? [.object(MObject())]).map { $0.object ?? MObject() }

        var labels = metadata["labels"]?.object ?? MObject()
        labels["wandb.ai/run-id"] = .string(launch.run.runID, launch.origins.runID)
        labels["wandb.ai/monitor"] = .string("true")
        if let agent = inputs.agentName { labels["wandb.ai/agent"] = .string(agent) }
        metadata["labels"] = .object(labels)
        if metadata["name"]?.isTruthy != true {
            metadata["generateName"] = .string(dnsSafe("launch-\(launch.run.entity)-\(launch.run.project)-"))
        }
        metadata["namespace"] = .string(namespace)

        for i in containers.indices where !containers[i].has("name") {
            containers[i]["name"] = .string("launch\(i)")
        }
        let entryPoint = launch.overrideEntryPoint != nil || launch.jobEntryPoint != nil ? launch.entryPoint : nil
        if !containers.isEmpty && (launch.run.dockerImage != nil || !containers.contains { $0.has("image") }) {
            containers[0]["image"] = .string(launch.imageURI, launch.origins.image)
        }
        for i in containers.indices {
            if !launch.overrideArgs.isEmpty { containers[i]["args"] = .strings(launch.overrideArgs, launch.origins.args) }
            if let entryPoint, containers[i]["command"]?.isTruthy != true || launch.overrideEntryPoint != nil {
                containers[i]["command"] = .strings(entryPoint.words, entryPoint.origin)
            }
        }
        let variables = JobEnvironment.variables(launch.run, maxLength: JobEnvironment.defaultLimit)
        for i in containers.indices {
            var env = containers[i]["env"].flatMap { $0.isTruthy ? $0.array : nil } ?? []
            for (name, value) in variables {
                if name == "WANDB_API_KEY" && !value.isEmpty && inputs.agentName != nil {
                    env.append(.object(MObject([
                        ("name", .string(name)),
                        ("valueFrom", .object(MObject([("secretKeyRef", .object(MObject([
                            ("name", .string(secretName(runID: launch.run.runID, releaseName: inputs.releaseName))), ("key", .string("password")),
                        ])))]))),
                    ])))
                } else {
                    env.append(.variable(name, value, launch.origins.variable(name)))
                }
            }
            containers[i]["env"] = .array(env, containers[i]["env"]?.range ?? .made)
        }

        podSpec["containers"] = .array(containers.map(MJSON.object), podSpec["containers"]?.range ?? .made)
        template["spec"] = .object(podSpec)
        jobSpec["template"] = .object(template)
        job["spec"] = .object(jobSpec)
        job["metadata"] = .object(metadata)

        var manifest = MJSON.object(job)
        addLabelToPods(&manifest, "wandb.ai/monitor", "true")
        if let agent = inputs.agentName { addLabelToPods(&manifest, "wandb.ai/agent", agent) }
        injectSecurityContext(&manifest)
        return manifest.node
    }

    /// `make_name_dns_safe`: lower-cased, `_` as `-`, everything but `[a-z.-]` removed (digits
    /// too), at most 200 characters.
    public static func dnsSafe(_ name: String) -> String {
        let kept = name.replacingUnderscores().lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || $0 == "." || $0 == "-" }
        return String(String.UnicodeScalarView(kept.prefix(200)))
    }

    /// `yield_containers`: each item of every `containers` list, found anywhere.
    static func forEachContainer(_ value: inout MJSON, _ body: (inout MObject) -> Void) {
        switch value {
        case .object(var object):
            for i in object.entries.indices {
                if object.entries[i].0 == "containers", case .array(var containers, let range) = object.entries[i].1 {
                    for c in containers.indices {
                        guard case .object(var container) = containers[c] else { continue }
                        body(&container)
                        containers[c] = .object(container)
                    }
                    object.entries[i].1 = .array(containers, range)
                } else if object.entries[i].0 != "containers" {
                    forEachContainer(&object.entries[i].1, body)
                }
            }
            value = .object(object)
        case .array(var items, let range):
            for i in items.indices { forEachContainer(&items[i], body) }
            value = .array(items, range)
        default:
            break
        }
    }

    /// `add_label_to_pods`: every mapping whose `spec` holds `containers` gets the label.
    static func addLabelToPods(_ value: inout MJSON, _ key: String, _ label: String) {
        switch value {
        case .array(var items, let range):
            for i in items.indices { addLabelToPods(&items[i], key, label) }
            value = .array(items, range)
        case .object(var object):
            if object["spec"]?.object?.has("containers") == true {
                var metadata = object["metadata"]?.object ?? MObject()
                var labels = metadata["labels"]?.object ?? MObject()
                labels[key] = .string(label)
                metadata["labels"] = .object(labels)
                object["metadata"] = .object(metadata)
            }
            for i in object.entries.indices {
                switch object.entries[i].1 {
                case .object, .array: addLabelToPods(&object.entries[i].1, key, label)
                default: break
                }
            }
            value = .object(object)
        default:
            break
        }
    }

    /// `inject_restricted_security_context`: every container of every pod spec (a mapping with a
    /// list of containers, initContainers or ephemeralContainers) gets the restricted context.
    static func injectSecurityContext(_ value: inout MJSON) {
        switch value {
        case .array(var items, let range):
            for i in items.indices { injectSecurityContext(&items[i]) }
            value = .array(items, range)
        case .object(var object):
            let keys = ["containers", "initContainers", "ephemeralContainers"]
            if keys.contains(where: { object[$0]?.array != nil }) {
                for key in keys {
                    guard var list = object[key]?.array else { continue }
                    for i in list.indices {
                        if case .object(var container) = list[i] {
                            container["securityContext"] = restrictedSecurityContext
                            list[i] = .object(container)
                        }
                    }
                    object[key] = .array(list, object[key]?.range ?? .made)
                }
            }
            for i in object.entries.indices { injectSecurityContext(&object.entries[i].1) }
            value = .object(object)
        default:
            break
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

/// The custom resource the agent creates when the apiVersion is not batch/v1 or batch/v1beta1
/// (wandb 0.31.0 `KubernetesRunner.run`, custom-resource branch): W&B's
/// variables on every container (the run id on the first only, the API key in plain text),
/// monitor and agent labels, the override command and args on every pod's containers, and the
/// forced securityContext. Not covered yet: base-image code mounts.
public enum KubernetesCustomResource {
    public static func build(_ inputs: KubernetesJob.Inputs) -> Node {
        let launch = inputs.launch
        var manifest = MJSON(launch.config)
        var variables = JobEnvironment.variables(launch.run, maxLength: JobEnvironment.defaultLimit)
        addWandbEnvironment(&manifest, &variables, launch.origins)

        labelResource(&manifest, "wandb.ai/monitor", "true")
        KubernetesJob.addLabelToPods(&manifest, "wandb.ai/monitor", "true")
        if let agent = inputs.agentName {
            KubernetesJob.addLabelToPods(&manifest, "wandb.ai/agent", agent)
            labelResource(&manifest, "wandb.ai/agent", agent)
        }
        var overrides: [(String, MJSON)] = []
        if !launch.overrideArgs.isEmpty { overrides.append(("args", .strings(launch.overrideArgs, launch.origins.args))) }
        if let command = launch.overrideEntryPoint { overrides.append(("command", .strings(command, launch.origins.overrideEntryPoint))) }
        overridePods(&manifest, overrides)
        KubernetesJob.injectSecurityContext(&manifest)
        return manifest.node
    }

    /// Sets `metadata.labels[key]` on the resource itself.
    static func labelResource(_ manifest: inout MJSON, _ key: String, _ label: String) {
        guard case .object(var resource) = manifest else { return }
        var metadata = resource["metadata"]?.object ?? MObject()
        var labels = metadata["labels"]?.object ?? MObject()
        labels[key] = .string(label)
        metadata["labels"] = .object(labels)
        resource["metadata"] = .object(metadata)
        manifest = .object(resource)
    }

    /// `add_wandb_env`: every container found under a `containers` key gets W&B's variables
    /// appended to its `env`; `WANDB_RUN_ID` goes to the first one only.
    static func addWandbEnvironment(_ value: inout MJSON, _ variables: inout [(name: String, value: String)], _ origins: JobLaunch.Origins) {
        var remaining = variables
        KubernetesJob.forEachContainer(&value) { container in
            var env = container["env"]?.array ?? []
            env += remaining.map { MJSON.variable($0.name, $0.value, origins.variable($0.name)) }
            container["env"] = .array(env, container["env"]?.range ?? .made)
            remaining.removeAll { $0.name == "WANDB_RUN_ID" }
        }
        variables = remaining
    }

    /// `add_entrypoint_args_overrides`: the command, then the args, on every container of every
    /// mapping whose `spec` holds `containers`.
    static func overridePods(_ value: inout MJSON, _ overrides: [(String, MJSON)]) {
        guard !overrides.isEmpty else { return }
        switch value {
        case .array(var items, let range):
            for i in items.indices { overridePods(&items[i], overrides) }
            value = .array(items, range)
        case .object(var object):
            if var spec = object["spec"]?.object, case .array(var containers, let range)? = spec["containers"] {
                for c in containers.indices {
                    guard case .object(var container) = containers[c] else { continue }
                    for key in ["command", "args"] {
                        if let override = overrides.first(where: { $0.0 == key }) { container[key] = override.1 }
                    }
                    containers[c] = .object(container)
                }
                spec["containers"] = .array(containers, range)
                object["spec"] = .object(spec)
            }
            for i in object.entries.indices { overridePods(&object.entries[i].1, overrides) }
            value = .object(object)
        default:
            break
        }
    }
}

/// The `Secret` the agent creates for the API key before it submits a Job (wandb 0.31.0
/// `ensure_api_key_secret`): the key base64-encoded under `password`, type
/// `kubernetes.io/basic-auth`, labelled as the agent's. This is the body exactly as the agent's
/// client sends it, in the client's key order; it has no `apiVersion` because the typed
/// endpoint supplies `v1`. A `kubectl apply` stream needs `apiVersion: v1` added in front.
public enum KubernetesSecret {
    /// - Parameter apiKey: the key, or nil for the placeholder `<WANDB_API_KEY as base64>`.
    public static func build(name: String, namespace: String, apiKey: String?) -> Node {
        MJSON.object(MObject([
            ("data", .object(MObject([("password", .string(apiKey.map { base64(Array($0.utf8)) } ?? "<WANDB_API_KEY as base64>"))]))),
            ("kind", .string("Secret")),
            ("metadata", .object(MObject([
                ("labels", .object(MObject([("wandb.ai/created-by", .string("launch-agent"))]))),
                ("name", .string(name)),
                ("namespace", .string(namespace)),
            ]))),
            ("type", .string("kubernetes.io/basic-auth")),
        ])).node
    }

    /// Standard base64 (RFC 4648 §4) with `=` padding, as Python's `base64.b64encode`.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
