import Testing
@testable import LaunchcCore

/// `check --fix` and `--diff` on what the fixtures/fix cases do not show.
struct FixerTests {
    func fixed(_ text: String, path: String = "f.yaml") -> String {
        String(decoding: Fixer.fix(SourceFile(path: path, bytes: Array(text.utf8)), options: CheckOptions()).fixed, as: UTF8.self)
    }

    @Test func anchorsTagsAndAliasesStay() {
        let text = "# launchc: kind=queue-config resource=kubernetes\napiVersion: batch/v1\nkind: Job\nmetadata:\n  labels:\n    a: &flag yes\n    b: *flag\n    c: !!str on\n"
        #expect(fixed(text) == text.replacingOccurrences("&flag yes", "&flag 'yes'"))
        let agent = "# launchc: kind=agent\nqueues: [a]\n&k max_job: 1\nbuilder:\n  type: docker\n  !!str secret_name: x\n"
        #expect(fixed(agent) == agent.replacingOccurrences("&k max_job", "&k max_jobs").replacingOccurrences("!!str secret_name", "!!str secret-name"))
    }

    @Test func aBooleanPlaceOrAFileOfUnknownKindIsNotQuoted() {
        // PyYAML reads `off` as false; quoted, it would be a string that reads as true.
        let vertex = "# launchc: kind=queue-config resource=gcp-vertex\nspec: {staging_bucket: gs://b, worker_pool_specs: [{machine_spec: {machine_type: n1-standard-4}, replica_count: 1, container_spec: {image_uri: x}}]}\nrun:\n  restart_job_on_worker_restart: off\n"
        #expect(fixed(vertex) == vertex)
        let values = "enabled: off\nname: yes\n"
        #expect(fixed(values) == values)
    }

    @Test func noFixMakesTwoKeysOne() {
        // Both would become 'shm-size' or 'max_jobs': the first is fixed, the second left as it is.
        let docker = "# launchc: kind=queue-config resource=local-container\nshm_size: 1g\nshm-size: 2g\ncpu_shares: 5\n"
        #expect(fixed(docker) == docker.replacingOccurrences("cpu_shares", "cpu-shares"))
        let agent = "# launchc: kind=agent\nqueues: [a]\nmax_job: 1\nmax_jobz: 2\n"
        #expect(fixed(agent) == agent.replacingOccurrences("max_job:", "max_jobs:"))
    }

    @Test func fixesRepeatUntilNothingIsLeft() {
        // Each renamed level brings the next one's camelCase keys to light.
        let text = "# launchc: kind=queue-config resource=gcp-vertex\nspec:\n  workerPoolSpecs:\n    - machineSpec:\n        machineType: n1-standard-4\n        reservationAffinity:\n          reservationAffinityType: ANY\n      replicaCount: 1\n      containerSpec: {imageUri: img}\n"
        let once = fixed(text)
        #expect(once == "# launchc: kind=queue-config resource=gcp-vertex\nspec:\n  worker_pool_specs:\n    - machine_spec:\n        machine_type: n1-standard-4\n        reservation_affinity:\n          reservation_affinity_type: ANY\n      replica_count: 1\n      container_spec: {image_uri: img}\n")
        #expect(fixed(once) == once)
    }

    @Test func diffsNameTheirFileAndMarkAMissingLineBreak() {
        let diff = UnifiedDiff.make(path: "my queue.yaml", old: Array("a: 1\nb: 2".utf8), new: Array("a: 1\nb: 3".utf8))
        #expect(diff == "--- my queue.yaml\t\n+++ my queue.yaml\t\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n\\ No newline at end of file\n+b: 3\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.make(path: "x", old: Array("same\n".utf8), new: Array("same\n".utf8)).isEmpty)
        // Hunks more than six lines apart stay apart; an insertion into an empty file starts at 0.
        let old = (1...20).map { "l\($0)\n" }.joined()
        let new = old.replacingOccurrences("l2\n", "L2\n").replacingOccurrences("l18\n", "L18\n")
        #expect(UnifiedDiff.make(path: "x", old: Array(old.utf8), new: Array(new.utf8))
                == "--- x\n+++ x\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n")
        #expect(UnifiedDiff.make(path: "x", old: [], new: Array("a\n".utf8)) == "--- x\n+++ x\n@@ -0,0 +1 @@\n+a\n")
    }
}

extension String {
    /// Every `target` replaced (tests only; the core does without Foundation).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
