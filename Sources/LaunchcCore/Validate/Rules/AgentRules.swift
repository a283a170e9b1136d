internal import ECMARegex

/// The agent config's rules that a schema cannot express: image destinations, read the way
/// wandb 0.31.0's `validate_registry_uri` reads them (agent/config.py, utils.py), and their
/// region against the environment's.
enum AgentRules {
    /// What a registry URI is, by the agent's three patterns (tried in its order).
    enum Registry: Equatable {
        case artifactRegistry(region: String, image: String?, tag: String?)
        case azure(repository: String?, tag: String?)
        case ecr(region: String, repository: String?, tag: String?)
        case unrecognized
    }

    // The agent's three registry patterns (sdk/launch/registry), matched as Python's `re.match` does.
    private static let artifactRegistryPattern = try! ECMARegex(#"(?i)(?<region>[\w-]+)-docker\.pkg\.dev/(?<project>[\w-]+)/(?<repository>[\w-]+)/?(?<image>[\w-]+)?(?<tag>:.*)?$"#, python: true)
    private static let azurePattern = try! ECMARegex(#"(\w+)\.azurecr\.io/(?<repository>[\w\-]+):?(?<tag>.*)"#, python: true)
    private static let ecrPattern = try! ECMARegex(#"(?<account>[\w-]+)\.dkr\.ecr\.(?<region>[\w-]+)\.amazonaws\.com/(?<repository>[\.\/\w-]+):?(?<tag>.*)$"#, python: true)

    static func classify(_ uri: String) -> Registry {
        let text = ECMARegex.scalars(uri.hasPrefix("https://") ? String(uri.dropFirst(8)) : uri)
        // The named groups of a match at the start, empty ones as nil.
        func match(_ regex: ECMARegex) -> ((String) -> String?)? {
            guard case .match(let groups) = regex.firstMatch(in: text, anchored: true) else { return nil }
            return { name in
                guard let number = regex.names[name], let range = groups[number], !range.isEmpty else { return nil }
                return String(String.UnicodeScalarView(text[range].compactMap(Unicode.Scalar.init)))
            }
        }
        if let group = match(artifactRegistryPattern) {
            return .artifactRegistry(region: group("region") ?? "", image: group("image"), tag: group("tag"))
        }
        if let group = match(azurePattern) {
            return .azure(repository: group("repository"), tag: group("tag"))
        }
        if let group = match(ecrPattern) {
            return .ecr(region: group("region") ?? "", repository: group("repository"), tag: group("tag"))
        }
        return .unrecognized
    }

    static func check(_ root: Node, file: SourceFile) -> [Diagnostic] {
        var out: [Diagnostic] = region(root["environment"], file: file)
        let environmentRegion: Node? = root["environment"]?["region"]
        for path in [["builder", "destination"], ["registry", "uri"]] {
            guard let node = root.resolve(JSONPointer(tokens: path)), case .string(let uri) = node.value else { continue }
            out += destination(uri, node: node, pointer: JSONPointer(tokens: path), environmentRegion: environmentRegion, file: file)
        }
        return out
    }

    static func destination(_ uri: String, node: Node, pointer: JSONPointer, environmentRegion: Node?, file: SourceFile) -> [Diagnostic] {
        let span = SourceSpan(file: file, range: node.range)
        let name = pointer.tokens.joined(separator: ".")
        func tagFinding(_ tag: String) -> Diagnostic {
            // The agent reports the suffix its pattern calls the tag (for ECR, without the colon).
            var fixIts = [FixIt("remove the tag; the agent tags each image with a hash of its source")]
            let source = file.text(in: node.range)
            let closing = source.hasSuffix("\"") || source.hasSuffix("'") ? 1 : 0
            let suffix = uri.hasSuffix(":" + tag) ? ":" + tag : tag
            if source.dropLast(closing).hasSuffix(suffix) {
                let end = node.range.end - closing
                fixIts[0].edits = [TextEdit(range: SourceRange(start: end - suffix.utf8.count, end: end), replacement: "")]
            }
            return Diagnostic(.registryTag, "\(name) '\(uri)' includes the tag '\(tag)'; the agent refuses a tagged destination",
                              at: span, pointer: pointer, fixIts: fixIts)
        }
        var out: [Diagnostic] = []
        var region: String?
        switch classify(uri) {
        case .artifactRegistry(let r, let image, let tag):
            if let tag { return [tagFinding(tag)] }
            if image == nil {
                out.append(Diagnostic(.registryIncomplete, "\(name) '\(uri)' names an Artifact Registry repository but no image",
                                      at: span, pointer: pointer, fixIts: [FixIt("add the image name: <region>-docker.pkg.dev/<project>/<repository>/<image>")]))
            }
            region = r
        case .azure(let repository, let tag):
            if let tag { return [tagFinding(tag)] }
            if repository == nil {
                out.append(Diagnostic(.registryIncomplete, "\(name) '\(uri)' names an Azure registry but no repository", at: span, pointer: pointer,
                                      fixIts: [FixIt("write <registry-name>.azurecr.io/<repository>")]))
            }
        case .ecr(let r, let repository, let tag):
            if let tag { return [tagFinding(tag)] }
            if repository == nil {
                out.append(Diagnostic(.registryIncomplete, "\(name) '\(uri)' names an ECR registry but no repository", at: span, pointer: pointer,
                                      fixIts: [FixIt("write <account>.dkr.ecr.<region>.amazonaws.com/<repository>")]))
            }
            region = r
            if !r.isEmpty, !r.hasTemplateOpening, !CloudRegions.aws.contains(r) {
                let near = Suggestions(CloudRegions.aws.sorted()).nearest(r)
                out.append(Diagnostic(.awsRegionUnknown, "\(name) '\(uri)' names the region '\(r)', which is not an AWS region", at: span, pointer: pointer,
                                      fixIts: near.map { [FixIt("did you mean '\($0)'?")] } ?? []))
            }
        case .unrecognized:
            if let arn = ecrARN(uri) {
                return [Diagnostic(.registryARN, "\(name) '\(uri)' is an ECR repository ARN, not an image URI; the agent cannot push to it",
                                   at: span, pointer: pointer,
                                   fixIts: [FixIt("write the repository's URI, '\(arn)'", edits: [TextEdit(range: node.range, replacement: arn)], safe: true)])]
            }
            var notes: [Note] = []
            if uri.contains(".ecr.") && !uri.contains(".dkr.ecr.") {
                notes.append(Note("an ECR image URI reads <account>.dkr.ecr.<region>.amazonaws.com/<repository>: '.dkr' is missing"))
            }
            if uri.contains("<") {
                notes.append(Note("it still holds a placeholder from an example"))
            }
            return [Diagnostic(.registryUnrecognized, "\(name) '\(uri)' is not an ECR, Artifact Registry or ACR image URI the agent recognises",
                               at: span, pointer: pointer, notes: notes,
                               fixIts: [FixIt("the agent pushes there anyway, with a warning; make sure it can")])]
        }
        // Regions that do not exist have their own findings; comparing them says nothing more.
        if let region, let envNode = environmentRegion, case .string(let envRegion) = envNode.value,
           !envRegion.isEmpty, !region.isEmpty, region.lowercased() != envRegion.lowercased(),
           CloudRegions.aws.contains(region) || CloudRegions.gcp.contains(region),
           CloudRegions.aws.contains(envRegion) || CloudRegions.gcp.contains(envRegion) {
            out.append(Diagnostic(.registryRegion, "\(name) is in region '\(region)' but the environment's region is '\(envRegion)'",
                                  at: span, pointer: pointer,
                                  notes: [Note("the environment's region", at: SourceSpan(file: file, range: envNode.range))],
                                  fixIts: [FixIt("push to a repository in the agent's region, or correct the environment's region")]))
        }
        return out
    }

    /// The environment's region against its cloud's regions (`CloudRegions`).
    static func region(_ environment: Node?, file: SourceFile) -> [Diagnostic] {
        guard let environment, case .string(let cloud)? = environment["type"]?.value, let node = environment["region"],
              case .string(let region) = node.value, !region.isEmpty, !region.hasTemplateOpening else { return [] }
        let span = SourceSpan(file: file, range: node.range)
        let pointer = JSONPointer(tokens: ["environment", "region"])
        func fixIts(_ known: Set<String>) -> [FixIt] {
            let suggestions = Suggestions(known.sorted())
            if let near = suggestions.nearest(region) {
                return [FixIt("did you mean '\(near)'?", edits: [TextEdit(range: node.range, replacement: SchemaDiagnostics.renamed(file.text(in: node.range), to: near))],
                              safe: true)]
            }
            let tied = suggestions.closest(region).prefix(3).map { "'\($0)'" }
            return tied.isEmpty ? [] : [FixIt("did you mean \(tied.dropLast().joined(separator: ", ")) or \(tied.last!)?")]
        }
        switch cloud {
        case "aws" where !CloudRegions.aws.contains(region):
            var notes: [Note] = []
            if CloudRegions.gcp.contains(region) { notes.append(Note("'\(region)' is a Google Cloud region")) }
            return [Diagnostic(.awsRegionUnknown, "'\(region)' is not an AWS region", at: span, pointer: pointer, notes: notes, fixIts: fixIts(CloudRegions.aws))]
        case "gcp" where !CloudRegions.gcp.contains(region):
            // A zone is its region and a letter: us-central1-a.
            if let dash = region.lastIndex(of: "-"), CloudRegions.gcp.contains(String(region[..<dash])), region.distance(from: dash, to: region.endIndex) == 2 {
                let zoneRegion = String(region[..<dash])
                return [Diagnostic(.gcpRegionUnknown, "'\(region)' is a zone; the agent needs its region, '\(zoneRegion)'", at: span, pointer: pointer,
                                   fixIts: [FixIt("write '\(zoneRegion)'", edits: [TextEdit(range: node.range, replacement: SchemaDiagnostics.renamed(file.text(in: node.range), to: zoneRegion))],
                                                  safe: true)])]
            }
            var notes: [Note] = []
            if CloudRegions.aws.contains(region) { notes.append(Note("'\(region)' is an AWS region")) }
            return [Diagnostic(.gcpRegionUnknown, "'\(region)' is not a Google Cloud region launchc knows", at: span, pointer: pointer, notes: notes, fixIts: fixIts(CloudRegions.gcp))]
        default:
            return []
        }
    }

    /// `arn:aws:ecr:<region>:<account>:repository/<name>` as the repository's image URI.
    static func ecrARN(_ text: String) -> String? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "ecr",
              parts[5].hasPrefix("repository/") else { return nil }
        let repository = parts[5].dropFirst("repository/".count)
        guard !repository.isEmpty, !parts[3].isEmpty, !parts[4].isEmpty else { return nil }
        return "\(parts[4]).dkr.ecr.\(parts[3]).amazonaws.com/\(repository)"
    }
}
