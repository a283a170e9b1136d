/// LC34xx: Vertex AI.
extension DiagnosticID {
    public static let vertexRequired = DiagnosticID(
        code: "LC3401", name: "vertex-required", severity: .error,
        summary: "a Vertex queue config without its worker pools or staging bucket",
        explanation: "The agent refuses a Vertex queue config without `spec.worker_pool_specs` (at least one pool) and `spec.staging_bucket`.",
        bad: "spec:\n  worker_pool_specs: []\n",
        good: "spec:\n  worker_pool_specs:\n    - machine_spec: {machine_type: n1-standard-4}\n      replica_count: 1\n      container_spec: {image_uri: ${image_uri}}\n  staging_bucket: gs://ml-staging\n")

    public static let vertexIgnored = DiagnosticID(
        code: "LC3402", name: "vertex-ignored-key", severity: .warning,
        summary: "a Vertex setting the agent does not read",
        explanation: """
            From `spec` the agent reads only `worker_pool_specs`, `staging_bucket`, `base_output_dir`, \
            `encryption_spec_key_name` and `labels`; from `run` only `timeout`, `service_account`, `network`, \
            `enable_web_access`, `experiment`, `experiment_run`, `tensorboard` and \
            `restart_job_on_worker_restart`. The W&B docs say `spec.service_account`, which is ignored.
            """,
        bad: "spec:\n  service_account: trainer@ml.iam.gserviceaccount.com\n",
        good: "run:\n  service_account: trainer@ml.iam.gserviceaccount.com\n")

    public static let vertexContainerSpec = DiagnosticID(
        code: "LC3403", name: "vertex-container-spec", severity: .error,
        summary: "a worker pool without a container_spec",
        explanation: "The agent refuses a worker pool without a `container_spec`, even one with a `python_package_spec`.",
        bad: "- machine_spec: {machine_type: n1-standard-4}\n  replica_count: 1\n",
        good: "- machine_spec: {machine_type: n1-standard-4}\n  replica_count: 1\n  container_spec: {image_uri: ${image_uri}}\n")

    public static let vertexCommand = DiagnosticID(
        code: "LC3404", name: "vertex-command-discarded", severity: .warning,
        summary: "container_spec.command is replaced by the job's entry point",
        explanation: "The agent always overwrites `container_spec.command` with the job's entry point (even an empty one); `args` from the queue are kept.",
        bad: "container_spec:\n  image_uri: ${image_uri}\n  command: [python, train.py]\n",
        good: "container_spec:\n  image_uri: ${image_uri}\n  args: [--epochs, \"90\"]\n")

    public static let vertexCamelCase = DiagnosticID(
        code: "LC3405", name: "vertex-camel-case", severity: .error,
        summary: "a camelCase key in a Vertex queue config",
        explanation: """
            The Vertex SDK builds its requests from snake_case field names and rejects camelCase ones, \
            although Google's REST documentation spells them in camelCase. Every key must be snake_case.
            """,
        bad: "spec:\n  workerPoolSpecs: []\n",
        good: "spec:\n  worker_pool_specs: []\n")

    public static let vertexExperimentAndTensorboard = DiagnosticID(
        code: "LC3406", name: "vertex-experiment-with-tensorboard", severity: .error,
        summary: "run.experiment and run.tensorboard together",
        explanation: """
            The agent hands both to the Vertex SDK's `CustomJob.submit`, which raises "'experiment' and \
            'tensorboard' cannot be set together." before anything is submitted. An experiment has its \
            own backing TensorBoard; set one or the other.
            """,
        bad: "run:\n  experiment: resnet-sweep\n  tensorboard: projects/123/locations/us-central1/tensorboards/456\n",
        good: "run:\n  experiment: resnet-sweep\n")

    public static let vertexMachineUnknown = DiagnosticID(
        code: "LC3407", name: "vertex-machine-type-unknown", severity: .warning,
        summary: "a machine type Vertex AI does not train on, as far as launchc knows",
        explanation: """
            A worker pool's `machine_spec.machine_type` must be one of the machine types Vertex AI custom \
            training offers (`n1-standard-4`, `a2-highgpu-1g`, `g2-standard-8`, ...). launchc's table comes \
            from Google's documentation (`data/vertex-machine-types.txt`); a type newer than it is a warning.
            """,
        bad: "spec:\n  worker_pool_specs:\n    - machine_spec: {machine_type: n1-standrd-4}\n",
        good: "spec:\n  worker_pool_specs:\n    - machine_spec: {machine_type: n1-standard-4}\n")

    public static let vertexAccelerator = DiagnosticID(
        code: "LC3408", name: "vertex-accelerator", severity: .warning,
        summary: "an accelerator, or a count of them, the machine type does not take",
        explanation: """
            Accelerator-optimized machine types come with their GPUs: `a2-highgpu-2g` has two \
            `NVIDIA_TESLA_A100`, `g2-standard-8` one `NVIDIA_L4`, `a3-highgpu-8g` eight `NVIDIA_H100_80GB`, \
            and `accelerator_count` must say so. `n1` machines take the older GPUs (T4, V100, P100, P4) in \
            1, 2, 4 or 8; `e2`, `n2`, `c2` and `m1` take none. Vertex AI refuses the job otherwise.
            """,
        bad: "spec:\n  worker_pool_specs:\n    - machine_spec: {machine_type: a2-highgpu-2g, accelerator_type: NVIDIA_TESLA_A100, accelerator_count: 1}\n",
        good: "spec:\n  worker_pool_specs:\n    - machine_spec: {machine_type: a2-highgpu-2g, accelerator_type: NVIDIA_TESLA_A100, accelerator_count: 2}\n")
}
