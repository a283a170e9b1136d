extension PolicyRun {
    // MARK: the builder

    /// The builder's destination and kaniko's build context, which every job may use.
    mutating func builder() {
        let builder = agent["builder"]
        let type = PolicyValue(builder?["type"], in: agentFile)?.raw
        // No builder block (or an empty one) is the docker builder when the agent's machine has
        // a docker CLI (loader.py:127-183): it pushes to the registry block's uri.
        let implicit: Bool
        switch builder?.value {
        case nil, .null?: implicit = true
        case .object(let members)?: implicit = members.isEmpty
        default: implicit = false
        }
        // The registry block is a registry only with a type (loader.py:72-124: none is local).
        let registryType = PolicyValue(agent["registry"]?["type"], in: agentFile)?.raw
        let registryURI = ["ecr", "gcr", "acr"].contains(registryType ?? "") ? agent["registry"]?["uri"].flatMap { $0.value == .null ? nil : $0 } : nil
        builds = type == "docker" || type == "kaniko" || (implicit && registryURI != nil)
        guard builds else { return }
        let implicitNote = implicit ? "there is no builder block, so the agent builds with docker when its machine has a docker CLI, and pushes to registry.uri" : nil
        let kaniko = type == "kaniko"
        // `destination` overrides the deprecated registry block.
        let destinationNode = builder?["destination"].flatMap { $0.value == .null ? nil : $0 } ?? registryURI
        if let destination = PolicyValue(destinationNode, in: agentFile) {
            if let parsed = CloudURI.registry(destination.text) {
                builtImage = (destination, parsed)
                if !parsed.isPinned {
                    unpinned(destination, "the builder's destination '\(destination.raw)' is not fixed, so pushing is allowed to every repository it may name")
                }
                switch parsed {
                case .ecr: awsAgent.note(implicitNote)
                case .gar: gcpAgent.note(implicitNote)
                case .acr: azureAgent.note(implicitNote)
                case .s3, .gcs, .blob: break
                }
                push(parsed, value: destination, kaniko: kaniko)
            } else {
                unrecognized(destination, "the builder's destination")
            }
        }
        if kaniko, let store = PolicyValue(builder?["build-context-store"], in: agentFile) {
            buildContext(store)
        }
    }

    mutating func push(_ registry: CloudURI, value: PolicyValue, kaniko: Bool) {
        let cacheNote = kaniko ? "; kaniko runs with --cache=true, so it also pulls cached layers from it" : "; a push reads the repository's existing layers and manifests too"
        switch registry {
        case .ecr:
            // kaniko caches layers in the destination repository (`--cache=true`): it pulls from it too.
            awsAgent.statements.add("PushBuiltImages", Self.pushActions + Self.pullActions, repositoryARN(registry) ?? "*")
            awsAgent.statements.add("ECRAuthorization", ["ecr:GetAuthorizationToken"], "*")
            awsAgent.note("PushBuiltImages: the builder pushes to '\(value.raw)' (\(value.place)) and first asks whether the tag exists (ecr:DescribeImages)\(cacheNote)")
            awsAgent.note("ECRAuthorization: ecr:GetAuthorizationToken takes no resource, so its Resource is '*'")
            awsAgent.note(value.widenedNote)
            if kaniko { kanikoNote(&awsAgent) }
        case .gar(let location, let project, let repository):
            gcpAgent.grants.add(["artifactregistry.dockerimages.get", "artifactregistry.dockerimages.list", "artifactregistry.repositories.downloadArtifacts",
                                 "artifactregistry.repositories.uploadArtifacts", "artifactregistry.tags.create", "artifactregistry.tags.update"],
                                on: "projects/\(project)/locations/\(location)/repositories/\(repository)", role: "roles/artifactregistry.writer")
            gcpAgent.note("the builder pushes to '\(value.raw)' (\(value.place)) and first lists the repository's images to see whether the tag exists\(cacheNote)")
            gcpAgent.note(value.widenedNote)
            if kaniko { kanikoNote(&gcpAgent) }
        case .acr(let registry, let repository):
            azureAgent.grants.add(["Microsoft.ContainerRegistry/registries/pull/read", "Microsoft.ContainerRegistry/registries/push/write"],
                                  on: "/subscriptions/<subscription>/resourceGroups/<resource-group>/providers/Microsoft.ContainerRegistry/registries/\(registry)",
                                  role: "AcrPush")
            azureAgent.note("AcrPush: the builder pushes '\(repository)' to \(registry).azurecr.io ('\(value.raw)', \(value.place)); no config names the registry's subscription and resource group")
            azureAgent.note(value.widenedNote)
        case .s3, .gcs, .blob:
            break
        }
    }

    func kanikoNote(_ principal: inout PrincipalDraft) {
        principal.note("kaniko: the build Job runs as the Kubernetes service account WANDB_LAUNCH_SERVICE_ACCOUNT_NAME names (the W&B Helm chart: the agent's own), so its pulls, pushes and build-context reads are in this policy; with another service account, give it those instead")
    }

    mutating func buildContext(_ store: PolicyValue) {
        guard let parsed = CloudURI.storage(store.text) else { return unrecognized(store, "the kaniko build-context-store") }
        if !parsed.isPinned { unpinned(store, "the kaniko build-context-store '\(store.raw)' is not fixed, so writing is allowed to every bucket it may name") }
        // The context goes to `<store without a trailing '/'>/<run id>.tgz` (kaniko_builder.py:130, 244).
        func under(_ prefix: String) -> String {
            let p = prefix.withoutTrailingSlashes
            return p.isEmpty ? "*.tgz" : p + "/*.tgz"
        }
        switch parsed {
        case .s3(let bucket, let key):
            awsAgent.statements.add("BuildContext", ["s3:GetObject", "s3:PutObject"], "arn:\(partition):s3:::\(bucket)/\(under(key))")
            awsAgent.list(bucket: bucket, partition: partition, prefix: "")
            awsAgent.note("BuildContext: the agent uploads each build context as '\(store.raw.withoutTrailingSlashes)/<run id>.tgz' (\(store.place)) and checks the bucket first (s3:HeadBucket, which s3:ListBucket allows); the kaniko Job reads it back")
            awsAgent.note(store.widenedNote)
        case .gcs(let bucket, let prefix):
            let lookup = gcs(bucket: bucket, objects: nil)
            gcpAgent.grants.add(["storage.buckets.get"], on: lookup.resource, condition: lookup.condition)
            let upload = gcs(bucket: bucket, objects: String(under(prefix).dropLast(5)))
            gcpAgent.grants.add(["storage.objects.create", "storage.objects.get"], on: upload.resource, condition: upload.condition)
            gcpAgent.note("the agent uploads each build context as '<store>/<run id>.tgz' ('\(store.raw)', \(store.place)) after looking the bucket up; the kaniko Job reads it back")
            gcpAgent.note(store.widenedNote)
        case .blob(let account, let container, _):
            azureAgent.grants.add(["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
                                   "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write"],
                                  on: "/subscriptions/<subscription>/resourceGroups/<resource-group>/providers/Microsoft.Storage/storageAccounts/\(account)/blobServices/default/containers/\(container)",
                                  role: "Storage Blob Data Contributor")
            azureAgent.note("Storage Blob Data Contributor: the agent uploads each build context to '\(store.raw)' (\(store.place)); the kaniko Job reads it with the storage account key in the Kubernetes secret 'azure-storage-access-key' (namespace 'wandb'), not with this role")
            azureAgent.note(store.widenedNote)
        case .ecr, .gar, .acr:
            break
        }
    }

    /// A GCS grant on a bucket, or (`objects`) on the objects under a prefix of it. IAM names no
    /// wildcard and its conditions match prefixes only, so a prefix ends at its first '*', and a
    /// bucket chosen per run is granted on the project with a condition on the bucket's name.
    mutating func gcs(bucket: String, objects: String?) -> (resource: String, condition: String?) {
        // Escaped for a CEL string literal; `cut`, ended at the first '*' too.
        func escape(_ text: some StringProtocol) -> String {
            var out = ""
            for c in text {
                if c == "\\" || c == "\"" { out.append("\\") }
                out.append(c)
            }
            return out
        }
        func cut(_ text: String) -> String { escape(text.prefix { $0 != "*" }) }
        if bucket.contains("*") {
            return ("projects/\(gcpProject())", "resource.name.startsWith(\"projects/_/buckets/\(cut(bucket))\")")
        }
        let resource = "projects/_/buckets/\(bucket)"
        guard let objects, !cut(objects).isEmpty else { return (resource, nil) }
        return (resource, "resource.name.startsWith(\"\(escape(resource))/objects/\(cut(objects))\")")
    }
}
