#!/usr/bin/env python3
"""launchc against its peers, in one run: the helper behind scripts/bench.sh (`make bench`).

    bench.py compare --launchc BIN --bench BIN --sourcemeta BIN --check-jsonschema BIN --work DIR --out DIR [--full]
    bench.py scaling --launchc BIN --bench BIN --work DIR --out DIR

`compare` generates the inputs in WORK (deterministically: a fixed seed, no clock, no
randomness from the environment), checks that every tool accepts them, times each scenario
with hyperfine (-N, no shell; medians) and measures peak memory with GNU time (%M; the
median of a few runs), then prints one table and writes it to OUT/bench.md. hyperfine's JSON
exports stay in OUT/hyperfine/. `scaling` prints launchc's time and memory against file size
(1 KB ... 50 MB), file count (1 ... 10,000) and findings in one file (1,000 ... 100,000, in text,
JSON and SARIF, a key per line and minified), and writes OUT/scaling.md (`--axes findings`: that
axis alone, in OUT/scaling-findings.md).

The peers validate against the schemas launchc bundles (`launchc schema NAME`), so all
tools check the same documents against the same rules. Only the Python standard library is
used; the peers come from the virtual environment scripts/bench.sh sets up.
"""

import argparse
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys

SEED = 20240611          # every generated file derives from this seed
MANY = 1000              # scenario (b) and (c): files in the directory
LOOP_SUBSET = 100        # (c) for check-jsonschema: files actually run, then scaled to MANY
RESOURCES = ["sagemaker", "gcp-vertex", "kubernetes", "local-container"]
MIB = 1 << 20
LARGE_SIZES = [("10 MB", 10 * MIB), ("50 MB", 50 * MIB)]
# (d): the largest file check-jsonschema runs by default, per syntax (about ten seconds each);
# its figures for larger files are scaled from this run (see --full).
CJ_SAMPLE = {"yaml": "1 MB", "json": "10 MB"}

# --------------------------------------------------------------------------------------------
# Inputs: realistic queue configs, 15-40 lines, one generator per resource. Each draws its
# values from `rng` (seeded per file) so that the 1,000 files differ the way a real repository's
# queues do, while every one stays valid for launchc and for the peers (no ${macros}: the
# peers would check them as literal strings, where launchc defers them).
# --------------------------------------------------------------------------------------------

TEAMS = ["ml-platform", "vision", "nlp", "speech", "recsys", "research", "forecasting", "robotics"]
DATASETS = ["imagenet-1k", "coco-2017", "librispeech", "c4-en", "openwebtext", "criteo-1tb", "m4"]
PURPOSES = ["nightly training", "hyperparameter sweeps", "fine-tuning", "evaluation", "pre-training"]


def hex_id(rng, n=17):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def sagemaker_config(rng, i):
    team, dataset = rng.choice(TEAMS), rng.choice(DATASETS)
    itype, count = rng.choice([("ml.g5.xlarge", 1), ("ml.g5.2xlarge", 1), ("ml.g5.12xlarge", 2),
                               ("ml.p4d.24xlarge", 4), ("ml.p3.8xlarge", 2), ("ml.m5.4xlarge", 1)])
    runtime = rng.choice([3600, 14400, 43200, 86400])
    queue = f"{team}-{itype.split('.')[1]}-{i:04d}"
    return f"""\
# launchc: kind=queue-config resource=sagemaker
# Queue {queue}: {rng.choice(PURPOSES)} for team {team} on {count} x {itype}, managed spot.
RoleArn: arn:aws:iam::{rng.randrange(10**11, 10**12):012d}:role/SageMakerLaunchRole
region: {rng.choice(["us-east-1", "us-west-2", "eu-west-1"])}
ResourceConfig:
  InstanceType: {itype}
  InstanceCount: {count}
  VolumeSizeInGB: {rng.choice([50, 100, 200, 500])}
OutputDataConfig:
  S3OutputPath: s3://{team}-artifacts/launch/{queue}/
StoppingCondition:
  MaxRuntimeInSeconds: {runtime}
  MaxWaitTimeInSeconds: {runtime * 2}
EnableManagedSpotTraining: true
CheckpointConfig:
  S3Uri: s3://{team}-artifacts/checkpoints/{queue}/
  LocalPath: /opt/ml/checkpoints
InputDataConfig:
  - ChannelName: train
    DataSource:
      S3DataSource:
        S3DataType: S3Prefix
        S3Uri: s3://{team}-data/{dataset}/train/
        S3DataDistributionType: ShardedByS3Key
    InputMode: FastFile
VpcConfig:
  SecurityGroupIds: [sg-{hex_id(rng)}]
  Subnets: [subnet-{hex_id(rng)}, subnet-{hex_id(rng)}]
Environment:
  NCCL_DEBUG: INFO
  WANDB_PROJECT: {dataset}
Tags:
  - {{Key: team, Value: {team}}}
  - {{Key: cost-center, Value: cc-{rng.randrange(1000, 9999)}}}
"""


