/// The keys the W&B agent refuses anywhere in a Kubernetes queue config (wandb 0.31.0,
/// `validate_kubernetes_resource_args`, utils.py:370-559), and the
/// apiVersion forms it cannot handle. The refusal is recursive, so it is code, not schema.
enum KubernetesRules {
    /// A key the agent refuses: when (present at all, truthy, or non-blank), why (launchc's
    /// finding), and the reason in the agent's own message.
    struct Refusal {
        enum When { case present, truthy, nonBlank }
        let key: String
        let when: When
        let reason: String
        let agentReason: String

        func applies(to value: Node) -> Bool {
            switch when {
            case .present: return true
            case .truthy: return KubernetesRules.isTruthy(value.value)
            case .nonBlank: return KubernetesRules.isNonBlank(value.value)
            }
        }
    }

    /// In the order `_scan_kubernetes_node` checks them.
    static let refusals: [Refusal] = [
        Refusal(key: "securityContext", when: .present, reason: "the agent sets its own securityContext on every container and refuses any other",
                agentReason: "the agent manages the pod/container security context and it cannot be overridden"),
        Refusal(key: "hostPath", when: .present, reason: "host paths would give the job the node's file system",
                agentReason: "hostPath volumes are not permitted"),
        Refusal(key: "serviceAccountToken", when: .present, reason: "projected service-account tokens are refused",
                agentReason: "projected service account tokens are not permitted"),
        Refusal(key: "hostPID", when: .truthy, reason: "the job may not share the node's process namespace",
                agentReason: "host namespace sharing is not permitted"),
        Refusal(key: "hostIPC", when: .truthy, reason: "the job may not share the node's IPC namespace",
                agentReason: "host namespace sharing is not permitted"),
        Refusal(key: "hostNetwork", when: .truthy, reason: "the job may not use the node's network",
                agentReason: "host namespace sharing is not permitted"),
        Refusal(key: "shareProcessNamespace", when: .truthy, reason: "containers may not share a process namespace",
                agentReason: "host namespace sharing is not permitted"),
        Refusal(key: "hostUsers", when: .truthy, reason: "the job may not use the node's user namespace",
                agentReason: "host namespace sharing is not permitted"),
        Refusal(key: "serviceAccountName", when: .nonBlank, reason: "jobs run with the namespace's default service account",
                agentReason: "overriding the pod service account is not permitted"),
        Refusal(key: "serviceAccount", when: .nonBlank, reason: "jobs run with the namespace's default service account",
                agentReason: "overriding the pod service account is not permitted"),
        Refusal(key: "automountServiceAccountToken", when: .truthy, reason: "service-account tokens are not mounted into jobs",
                agentReason: "mounting service account tokens is not permitted"),
        Refusal(key: "hostPort", when: .truthy, reason: "a host port would expose the job on the node",
                agentReason: "binding host ports is not permitted"),
    ]

    /// `mountPropagation` mode and annotations the agent refuses.
    static func isBidirectional(_ value: Value) -> Bool { PythonText.str(value).trimmingSpaces() == "Bidirectional" }
    static func isUnconfined(annotation key: String, _ value: Value) -> Bool {
        let key = key.lowercased()
        return (key.contains("apparmor") || key.contains("seccomp")) && PythonText.str(value).lowercased().contains("unconfined")
    }

