@testable import LaunchcCore
import Testing

/// The agent config's job-time rules (LC3112-LC3116): what wandb 0.31.0 does with the `registry`
/// and `builder` blocks for every job, after its start-up check has passed. Paths are under
/// wandb/sdk/launch/.
@Suite struct AgentJobRulesTests {
    /// Findings as (code, offset, message) for an agent config with ⟨markers⟩.
    func findings(_ marked: Marked) -> [(String, Int, String)] {
        Checker.check(marked.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
            .diagnostics.map { ($0.code, $0.span.range?.start ?? -1, $0.message) }
    }

    /// registry/elastic_container_registry.py:107-125: `from_config` refuses keys outside its set and
    /// passes `config.get("repository")` as repo_name, so only `uri` names a repository (:68-72).
    @Test func ecrWithoutURI() {
        let m = Marked("⟨r⟩registry:\n  type: ecr\n  ⟨k⟩repository: launch\n  account_id: \"123456789012\"\n  region: us-east-1\n")
        let found = findings(m)
        #expect(found.map(\.0) == ["LC3113", "LC3112"])
        #expect(found.map(\.1) == [m["r"], m["k"]])
        #expect(found[0].2 == "the ECR registry needs registry.uri: it reads the repository from 'repository', a key it refuses, so account_id, region and repo_name cannot name it")
        #expect(found[1].2 == "registry key 'repository' is refused by the ECR registry: every job fails")
        let report = Checker.check(m.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
        #expect(report.diagnostics[0].fixIts.map(\.message) == ["write uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch"])
    }

    /// elastic_container_registry.py:49-55: with a uri, any of account_id, region or repo_name is refused.
    @Test func ecrURIWithRegion() {
        let m = Marked("registry:\n  type: ecr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n  ⟨k⟩region: us-east-1\n  repo_name: \"\"\n")
        let found = findings(m)
        #expect(found.map(\.0) == ["LC3113"])
        #expect(found.map(\.1) == [m["k"]])
        #expect(found[0].2 == "registry.region cannot be given with registry.uri: the ECR registry refuses the pair")
    }

    /// elastic_container_registry.py:56-63: a uri that is not an ECR one is refused; launchc says which
    /// type it would be. The "not recognised" warning at the same value gives way to the error.
    @Test func ecrURIOfAnotherRegistry() {
        let m = Marked("registry:\n  type: ecr\n  uri: ⟨u⟩us-central1-docker.pkg.dev/ml/launch/train\n")
        let report = Checker.check(m.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
        #expect(report.diagnostics.map(\.code) == ["LC3113"])
        #expect(report.diagnostics[0].span.range?.start == m["u"])
        #expect(report.diagnostics[0].message == "registry.uri 'us-central1-docker.pkg.dev/ml/launch/train' is not an ECR repository URI, which type 'ecr' needs: every job fails")
        #expect(report.diagnostics[0].fixIts.map(\.message) == ["it reads as an Artifact Registry repository: write 'type: gcr'"])
        let unknown = Marked("registry:\n  type: ecr\n  uri: ⟨u⟩docker.io/team/launch\n")
        #expect(findings(unknown).map(\.0) == ["LC3113"])
    }

    /// registry/google_artifact_registry.py:141-155: keys outside its set (here `image_name` for
    /// `image-name`) fail the job; the schema's "not read" warning gives way, and the rename is safe.
    @Test func artifactRegistryRefusedKey() throws {
        let m = Marked("registry:\n  type: gcr\n  repository: launch\n  ⟨k⟩image_name: train\n  region: us-central1\n")
        let report = Checker.check(m.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
        // The rename also supplies the `image-name` the block needs: no second finding.
        #expect(report.diagnostics.map(\.code) == ["LC3112"])
        let refused = try #require(report.diagnostics.last)
        #expect(refused.span.range?.start == m["k"])
        #expect(refused.message == "registry key 'image_name' is refused by the Artifact Registry registry: every job fails")
        #expect(refused.fixIts.first?.edits.map(\.replacement) == ["image-name"])
        #expect(refused.fixIts.first?.isSafe == true)
        // Without a uri, region, repository and image-name are all needed (:97-102).
        let missing = findings(Marked("⟨r⟩registry:\n  type: gcr\n  repository: launch\n  region: us-central1\n"))
        #expect(missing.map(\.0) == ["LC3113"])
        #expect(missing.map(\.1) == [0])
        #expect(missing[0].2 == "the Artifact Registry registry needs 'image-name' when the block has no uri: every job fails")
    }

    /// google_artifact_registry.py:76-84: uri and the separate keys are one or the other.
    @Test func artifactRegistryBoth() {
        let m = Marked("registry:\n  type: gcr\n  uri: us-central1-docker.pkg.dev/ml/launch/train\n  ⟨p⟩project: ml\n")
        let found = findings(m)
        #expect(found.map(\.0) == ["LC3113"])
        #expect(found.map(\.1) == [m["p"]])
        #expect(found[0].2 == "registry.project cannot be given with registry.uri: the Artifact Registry registry takes one or the other")
    }

    /// registry/azure_container_registry.py:84-88 and :41-53: uri required, and of the ACR shape.
    @Test func azure() {
        #expect(findings(Marked("registry:\n  type: acr\n  region: eastus\n")).map(\.0) == ["LC3113", "LC3101"])
        #expect(findings(Marked("registry:\n  type: acr\n  uri: mlregistry.azurecr.io/launch\n")).isEmpty)
        #expect(findings(Marked("registry:\n  type: acr\n  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch\n")).map(\.0) == ["LC3113"])
    }

    /// loader.py:106-109: a registry block without a type is the local registry.
    @Test func registryWithoutType() {
        let m = Marked("⟨r⟩registry:\n  uri: mlregistry.azurecr.io/launch\n")
        let report = Checker.check(m.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
        #expect(report.diagnostics.map(\.code) == ["LC3114"])
        #expect(report.diagnostics[0].span.range?.start == m["r"])
        #expect(report.diagnostics[0].fixIts.map(\.message) == ["add 'type: acr'"])
        #expect(findings(Marked("registry: {}\n")).isEmpty)
    }

    /// loader.py:165-168: a non-empty builder without a type fails every job; an empty one is the default.
    @Test func builderWithoutType() {
        let m = Marked("⟨b⟩builder:\n  build-context-store: s3://ml-builds/context\n")
        let report = Checker.check(m.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
        #expect(report.diagnostics.map(\.code) == ["LC3115"])
        #expect(report.diagnostics[0].span.range?.start == m["b"])
        #expect(report.diagnostics[0].fixIts.map(\.message) == ["add 'type: kaniko'"])
        #expect(findings(Marked("builder: {}\n")).isEmpty)
    }

    /// builder/kaniko_builder.py:176-178 and :270-271 with registry/local_registry.py:48-53: without
    /// a destination or a typed registry the image URI is ':<tag>'.
    @Test func kanikoWithoutDestination() {
        let m = Marked("environment: {type: gcp, region: us-central1}\nbuilder:\n  type: ⟨t⟩kaniko\n  build-context-store: gs://b/c\n")
        let report = Checker.check(m.file, options: CheckOptions(classifier: Classifier(kind: .agent)))
        #expect(report.diagnostics.map(\.code) == ["LC3116"])
        #expect(report.diagnostics[0].span.range?.start == m["t"])
        #expect(report.diagnostics[0].fixIts.map(\.message) == ["add destination: the repository kaniko pushes to, e.g. <region>-docker.pkg.dev/<project>/<repository>/<image>"])
        let typedRegistry = "registry: {type: acr, uri: mlregistry.azurecr.io/launch}\nbuilder: {type: kaniko, build-context-store: gs://b/c}\n"
        #expect(findings(Marked(typedRegistry)).isEmpty)
        let destination = "builder: {type: kaniko, build-context-store: s3://b/c, destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch}\n"
        #expect(findings(Marked(destination)).isEmpty)
    }
}