def vertex_config(rng, i):
    team, dataset = rng.choice(TEAMS), rng.choice(DATASETS)
    machine, accelerator, accelerators = rng.choice([
        ("a2-highgpu-1g", "NVIDIA_TESLA_A100", 1), ("a2-highgpu-2g", "NVIDIA_TESLA_A100", 2),
        ("n1-standard-8", "NVIDIA_TESLA_T4", 1), ("g2-standard-8", "NVIDIA_L4", 1)])
    project = f"{team}-prod"
    return f"""\
# launchc: kind=queue-config resource=gcp-vertex
# Queue {team}-{machine}-{i:04d}: {rng.choice(PURPOSES)} for team {team} on Vertex AI.
spec:
  worker_pool_specs:
    - machine_spec:
        machine_type: {machine}
        accelerator_type: {accelerator}
        accelerator_count: {accelerators}
      replica_count: {rng.choice([1, 2, 4])}
      disk_spec: {{boot_disk_type: pd-ssd, boot_disk_size_gb: {rng.choice([100, 200, 500])}}}
      container_spec:
        image_uri: us-central1-docker.pkg.dev/{project}/launch/train:v{rng.randrange(1, 40)}
        args: [--epochs, "{rng.choice([10, 30, 90])}", --dataset, {dataset}]
        env:
          - {{name: NCCL_DEBUG, value: INFO}}
          - {{name: WANDB_PROJECT, value: {dataset}}}
  staging_bucket: gs://{team}-staging
  labels: {{team: {team}, dataset: {dataset}}}
run:
  service_account: trainer@{project}.iam.gserviceaccount.com
  restart_job_on_worker_restart: false
  timeout: {rng.choice([3600, 43200, 86400])}
"""


def kubernetes_config(rng, i):
    team, dataset = rng.choice(TEAMS), rng.choice(DATASETS)
    gpu = rng.choice(["nvidia-tesla-a100", "nvidia-l4", "nvidia-tesla-t4", "nvidia-h100-80gb"])
    return f"""\
# launchc: kind=queue-config resource=kubernetes
# Queue {team}-{gpu}-{i:04d}: {rng.choice(PURPOSES)} for team {team}, one GPU Job per run.
metadata:
  namespace: {team}
  labels: {{team: {team}, queue: {team}-{gpu}}}
spec:
  backoffLimit: {rng.choice([0, 1, 3])}
  ttlSecondsAfterFinished: 3600
  activeDeadlineSeconds: {rng.choice([3600, 43200, 86400])}
  template:
    metadata:
      labels: {{team: {team}}}
    spec:
      restartPolicy: Never
      nodeSelector: {{cloud.google.com/gke-accelerator: {gpu}}}
      tolerations:
        - {{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}}
      containers:
        - name: trainer
          imagePullPolicy: IfNotPresent
          resources:
            requests: {{cpu: "{rng.choice([4, 8, 16])}", memory: {rng.choice([16, 32, 64])}Gi}}
            limits: {{nvidia.com/gpu: {rng.choice([1, 2, 4])}, memory: {rng.choice([64, 128])}Gi}}
          env:
            - {{name: NCCL_DEBUG, value: INFO}}
            - {{name: WANDB_PROJECT, value: {dataset}}}
"""


def local_container_config(rng, i):
    team, dataset = rng.choice(TEAMS), rng.choice(DATASETS)
    return f"""\
# launchc: kind=queue-config resource=local-container
# Queue {team}-workstation-{i:04d}: {rng.choice(PURPOSES)} for team {team} on a shared
# GPU workstation; these are the docker run flags the agent adds to each job.
gpus: all
cpus: {rng.choice([4, 8, 16])}
memory: {rng.choice([16, 32, 64])}g
shm-size: {rng.choice([2, 8, 16])}g
pids-limit: 4096
platform: linux/amd64
workdir: /workspace
ulimit:
  - nofile=1024:2048
  - memlock=-1
env:
  - NCCL_DEBUG=INFO
  - WANDB_PROJECT={dataset}
  - DATA_DIR=/data/{dataset}
"""


GENERATORS = {"sagemaker": sagemaker_config, "gcp-vertex": vertex_config,
              "kubernetes": kubernetes_config, "local-container": local_container_config}

# An agent config for scenario (f): the small-schema side of the schema-loading comparison.
AGENT_CONFIG = """\
# launchc: kind=agent
# The agent that serves the SageMaker queues.
entity: ml-platform
queues: [sagemaker-gpu, sagemaker-cpu]
max_jobs: 4
max_schedulers: 1
environment:
  type: aws
  region: us-east-1
registry:
  type: ecr
  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch-images
builder:
  type: kaniko
  destination: 123456789012.dkr.ecr.us-east-1.amazonaws.com/launch-images
  build-context-store: s3://ml-platform-builds/context
"""

# Scenario (e): worked examples from fixtures/render/cases whose args.txt (one argument a
# line) launchc renders with exit 0: a queue with a launch spec (SageMaker, Kubernetes) and a
# Vertex queue with flags. The render case with --show-secrets is left out: it needs WANDB_API_KEY.
RENDER_CASES = ["sagemaker-spec-merge", "vertex-docs-default-filled", "kubernetes-spec-merge-macros"]


def config(resource, i):
    """File i of a resource: the same text on every run (the seed mixes in both)."""
    return GENERATORS[resource](random.Random(f"{SEED}/{resource}/{i}"), i)


# --------------------------------------------------------------------------------------------
# Running things
# --------------------------------------------------------------------------------------------

def run(argv, **kwargs):
    return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kwargs)


