extension PolicyRun {
    // MARK: Vertex AI

    mutating func vertex(_ queue: PolicyGenerator.Queue) {
        let file = queue.file
        let spec = queue.config["spec"]
        let runArgs = queue.config["run"]
        let region = self.region(for: "the Vertex permissions")
        let project = gcpProject()
        gcpAgent.grants.add(["aiplatform.customJobs.cancel", "aiplatform.customJobs.create", "aiplatform.customJobs.get", "aiplatform.customJobs.list"],
                            on: "projects/\(project)/locations/\(region)")
        gcpAgent.note("the agent creates each custom job, polls it and cancels it when the run is stopped")

        let serviceAccount = PolicyValue(runArgs?["service_account"], in: file)
        var job: PrincipalDraft
        let identity = serviceAccount?.text ?? "service-PROJECT_NUMBER@gcp-sa-aiplatform-cc.iam.gserviceaccount.com"
        let index = vertexJobs.firstIndex { $0.identity == identity }
        job = index.map { vertexJobs[$0] } ?? PrincipalDraft(.gcp, "vertex-job", serviceAccount == nil ? "the Vertex AI Custom Code Service Agent, which jobs without run.service_account run as" : "the service account the Vertex jobs run as", identity: identity)
        if let serviceAccount {
            gcpAgent.grants.add(["iam.serviceAccounts.actAs"], on: "projects/-/serviceAccounts/\(serviceAccount.text)")
            gcpAgent.note("iam.serviceAccounts.actAs: the jobs run as run.service_account '\(serviceAccount.raw)' (\(serviceAccount.place))")
            if !serviceAccount.isPinned { unpinned(serviceAccount, "run.service_account '\(serviceAccount.raw)' is not fixed, so acting as every account it may name is allowed") }
            gcpAgent.note(serviceAccount.widenedNote)
        }
        // The job writes its output under base_output_dir, else under the staging bucket (the SDK
        // makes `<staging_bucket>/aiplatform-custom-job-<timestamp>`; the agent itself writes nothing there).
        var output: (PolicyValue, String)?
        if let dir = PolicyValue(spec?["base_output_dir"], in: file) {
            output = (dir, dir.text)
        } else if let staging = PolicyValue(spec?["staging_bucket"], in: file) {
            output = (staging, staging.text.withoutTrailingSlashes + "/aiplatform-custom-job-*")
        }
        if let (value, path) = output {
            if case .gcs(let bucket, let key)? = CloudURI.storage(path) {
                _ = bucketPinned(bucket, value, "the job's output directory")
                var prefix = key
                if !prefix.isEmpty && !key.contains("*") && !prefix.hasSuffix("/") { prefix += "/" }
                let write = gcs(bucket: bucket, objects: prefix)
                job.grants.add(["storage.objects.create", "storage.objects.get"], on: write.resource, condition: write.condition)
                let list = gcs(bucket: bucket, objects: nil)
                job.grants.add(["storage.objects.list"], on: list.resource, condition: list.condition)
                job.note("the job writes its output under '\(path)' (\(value.place)); IAM conditions match a prefix, so the condition's prefix ends where the path's first '*' is")
                job.note(value.widenedNote)
            } else {
                unrecognized(value, "the job's output directory")
            }
        }
        // The images the worker pools pull.
        if case .array(let pools)? = spec?["worker_pool_specs"]?.value {
            for pool in pools {
                guard let image = PolicyValue(pool["container_spec"]?["image_uri"], in: file) else { continue }
                var parsed = CloudURI.registry(image.text)
                var source = image
                if image.raw == "${image_uri}" {
                    if builds, let built = builtImage { parsed = built.parsed; source = built.uri } else {
                        unpinned(image, "no config pins the image '\(image.raw)': it is each job's own image, and the builder names no destination; the job's service account needs pull on wherever that is",
                                 fix: "give the builder a destination in Artifact Registry, or name the image")
                        continue
                    }
                }
                guard case .gar(let location, let imageProject, let repository)? = parsed else {
                    job.note("the worker pools pull '\(source.raw)' (\(source.place)), which is not in Artifact Registry: no permission is written for it")
                    continue
                }
                job.grants.add(["artifactregistry.repositories.downloadArtifacts"], on: "projects/\(imageProject)/locations/\(location)/repositories/\(repository)",
                               role: "roles/artifactregistry.reader")
                job.note("the worker pools pull '\(source.raw)' (\(source.place))")
                job.note(source.widenedNote)
            }
        }
        if let key = PolicyValue(spec?["encryption_spec_key_name"], in: file) {
            job.note("encryption_spec_key_name '\(key.raw)' (\(key.place)): Vertex AI's own service agent (service-PROJECT_NUMBER@gcp-sa-aiplatform.iam.gserviceaccount.com) needs roles/cloudkms.cryptoKeyEncrypterDecrypter on that key")
        }
        if runArgs?["experiment"] != nil || runArgs?["tensorboard"] != nil {
            gcpAgent.note("run.experiment and run.tensorboard make the SDK write Vertex AI Experiments and TensorBoard resources too (roles/aiplatform.user covers them); this list leaves them out")
        }
        if let index { vertexJobs[index] = job } else { vertexJobs.append(job) }
    }
}