    static func check(_ config: Node, file: SourceFile, pointer: JSONPointer) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if case .string(let apiVersion)? = config["apiVersion"]?.value, !apiVersion.contains("/") {
            out.append(Diagnostic(.kubernetesAPIVersion, "apiVersion '\(apiVersion)' has no '/'; the agent's custom-resource path splits it into group and version and fails",
                                  at: SourceSpan(file: file, range: config["apiVersion"]!.range), pointer: pointer.appending("apiVersion"),
                                  fixIts: [FixIt("write group/version, such as batch/v1 or kubeflow.org/v1")]))
        }
        walk(config, pointer, file: file, into: &out)
        return out + images(config, file: file, pointer: pointer, agentFills: true)
    }

    /// Containers the API would refuse for want of an image, in a Job (`_inject_defaults`,
    /// kubernetes_runner.py:444-459): with `agentFills`, the first container's image is the
    /// agent's to fill, surely when no container names one and for image jobs otherwise.
    static func images(_ job: Node, file: SourceFile, pointer: JSONPointer, agentFills: Bool) -> [Diagnostic] {
        if case .string(let apiVersion)? = job["apiVersion"]?.value, !["batch/v1", "batch/v1beta1"].contains(apiVersion) { return [] }
        guard let podSpec = job["spec"]?["template"]?["spec"] else { return [] }
        let podPointer = pointer.appending("spec").appending("template").appending("spec")
        var out: [Diagnostic] = []
        for key in ["containers", "initContainers"] {
            guard case .array(let containers)? = podSpec[key]?.value else { continue }
            let named = containers.contains { $0.member("image") != nil }
            for (i, container) in containers.enumerated() where container.member("image") == nil {
                guard case .object = container.value else { continue }
                var severity: Severity?
                var why = "the API refuses a container without one"
                if key == "containers", i == 0, agentFills {
                    guard named else { continue }
                    severity = .warning
                    why = "another container names one, so the agent fills this one only for a job that runs an image"
                } else if key == "containers", agentFills {
                    why = "the agent fills only the first container's image, and the API refuses a container without one"
                }
                let name: String
                if case .string(let given)? = container["name"]?.value { name = "'\(given)'" } else { name = "\(i + 1)" }
                let what = key == "containers" ? "container" : "init container"
                out.append(Diagnostic(.kubernetesContainerImage, severity: severity, "\(what) \(name) has no image: \(why)",
                                      at: SourceSpan(file: file, range: container.range), pointer: podPointer.appending(key).appending(i),
                                      fixIts: [FixIt("give it an image")]))
            }
        }
        return out
    }

    private static func walk(_ node: Node, _ pointer: JSONPointer, file: SourceFile, into out: inout [Diagnostic]) {
        switch node.value {
        case .array(let items):
            for (i, item) in items.enumerated() { walk(item, pointer.appending(i), file: file, into: &out) }
        case .object(let members):
            for member in members {
                let here = pointer.appending(member.key)
                func refuse(_ reason: String, at range: SourceRange? = nil) {
                    out.append(Diagnostic(.kubernetesRefused, "'\(member.key)' is refused by the agent: \(reason)",
                                          at: SourceSpan(file: file, range: range ?? member.keyRange), pointer: here,
                                          notes: [Note("the agent fails the job with \"Unsafe resource_args.kubernetes option '\(member.key)' is not allowed\"")]))
                }
                if let refusal = refusals.first(where: { $0.key.hasSameScalars(as: member.key) }) {
                    if refusal.applies(to: member.value) { refuse(refusal.reason) }
                } else if member.key.hasSameScalars(as: "mountPropagation"), case .string(let mode) = member.value.value, mode.hasSameScalars(as: "Bidirectional") {
                    refuse("bidirectional mount propagation is refused", at: member.value.range)
                } else if member.key.hasSameScalars(as: "annotations"), case .object(let annotations) = member.value.value {
                    for annotation in annotations {
                        let key = annotation.key.lowercased()
                        if (key.contains("apparmor") || key.contains("seccomp")),
                           case .string(let value) = annotation.value.value, value.lowercased().contains("unconfined") {
                            out.append(Diagnostic(.kubernetesRefused, "annotation '\(annotation.key)' is refused by the agent: unconfined AppArmor and seccomp profiles are not allowed",
                                                  at: SourceSpan(file: file, range: annotation.value.range), pointer: here.appending(annotation.key)))
                        }
                    }
                }
                walk(member.value, here, file: file, into: &out)
            }
        default:
            break
        }
    }

    /// The agent's own refusal of a (macro-filled) config, with its message, or nil: the first
    /// problem in the order `validate_kubernetes_resource_args` meets them (unconfined
    /// annotations anywhere first, then the refused keys, node by node, depth first).
    static func agentRefusal(_ config: Node) -> String? {
        func unsafe(_ field: String, _ reason: String) -> String {
            "Unsafe resource_args.kubernetes option '\(field)' is not allowed: \(reason)"
        }
        func annotations(_ node: Node) -> String? {
            switch node.value {
            case .object(let members):
                if case .object(let entries)? = node["annotations"]?.value {
                    for entry in entries where isUnconfined(annotation: entry.key, entry.value.value) {
                        return unsafe("metadata.annotations.\(entry.key)", "unconfined apparmor/seccomp profiles are not permitted")
                    }
                }
                return members.lazy.compactMap { annotations($0.value) }.first
            case .array(let items): return items.lazy.compactMap(annotations).first
            default: return nil
            }
        }
        func keys(_ node: Node) -> String? {
            switch node.value {
            case .object(let members):
                for refusal in refusals {
                    if let member = node.member(refusal.key), refusal.applies(to: member.value) { return unsafe(refusal.key, refusal.agentReason) }
                }
                if let mode = node["mountPropagation"], isBidirectional(mode.value) {
                    return unsafe("mountPropagation", "bidirectional mount propagation is not permitted")
                }
                return members.lazy.compactMap { keys($0.value) }.first
            case .array(let items): return items.lazy.compactMap(keys).first
            default: return nil
            }
        }
        guard case .object = config.value else { return "resource_args.kubernetes must be a dictionary" }
        return annotations(config) ?? keys(config)
    }

    /// As the agent reads it: true, a non-zero number, or "1", "true", "yes" in any case.
    static func isTruthy(_ value: Value) -> Bool {
        switch value {
        case .bool(let b): return b
        case .integer(let i): return i != 0
        case .number(let d): return d != 0
        case .string(let s): return ["1", "true", "yes"].contains(s.trimmingSpaces().lowercased())
        default: return false
        }
    }

    static func isNonBlank(_ value: Value) -> Bool {
        switch value {
        case .string(let s): return !s.trimmingSpaces().isEmpty
        case .array(let items): return items.contains { isNonBlank($0.value) }
        case .null: return false
        default: return true
        }
    }
}