def must(argv, what, accept=(0,), **kwargs):
    """Runs argv; stops the benchmark with its output when the exit code is not in `accept`."""
    result = run(argv, **kwargs)
    if result.returncode not in accept:
        sys.exit(f"bench: {what} failed (exit {result.returncode}): {shlex.join(argv)[:300]}\n"
                 f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result


def progress(message):
    print(message, file=sys.stderr, flush=True)


class Runner:
    """hyperfine for wall time, GNU time for peak memory."""

    def __init__(self, out):
        self.json_dir = os.path.join(out, "hyperfine")
        os.makedirs(self.json_dir, exist_ok=True)
        self.count = 0

    def time(self, argv, runs, warmup, with_peak=False, findings=False, statistic="median"):
        """Median wall seconds of `argv` over `runs` hyperfine runs (after `warmup`), or another
        of hyperfine's statistics (`min`).

        with_peak: run it under GNU time inside hyperfine and also return the median peak
        memory (bytes) over those runs. GNU time adds about a millisecond per run, so this is
        only for commands that take a second or so, where it saves separate memory runs.
        findings: the command reports findings, so it exits 1 (hyperfine would stop on that).
        """
        self.count += 1
        export = os.path.join(self.json_dir, f"{self.count:03d}.json")
        peaks = os.path.join(self.json_dir, f"{self.count:03d}.peak")
        command = (["/usr/bin/time", "-f", "%M", "-a", "-o", peaks, "--"] if with_peak else []) + argv
        must(["hyperfine", "-N", "--style", "none"] + (["-i"] if findings else []) + ["--warmup", str(warmup), "--runs", str(runs),
              "--export-json", export, shlex.join(command)], "hyperfine")
        with open(export) as f:
            seconds = json.load(f)["results"][0][statistic]
        if not with_peak:
            return seconds
        with open(peaks) as f:
            return seconds, statistics.median(int(line) * 1024 for line in f.read().split())

    @staticmethod
    def peak(argv, runs):
        """Median peak resident memory (bytes) of `argv` over `runs` runs under GNU time."""
        values = []
        for _ in range(runs):
            result = must(["/usr/bin/time", "-f", "%M", "--"] + argv, "measuring memory")
            values.append(int(result.stderr.strip().splitlines()[-1]) * 1024)
        return statistics.median(values)


# --------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------

class Row:
    def __init__(self, scenario, tool, seconds, peak, launchc=None, target="", met=None, mark="", peak_mark=None):
        self.scenario, self.tool, self.seconds, self.peak = scenario, tool, seconds, peak
        self.launchc = launchc   # the launchc row this row's ratio compares with
        self.target, self.met = target, met
        self.mark = mark         # "~" (scaled) or ">=" (a lower bound) before the time and the ratio
        self.peak_mark = mark if peak_mark is None else peak_mark


def ms(seconds):
    v = seconds * 1000
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}" if v >= 10 else f"{v:.2f}"


def render_table(rows, notes, title):
    header = ["scenario", "tool", "median ms", "peak MB", "ratio", "target", "met?"]
    body = []
    for r in rows:
        ratio = "" if r.launchc is None or r.launchc is r else f"{r.mark}{r.seconds / r.launchc.seconds:,.1f}x"
        met = r.met if isinstance(r.met, str) else "" if r.met is None else "yes" if r.met else "NO"
        peak = "" if r.peak is None else f"{r.peak_mark}{r.peak / MIB:,.1f}"
        body.append([r.scenario, r.tool, r.mark + ms(r.seconds), peak, ratio, r.target, met])
    widths = [max(len(h), *(len(b[c]) for b in body)) for c, h in enumerate(header)]
    right = {2, 3, 4}

    def line(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    text = [title, "", line(header), "  ".join("-" * w for w in widths)]
    previous = None
    for b in body:
        if previous is not None and b[0] != previous:
            text.append("")
        previous = b[0]
        text.append(line(b))
    text += [""] + notes
    markdown = [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|"]
    markdown += ["| " + " | ".join(c.replace("|", "\\|") for c in b) + " |" for b in body]
    markdown += [""] + ["- " + n for n in notes]
    return "\n".join(text), "\n".join(markdown)


# --------------------------------------------------------------------------------------------
# compare: the six scenarios
# --------------------------------------------------------------------------------------------

def export_schemas(launchc, work):
    """The bundled schemas the peers need, as `launchc schema NAME` prints them.

    All four per-resource schemas are self-contained (every $ref is local, '#/$defs/...'), so
    they need no bundling, and the peers take them as launchc prints them. Also writes jobs.json: an array of Kubernetes Jobs, each
    checked against the kubernetes schema (its $defs moved to the root), for scenario (d).
    """
    folder = os.path.join(work, "schemas")
    os.makedirs(folder, exist_ok=True)
    for name in RESOURCES + ["agent"]:
        text = must([launchc, "schema", name], f"launchc schema {name}").stdout
        if re.search(r"\\\\p\{(?!L\}|N\}|Z\})", text):
            sys.exit(f"bench: schema {name} has a regex class the peers may not accept")
        with open(os.path.join(folder, f"{name}.json"), "w") as f:
            f.write(text)
    with open(os.path.join(folder, "kubernetes.json")) as f:
        job = json.load(f)
    defs = job.pop("$defs")
    dialect = job.pop("$schema")
    job.pop("$id")
    jobs = {"$schema": dialect, "$comment": "A list of Kubernetes Jobs, each one checked against launchc's kubernetes schema.",
            "type": "array", "items": job, "$defs": defs}
    with open(os.path.join(folder, "jobs.json"), "w") as f:
        json.dump(jobs, f, indent=1)
    return folder


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def generate_small(work):
    """one/RESOURCE.yaml, many/ (MANY SageMaker configs) and mixed/ (MANY of four resources)."""
    for folder in ["one", "many", "mixed"]:
        os.makedirs(os.path.join(work, folder), exist_ok=True)
    for resource in RESOURCES:
        write(os.path.join(work, "one", f"{resource}.yaml"), config(resource, 0))
    for i in range(1, MANY + 1):
        write(os.path.join(work, "many", f"sagemaker-{i:04d}.yaml"), config("sagemaker", i))
        resource = RESOURCES[i % len(RESOURCES)]
        write(os.path.join(work, "mixed", f"{resource}-{i:04d}.yaml"), config(resource, i))
    write(os.path.join(work, "one", "agent.yaml"), AGENT_CONFIG)
    for folder in ["one", "many", "mixed"]:
        for name in os.listdir(os.path.join(work, folder)):
            lines = count_lines(os.path.join(work, folder, name))
            if not 15 <= lines <= 40:
                sys.exit(f"bench: {folder}/{name} has {lines} lines, not 15-40")


def clean_check(launchc, paths, what):
    """launchc check must exit 0 with no finding at all (errors, warnings or notes)."""
    result = must([launchc, "check", "--format", "json", "--no-config"] + paths, f"launchc check of {what}")
    summary = json.loads(result.stdout)["summary"]
    if summary["errors"] or summary["warnings"] or summary["notes"]:
        sys.exit(f"bench: launchc reports findings on {what}:\n{result.stdout[:3000]}")


def generate_large(bench, work, sizes):
    """Kubernetes-style Job lists from launchc-bench's generator (the content of its own table)."""
    folder = os.path.join(work, "large")
    os.makedirs(folder, exist_ok=True)
    files = {}
    for label, size in sizes:
        for syntax in ["yaml", "json"]:
            path = os.path.join(folder, f"{label.replace(' ', '').lower()}.{syntax}")
            if not os.path.exists(path):
                must([bench, "generate", syntax, str(size), path], "launchc-bench generate")
            files[(label, syntax)] = path
    return files


def compare(args):
    work, out = args.work, args.out
    launchc, bench, sm, cj = args.launchc, args.bench, args.sourcemeta, args.check_jsonschema
    timer = Runner(out)
    load_before = os.getloadavg()[0]
    progress("bench: generating inputs")
    schemas = export_schemas(launchc, work)
    generate_small(work)
    one = {r: os.path.join(work, "one", f"{r}.yaml") for r in RESOURCES}
    many_dir = os.path.join(work, "many")
    many = sorted(os.path.join(many_dir, n) for n in os.listdir(many_dir))
    sizes = LARGE_SIZES + [("16 KB", 16 << 10), ("1 MB", MIB)]   # the small two: (d)'s check-jsonschema
    large = generate_large(bench, work, sizes)
    schema = {r: os.path.join(schemas, f"{r}.json") for r in RESOURCES}
    jobs_schema = os.path.join(schemas, "jobs.json")

    # Every input is valid for every tool: launchc finds nothing, the peers exit 0.
    progress("bench: checking that every tool accepts the inputs")
    clean_check(launchc, list(one.values()) + [os.path.join(work, "one", "agent.yaml")], "the small configs")
    clean_check(launchc, [many_dir, os.path.join(work, "mixed")], "the 1,000-file directories")
    for r in RESOURCES:
        must([sm, "validate", schema[r], one[r]], f"sourcemeta on {r}")
        must([cj, "--schemafile", schema[r], one[r]], f"check-jsonschema on {r}")
    must([sm, "validate", schema["sagemaker"], many_dir], "sourcemeta on the 1,000 files")
    small_jobs = large[("16 KB", "yaml")]
    must([launchc, "check", "--kind", "data", "--schema", jobs_schema, small_jobs], "launchc on Job lists")
    must([sm, "validate", jobs_schema, small_jobs], "sourcemeta on Job lists")
    must([cj, "--schemafile", jobs_schema, small_jobs], "check-jsonschema on Job lists")

    rows, notes = [], []
    fast = dict(runs=30, warmup=5)       # single-digit milliseconds
    python = dict(runs=8, warmup=1)      # check-jsonschema's ~0.3 s start

    def measure(scenario, tool, argv, runs, warmup, memory_runs=3, **row):
        """One row: time from hyperfine; peak memory from `memory_runs` separate runs under
        GNU time, or (memory_runs="same", for slow commands) from the timed runs themselves."""
        if memory_runs == "same":
            seconds, peak = timer.time(argv, runs, warmup, with_peak=True)
        else:
            seconds = timer.time(argv, runs, warmup)
            peak = timer.peak(argv, memory_runs) if memory_runs else None
        progress(f"  {scenario:<34} {tool:<36} {ms(seconds):>9} ms")
        r = Row(scenario, tool, seconds, peak, **row)
        rows.append(r)
        return r

    # (a) One small file, process start to exit, against each resource's schema.
    progress("bench: (a) one small file")
    for resource in RESOURCES:
        scenario = f"(a) 1 file, {resource}"
        lc = measure(scenario, "launchc check", [launchc, "check", one[resource]], **fast, target="<= 3 ms")
        lc.launchc, lc.met = lc, lc.seconds <= 0.003
        s = measure(scenario, "sourcemeta validate", [sm, "validate", schema[resource], one[resource]], **fast,
                    launchc=lc, target="launchc <= sourcemeta")
        s.met = lc.seconds <= s.seconds
        c = measure(scenario, "check-jsonschema", [cj, "--schemafile", schema[resource], one[resource]], **python,
                    launchc=lc, target="~100x (>= 90x)")
        c.met = c.seconds / lc.seconds >= 90

    # (b) 1,000 SageMaker configs in one call.
    progress("bench: (b) 1,000 files, one call")
    scenario = "(b) 1,000 files, 1 call"
    lc = measure(scenario, "launchc check DIR", [launchc, "check", many_dir], runs=15, warmup=3, target="<= 40 ms")
    lc.launchc, lc.met = lc, lc.seconds <= 0.040
    measure(scenario, "launchc check --jobs 1 DIR", [launchc, "check", "--jobs", "1", many_dir], runs=15, warmup=3,
            launchc=lc)
    measure(scenario, "sourcemeta validate DIR", [sm, "validate", schema["sagemaker"], many_dir], runs=15, warmup=3,
            launchc=lc)
    measure(scenario, "check-jsonschema FILES", [cj, "--schemafile", schema["sagemaker"]] + many, runs=3, warmup=1,
            memory_runs="same", launchc=lc)
    # The same count, a quarter per resource (launchc only: a peer takes one schema per call).
    mixed = measure("(b') 1,000 files, 4 resources", "launchc check DIR", [launchc, "check", os.path.join(work, "mixed")],
                    runs=15, warmup=3, target="<= 40 ms")
    mixed.launchc, mixed.met = mixed, mixed.seconds <= 0.040

    # (c) 1,000 files, one process each (xargs -n1: no shell per file).
    progress("bench: (c) 1,000 files, one process per file")
    scenario = "(c) 1,000 files, 1 process each"
    listing = os.path.join(work, "many.txt")
    write(listing, "".join(p + "\n" for p in many))
    subset = os.path.join(work, "subset.txt")
    write(subset, "".join(p + "\n" for p in many[:LOOP_SUBSET]))
    per_process = {r.tool: r.peak for r in rows if r.scenario == "(a) 1 file, sagemaker"}
    lc = measure(scenario, "launchc check", ["xargs", "-n1", "-a", listing, "--", launchc, "check"], runs=3, warmup=0,
                 memory_runs=0, target="<= 3 s")
    lc.launchc, lc.met, lc.peak = lc, lc.seconds <= 3.0, per_process["launchc check"]
    s = measure(scenario, "sourcemeta validate", ["xargs", "-n1", "-a", listing, "--", sm, "validate", schema["sagemaker"]],
                runs=1, warmup=0, memory_runs=0, launchc=lc)
    s.peak = per_process["sourcemeta validate"]
    c = measure(scenario, f"check-jsonschema (x{MANY // LOOP_SUBSET} of {LOOP_SUBSET})",
                ["xargs", "-n1", "-a", subset, "--", cj, "--schemafile", schema["sagemaker"]], runs=1, warmup=0,
                memory_runs=0, launchc=lc, mark="~", peak_mark="")
    c.seconds *= MANY / LOOP_SUBSET
    c.peak = per_process["check-jsonschema"]
    notes.append(f"(c) peak MB is one process's (from (a), sagemaker); check-jsonschema ran {LOOP_SUBSET} files and its time "
                 f"is scaled x{MANY // LOOP_SUBSET} (~).")

    cj_cache = {}

    def cj_points(syntax):
        """check-jsonschema on the 16 KB file and on CJ_SAMPLE[syntax]: (bytes, seconds, peak) each."""
        if syntax not in cj_cache:
            points = []
            for label in ["16 KB", CJ_SAMPLE[syntax]]:
                sample = large[(label, syntax)]
                seconds, peak = timer.time([cj, "--schemafile", jobs_schema, sample], runs=2 if label == "16 KB" else 1,
                                           warmup=0, with_peak=True)
                points.append((os.path.getsize(sample), seconds, peak))
            cj_cache[syntax] = points
        return cj_cache[syntax]

    # (d) The large files: Kubernetes-style Job lists; every tool validates each Job against the
    # kubernetes schema (jobs.json); launchc also without a schema (parse and syntax only). These
    # take seconds, so peak memory comes from the timed runs themselves.
    progress("bench: (d) large files")
    for (label, size) in LARGE_SIZES:
        for syntax in ["yaml", "json"]:
            path = large[(label, syntax)]
            actual = os.path.getsize(path)
            scenario = f"(d) {label} {syntax.upper()}"
            reps = dict(runs=3, warmup=0 if size > 20 * MIB else 1, memory_runs="same")
            bare_name = "bare libyaml event parse" if syntax == "yaml" else "bare jansson json_loadb"
            bare = measure(scenario, bare_name, [bench, f"bare-{syntax}", path], **reps)
            lc = measure(scenario, "launchc check --kind data --schema",
                         [launchc, "check", "--kind", "data", "--schema", jobs_schema, path], **reps)
            lc.launchc = bare.launchc = lc
            parse_only = measure(scenario, "launchc check --kind data (no schema)",
                                 [launchc, "check", "--kind", "data", path], **reps, launchc=lc)
            if syntax == "yaml":
                for r in (lc, parse_only):
                    r.target = "<= 3x bare, <= 5x size"
                    fast_enough, small_enough = r.seconds <= 3 * bare.seconds, r.peak <= 5 * actual
                    r.met = fast_enough and small_enough
                    if fast_enough != small_enough:   # say which half holds
                        r.met = f"time {'yes' if fast_enough else 'NO'}, peak {'yes' if small_enough else 'NO'}"
                    notes.append(f"{scenario}, {r.tool}: {r.seconds / bare.seconds:.1f}x the bare libyaml parse, "
                                 f"peak {r.peak / actual:.1f}x the file size.")
            measure(scenario, "sourcemeta validate", [sm, "validate", jobs_schema, path],
                    runs=1 if size > 20 * MIB else 2, warmup=0, memory_runs="same", launchc=lc)
            if args.full or CJ_SAMPLE[syntax] == label:
                measure(scenario, "check-jsonschema", [cj, "--schemafile", jobs_schema, path], runs=1, warmup=0,
                        memory_runs="same", launchc=lc)
                continue
            # Pure-Python YAML takes about a minute per 10 MB here: extend the line through
            # check-jsonschema's runs on a 16 KB file and on the largest file of this syntax
            # that it runs in about ten seconds (CJ_SAMPLE) to this size.
            (x0, t0, m0), (x1, t1, m1) = cj_points(syntax)
            c = Row(scenario, f"check-jsonschema (scaled from {CJ_SAMPLE[syntax]})",
                    t1 + (t1 - t0) / (x1 - x0) * (actual - x1), m1 + (m1 - m0) / (x1 - x0) * (actual - x1),
                    launchc=lc, mark=">=")
            progress(f"  {scenario:<34} {c.tool:<36} {ms(c.seconds):>9} ms")
            rows.append(c)
    if not args.full:
        notes.append(f"(d) check-jsonschema (>=): run on a 16 KB file and on the {CJ_SAMPLE['yaml']} YAML / "
                     f"{CJ_SAMPLE['json']} JSON file of the same content; time and memory extend the line through those "
                     "two points. Its cost grows faster than linearly with size, so these are lower bounds; "
                     "`scripts/bench.sh --full` runs the real files (adds 10 minutes or more).")

    # (e) render of one job: launchc only (no peer renders a Launch job).
    progress("bench: (e) render")
    root = os.getcwd()
    for case in RENDER_CASES:
        folder = os.path.join(root, "fixtures", "render", "cases", case)
        with open(os.path.join(folder, "args.txt")) as f:
            case_args = [line for line in f.read().split("\n") if line]
        with open(os.path.join(folder, "status.txt")) as f:
            status = int(f.read().strip())
        if status != 0:
            sys.exit(f"bench: render case {case} is expected to exit {status}, not 0")
        argv = [launchc, "render"] + case_args
        must(argv, f"launchc render {case}")
        r = measure(f"(e) render, {case}", "launchc render", argv, **fast, target="<= 5 ms")
        r.launchc, r.met = r, r.seconds <= 0.005

    # (f) What loading a schema costs: the same process on files whose schemas differ in size.
    progress("bench: (f) schema loading")
    scenario = "(f) 1 file, by schema size"
    startup = measure(scenario, "launchc --version (start-up only)", [launchc, "--version"], **fast)
    syntax_only = measure(scenario, "launchc check --kind data (no schema)",
                          [launchc, "check", "--kind", "data", one["sagemaker"]], **fast)
    def kb(name):
        return f"{os.path.getsize(os.path.join(schemas, name + '.json')) / 1024:.0f} KB schema"

    agent = measure(scenario, f"launchc check agent ({kb('agent')})",
                    [launchc, "check", os.path.join(work, "one", "agent.yaml")], **fast)
    sage = measure(scenario, f"launchc check sagemaker ({kb('sagemaker')})", [launchc, "check", one["sagemaker"]], **fast)
    kube = measure(scenario, f"launchc check kubernetes ({kb('kubernetes')})", [launchc, "check", one["kubernetes"]], **fast)
    for r in (startup, syntax_only, agent, sage, kube):
        r.launchc = agent
    agent.launchc = agent
    notes.append(f"(f) the ratio column is against the agent config; schema loading and checking: sagemaker "
                 f"{(sage.seconds - syntax_only.seconds) * 1000:.2f} ms, kubernetes {(kube.seconds - syntax_only.seconds) * 1000:.2f} ms, "
                 f"agent {(agent.seconds - syntax_only.seconds) * 1000:.2f} ms over a syntax-only check of the same size.")

    versions = [must(argv, "a version").stdout.strip().splitlines()[-1] for argv in
                [[launchc, "--version"], [sm, "version"], [cj, "--version"], ["hyperfine", "--version"]]]
    notes.append(f"Versions: launchc {versions[0]}, sourcemeta jsonschema {versions[1]}, {versions[2]}, {versions[3]}; "
                 f"{os.cpu_count()} cores; load average (1 min) {load_before:.2f} at the start, "
                 f"{os.getloadavg()[0]:.2f} at the end (above ~0.3, something else was running: expect slower, noisier figures).")
    notes[:0] = [
        "ratio = the tool's median / launchc's median in the scenario (above 1: launchc is faster).",
        "median ms: hyperfine -N; peak MB: GNU time %M (MiB). ~ and >= mark figures scaled from a smaller run.",
        f"Inputs: generated with seed {SEED}; (a)-(c) SageMaker queue configs of {count_lines(one['sagemaker'])} lines "
        f"(15-40 lines each); (d) launchc-bench's Kubernetes Job lists.",
        "sourcemeta: the native binary of the PyPI wheel (its Python wrapper is not timed).",
    ]
    return rows, notes


def count_lines(path):
    with open(path) as f:
        return f.read().count("\n")


# --------------------------------------------------------------------------------------------
# scaling: launchc alone, against file size and file count
# --------------------------------------------------------------------------------------------

def findings_inputs(work, count):
    """A SageMaker queue config with `count` unknown keys (one LC2003 each), as YAML with a key
    per line and as minified JSON on one line."""
    base = {"RoleArn": "arn:aws:iam::123456789012:role/train", "OutputDataConfig": {"S3OutputPath": "s3://bucket/out"},
            "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
            "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}
    keys = {**base, **{f"UnknownSetting{i}": i for i in range(count)}}
    many = os.path.join(work, f"findings-{count}.yaml")
    write(many, "".join(f"{k}: {json.dumps(v)}\n" for k, v in keys.items()))
    one = os.path.join(work, f"findings-{count}.json")
    write(one, json.dumps(keys, separators=(",", ":")))
    return {"many lines": many, "one line": one}


def scaling_findings(launchc, work, timer, lines, md):
    """Time per finding against the number of findings in one file: it must stay within 1.5x
    of its best across 1,000 ... 100,000, in each layout and format. Per finding is the time
    past that of the same file with no finding (start-up, schema, the clean config), so that a
    fixed cost does not pass for a cost per finding.

    Each point is the fastest of its runs: a cost per finding is a difference of two times, and
    at 1,000 findings that difference is a few milliseconds, where the scheduling noise of a
    shared 2-core machine (which only ever adds time) would otherwise decide the ratio."""
    counts = [0, 1000, 10000, 20000, 100000]
    formats = ["text", "json", "sarif"]
    lines += ["", "launchc against the number of findings in one file: a SageMaker queue config with N unknown keys",
              "(launchc check --kind queue-config --resource sagemaker --format F FILE), a key per line or minified JSON.", ""]
    header = f"{'layout':<11}{'format':<7}{'0 (ms)':>8}" + "".join(f"{f'{n:,}':>10}" for n in counts[1:]) + f"{'20k ms':>8}{'worst/best':>12}{'met?':>6}"
    lines += [header + "   (microseconds per finding past the clean file)", "-" * len(header)]
    md += ["", "## Scaling: findings in one file", "", "Microseconds per finding, past the time of the same file with none (each the fastest of its runs); "
           "target: within 1.5x of the best across the range, and 20,000 findings under a second.", "",
           "| layout | format | no finding, ms | " + " | ".join(f"{n:,}" for n in counts[1:]) + " | 20,000 in ms | worst/best | met? |",
           "|---|---|" + "---:|" * (len(counts) + 3)]
    inputs = {n: findings_inputs(work, n) for n in counts}
    for layout in ["many lines", "one line"]:
        for fmt in formats:
            per = []
            twenty = clean = 0.0
            for n in counts:
                argv = [launchc, "check", "--no-config", "--kind", "queue-config", "--resource", "sagemaker", "--format", fmt, inputs[n][layout]]
                result = run(argv)
                if result.returncode != (1 if n else 0) or result.stdout.count("LC2003") < (min(n, 500) if fmt == "text" else n):
                    raise SystemExit(f"bench: {layout} {fmt} {n}: unexpected result (exit {result.returncode})")
                seconds = timer.time(argv, findings=n > 0, statistic="min",
                                     **(dict(runs=20, warmup=3) if n <= 20000 else dict(runs=5, warmup=1)))
                if n == 0:
                    clean = seconds
                    continue
                if n == 20000:
                    twenty = seconds
                per.append((seconds - clean) * 1e6 / n)
            ratio = max(per) / min(per)
            met = ratio <= 1.5 and twenty < 1.0
            progress(f"  {layout} {fmt}: " + ", ".join(f"{p:.1f}" for p in per) + " us/finding")
            lines.append(f"{layout:<11}{fmt:<7}{ms(clean):>8}" + "".join(f"{p:>10.1f}" for p in per) + f"{ms(twenty):>8}{ratio:>11.2f}x{'yes' if met else 'NO':>6}")
            md.append(f"| {layout} | {fmt} | {ms(clean)} | " + " | ".join(f"{p:.1f}" for p in per) + f" | {ms(twenty)} | {ratio:.2f}x | {'yes' if met else '**no**'} |")


def scaling(args):
    launchc, bench, work, out = args.launchc, args.bench, args.work, args.out
    timer = Runner(out)
    if args.axes == "findings":
        lines, md = [], []
        scaling_findings(launchc, work, timer, lines, md)
        print("\n".join(lines))
        write(os.path.join(out, "scaling-findings.md"), "\n".join(md) + "\n")
        print(f"\n(written to {os.path.join(out, 'scaling-findings.md')})")
        return
    schemas = export_schemas(launchc, work)
    jobs_schema = os.path.join(schemas, "jobs.json")
    sizes = [("1 KB", 1 << 10), ("10 KB", 10 << 10), ("100 KB", 100 << 10), ("1 MB", MIB), ("10 MB", 10 * MIB),
             ("50 MB", 50 * MIB)]
    large = generate_large(bench, work, sizes)
    lines = ["launchc against file size: a Kubernetes Job list, each Job checked against the kubernetes schema",
             "(launchc check --kind data --schema jobs.json FILE); bare = launchc-bench bare-yaml / bare-json.", ""]
    header = f"{'file':<12}{'bytes':>11}{'launchc ms':>12}{'MB/s':>7}{'peak MB':>9}{'peak/size':>11}{'bare ms':>10}{'x bare':>8}"
    md = ["## Scaling: file size", "", "| file | bytes | launchc ms | MB/s | peak MB | peak/size | bare ms | x bare |",
          "|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [header, "-" * len(header)]
    for syntax in ["yaml", "json"]:
        for label, size in sizes:
            path = large[(label, syntax)]
            actual = os.path.getsize(path)
            argv = [launchc, "check", "--kind", "data", "--schema", jobs_schema, path]
            if size < MIB:   # milliseconds: memory from separate runs, GNU time would skew the timing
                seconds, peak = timer.time(argv, runs=20, warmup=3), timer.peak(argv, 3)
                bare = timer.time([bench, f"bare-{syntax}", path], runs=20, warmup=3)
            else:            # a second or more: memory from the timed runs
                runs = dict(runs=10, warmup=2) if size == MIB else dict(runs=3, warmup=0)
                seconds, peak = timer.time(argv, **runs, with_peak=True)
                bare = timer.time([bench, f"bare-{syntax}", path], **runs)
            name = f"{syntax.upper()} {label}"
            cells = [name, f"{actual:,}", ms(seconds), f"{actual / seconds / 1e6:.1f}", f"{peak / MIB:.1f}",
                     # peak/size: not below 1 MB, where the process's own memory dominates
                     f"{peak / actual:.1f}x" if size >= MIB else "-", ms(bare), f"{seconds / bare:.1f}x"]
            progress(f"  {name}: {ms(seconds)} ms")
            lines.append(f"{cells[0]:<12}" + "".join(f"{c:>{w}}" for c, w in zip(cells[1:], [11, 12, 7, 9, 11, 10, 8])))
            md.append("| " + " | ".join(cells) + " |")
    lines += ["", "launchc against file count: N SageMaker queue configs in one directory, one call (launchc check DIR).", ""]
    header = f"{'files':>7}{'launchc ms':>12}{'ms/file':>9}{'peak MB':>9}"
    lines += [header, "-" * len(header)]
    md += ["", "## Scaling: file count", "", "| files | launchc ms | ms/file | peak MB |", "|---:|---:|---:|---:|"]
    for count in [1, 10, 100, 1000, 10000]:
        folder = os.path.join(work, f"count-{count}")
        os.makedirs(folder, exist_ok=True)
        for i in range(1, count + 1):
            write(os.path.join(folder, f"sagemaker-{i:05d}.yaml"), config("sagemaker", i))
        clean_check(launchc, [folder], f"{count} files")
        argv = [launchc, "check", folder]
        seconds = timer.time(argv, **(dict(runs=20, warmup=3) if count <= 1000 else dict(runs=5, warmup=1)))
        peak = timer.peak(argv, 3)
        cells = [f"{count:,}", ms(seconds), f"{seconds * 1000 / count:.3f}", f"{peak / MIB:.1f}"]
        progress(f"  {count} files: {ms(seconds)} ms")
        lines.append(f"{cells[0]:>7}{cells[1]:>12}{cells[2]:>9}{cells[3]:>9}")
        md.append("| " + " | ".join(cells) + " |")
    scaling_findings(launchc, work, timer, lines, md)
    text = "\n".join(lines)
    print(text)
    write(os.path.join(out, "scaling.md"), "\n".join(md) + "\n")
    print(f"\n(written to {os.path.join(out, 'scaling.md')})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["compare", "scaling"])
    parser.add_argument("--launchc", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--sourcemeta")
    parser.add_argument("--check-jsonschema")
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--full", action="store_true", help="run check-jsonschema on the large files themselves")
    parser.add_argument("--axes", choices=["all", "findings"], default="all", help="scaling: every axis, or the findings axis alone")
    args = parser.parse_args()
    if args.mode == "scaling":
        scaling(args)
        return
    rows, notes = compare(args)
    title = "launchc against its peers (make bench)"
    text, markdown = render_table(rows, notes, title)
    print(text)
    md_path = os.path.join(args.out, "bench.md")
    write(md_path, markdown + "\n")
    print(f"\n(written to {md_path})")


if __name__ == "__main__":
    main()
