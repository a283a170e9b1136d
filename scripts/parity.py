#!/usr/bin/env python3
"""make parity: launchc's render against wandb 0.31.0's own runners, case by case.

For each worked example in fixtures/render/cases/, `launchc render ... --agent-input` gives what
the agent receives for the job (the launch spec with the resolved queue config, and what the
agent knows besides: the image, the job's entry point, its environment, the API key, the queue,
the cloud account). This script hands that to the SDK's own code, with every cloud client
stubbed so that the submission is captured instead of sent:

  sagemaker        SageMakerRunner.run (sts and sagemaker clients stubbed; CreateTrainingJob captured)
  gcp-vertex       VertexRunner.run, aiplatform 2.7.0's CustomJob and submit (JobServiceClient.create_custom_job
                   captured; experiment resource names computed, as their lookup needs the API)
  kubernetes       KubernetesRunner.run (API clients stubbed; the Secret and the Job or custom object captured)
  local-container  LocalContainerRunner.run (the docker command captured instead of run)
  local-process    LocalProcessRunner.run (the command captured instead of run)

and compares the result with `launchc render`'s output (or the agent's error with launchc's
"the agent refuses this config"). Differences that are by design are normalised and listed
in EXPLAINED; anything else is reported and makes the script exit 1.

Usage: python scripts/parity.py LAUNCHC   (make parity; needs wandb==0.31.0 and the runners' packages)
"""
import asyncio, base64, contextlib, difflib, gc, io, json, logging, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHC = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/launchc")
CASES = os.path.join(ROOT, "fixtures", "render", "cases")

EXPLAINED = {
    "timestamp": "what the SDK takes from the clock (a Vertex job's default display name and output directory) is '<timestamp>' in launchc's output",
    "labels-order": "Vertex labels are a protobuf map, printed by the SDK in no stable order: compared as sets",
    "unknown-entry-point": "without --entry-point (and no image source), launchc renders the job's entry point as empty; the SDK is given an empty one (the real agent reads it from the job artifact)",
    "secret-placeholder": "without --show-secrets the Secret's password is launchc's placeholder '<WANDB_API_KEY as base64>', where the SDK encodes the placeholder key itself",
    "secret-api-version": "the Kubernetes API-key Secret is sent to a typed endpoint without apiVersion; launchc's YAML output adds 'v1' for kubectl (JSON, compared here, does not)",
}


# The explained differences met in this run.
EXPLAINED_SEEN = set()


class Captured(Exception):
    """Raised by a stub once the submission is in hand, to stop the runner there."""


class Settings(dict):
    def __call__(self, key):
        return self[key]


class StubApi:
    def __init__(self, api_key, base_url="https://api.wandb.ai"):
        self.api_key = api_key
        self.settings = Settings(base_url=base_url)


def launchc(args, *extra):
    done = subprocess.run([LAUNCHC, "render", "--color", "never", *args, *extra], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "WANDB_API_KEY": "local-0123456789abcdef"})
    return done.returncode, done.stdout, done.stderr


def without_output_flags(args):
    """The case's arguments without -o/--output/--format (which parity sets itself) and without
    --agent-input and --explain (which replace the body)."""
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--agent-input", "--explain"):
            continue
        if arg in ("-o", "--output", "--format"):
            skip = True
            continue
        if arg.startswith(("--output=", "--format=", "-o=")):
            continue
        out.append(arg)
    return out


def project_for(agent_input):
    from wandb.sdk.launch._project_spec import LaunchProject
    spec, agent = agent_input["launch_spec"], agent_input["agent"]
    # The agent's W&B server comes from its environment, as the SDK's settings read it.
    api = StubApi(agent["api_key"], agent["environment"].get("WANDB_BASE_URL") or "https://api.wandb.ai")
    project = LaunchProject.from_spec(spec, api)
    from wandb.sdk.launch._project_spec import EntryPoint
    if agent["job_entry_point"]:
        project.set_job_entry_point(agent["job_entry_point"])
    elif not project.docker_image:
        # A job whose entry point launchc was not told (no --entry-point): rendered as empty.
        project._entry_point = EntryPoint(name="", command=[])
        EXPLAINED_SEEN.add("unknown-entry-point")
    if getattr(project, "project_dir", None) is None:
        project.project_dir = tempfile.mkdtemp()
    for key in ("queue_name", "queue_entity", "run_queue_item_id"):
        if agent[key] is not None:
            setattr(project, key, agent[key])
    if project.job:
        project._job_artifact = object()  # the job's artifact, which only local-process looks at
    return project, api


async def sagemaker(project, api, agent):
    from wandb.sdk.launch.runner.sagemaker_runner import SageMakerRunner
    from wandb.sdk.launch.utils import PROJECT_SYNCHRONOUS
    captured = {}

    class Client:
        def get_caller_identity(self):
            return {"Account": agent["aws_account"]}

        def create_training_job(self, **request):
            captured["body"] = request
            raise Captured()

    class Session:
        def client(self, name):
            return Client()

    class Environment:
        async def get_session(self):
            return Session()

        async def get_partition(self):
            return agent["aws_partition"]

    runner = SageMakerRunner.__new__(SageMakerRunner)
    runner._api, runner.backend_config, runner.environment, runner.registry = api, {PROJECT_SYNCHRONOUS: False, "runner": {}}, Environment(), None
    try:
        await runner.run(project, agent["image_uri"])
    except Captured:
        return captured["body"]


async def vertex(project, api, agent):
    from google.auth.credentials import AnonymousCredentials
    from google.cloud.aiplatform import jobs
    from google.cloud.aiplatform_v1.services.job_service import JobServiceClient
    from google.protobuf.json_format import MessageToDict
    from wandb.sdk.launch.runner.vertex_runner import VertexRunner
    from wandb.sdk.launch.utils import PROJECT_SYNCHRONOUS
    captured = {}

    def create_custom_job(self, parent=None, custom_job=None, **_):
        captured["body"] = MessageToDict(type(custom_job).pb(custom_job))
        raise Captured()

    def experiment_names(experiment=None, experiment_run=None):
        if not experiment:
            return None, None
        contexts = f"projects/{agent['gcp_project']}/locations/{agent['gcp_region']}/metadataStores/default/contexts/"
        return contexts + experiment, (contexts + experiment + "-" + experiment_run) if experiment_run else None

    class Environment:
        project, region = agent["gcp_project"], agent["gcp_region"]

        async def verify(self):
            pass

        async def get_credentials(self):
            return AnonymousCredentials()

    JobServiceClient.create_custom_job = create_custom_job
    jobs.CustomJob._get_experiment_and_run_resource_name = staticmethod(experiment_names)
    runner = VertexRunner.__new__(VertexRunner)
    runner._api, runner.backend_config, runner.environment, runner.registry = api, {PROJECT_SYNCHRONOUS: False}, Environment(), None
    try:
        await runner.run(project, agent["image_uri"])
    except Captured:
        return captured["body"]


async def kubernetes(project, api, agent):
    import kubernetes_asyncio
    from kubernetes_asyncio.client import ApiClient
    from kubernetes_asyncio.client.rest import ApiException
    from wandb.sdk.launch.runner import kubernetes_runner as k8s
    from wandb.sdk.launch.utils import PROJECT_SYNCHRONOUS
    captured, secrets = [], {}

    class Core:
        def __init__(self, *_):
            pass

        async def read_namespaced_secret(self, name, namespace):
            if name in secrets:
                return secrets[name]
            raise ApiException(status=404, reason="Not Found")

        async def create_namespaced_secret(self, namespace, body):
            secrets[body.metadata.name] = body
            captured.append(ApiClient().sanitize_for_serialization(body))
            return body

    class Other:
        def __init__(self, *_):
            pass

        async def create_namespaced_custom_object(self, group, version, namespace, plural, body):
            captured.append(body)
            raise Captured()

    # The spec's additional services are created first, then the Job, which ends the run.
    services = sum(1 for s in project.launch_spec.get("additional_services") or [] if s.get("config"))
    created = []

    async def create_from_dict(api_client, job, namespace=None):
        captured.append(job)
        created.append(job)
        if len(created) <= services:
            return [job]
        raise Captured()

    async def no_context(*_):
        return None, None

    async def nothing(*_, **__):
        return None

    client = kubernetes_asyncio.client
    client.CoreV1Api, client.BatchV1Api, client.AppsV1Api, client.NetworkingV1Api, client.CustomObjectsApi = Core, Other, Other, Other, Other
    kubernetes_asyncio.utils.create_from_dict = create_from_dict
    k8s.get_kube_context_and_api_client = no_context
    k8s.KubernetesRunner._wait_for_resource_ready = nothing
    k8s.LaunchKubernetesMonitor.ensure_initialized = nothing
    k8s.LaunchKubernetesMonitor.monitor_namespace = staticmethod(lambda *_, **__: None)
    # launchc renders for a running agent named launch-agent.
    k8s.LaunchAgent.initialized = staticmethod(lambda: True)
    k8s.LaunchAgent.name = staticmethod(lambda: "launch-agent")
    runner = k8s.KubernetesRunner.__new__(k8s.KubernetesRunner)
    runner._api, runner.backend_config, runner.environment = api, {PROJECT_SYNCHRONOUS: False}, None
    runner.registry = k8s.LocalRegistry()
    try:
        await runner.run(project, agent["image_uri"])
    except Exception as error:  # the agent wraps create_from_dict's exception as a LaunchError
        if not captured or (not isinstance(error, Captured) and not str(error).startswith("Unexpected exception when creating Kubernetes job")):
            raise
    # The agent ensures the Secret once per container: the same object, created once.
    unique = []
    for item in captured:
        if item not in unique:
            unique.append(item)
    return unique


async def command(project, api, agent, resource):
    from wandb.sdk.launch.runner import local_container, local_process
    from wandb.sdk.launch.utils import PROJECT_SYNCHRONOUS
    captured = {}

    def run_entry_point(command, work_dir):
        captured["line"] = command
        raise Captured()

    local_container._run_entry_point = run_entry_point
    local_process._run_entry_point = run_entry_point
    local_container.pull_docker_image = lambda image: None
    if resource == "local-container":
        runner = local_container.LocalContainerRunner.__new__(local_container.LocalContainerRunner)
        runner.environment, runner.registry = None, None
    else:
        runner = local_process.LocalProcessRunner.__new__(local_process.LocalProcessRunner)
    runner._api, runner.backend_config = api, {PROJECT_SYNCHRONOUS: False}
    try:
        await runner.run(project, agent["image_uri"])
    except Captured:
        return captured["line"]


def sdk(agent_input):
    """What wandb 0.31.0 submits for this input: ("body", value) or ("error", message)."""
    agent = agent_input["agent"]
    saved = dict(os.environ)
    os.environ.update(agent["environment"])
    try:
        resource = agent_input["launch_spec"]["resource"]
        runner = {"sagemaker": sagemaker, "gcp-vertex": vertex, "kubernetes": kubernetes}.get(resource)
        # The SDK's own progress messages are not the report's.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            project, api = project_for(agent_input)
            result = asyncio.run(runner(project, api, agent) if runner else command(project, api, agent, resource))
            gc.collect()
        return "body", result
    except Exception as error:
        return "error", str(error)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def normalised(resource, value):
    if resource == "gcp-vertex" and isinstance(value, dict):
        text = json.dumps(value)
        stamped = re.sub(r"CustomJob \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+", "CustomJob <timestamp>", text)
        stamped = re.sub(r"aiplatform-custom-job-\d{4}-\d\d-\d\d-\d\d:\d\d:\d\d\.\d{3}", "aiplatform-custom-job-<timestamp>", stamped)
        if stamped != text:
            EXPLAINED_SEEN.add("timestamp")
        value = json.loads(stamped)
        if "labels" in value:
            value["labels"] = dict(sorted(value["labels"].items()))
            EXPLAINED_SEEN.add("labels-order")
    return json.dumps(value, indent=2, ensure_ascii=False)


def main():
    quiet = "--quiet" in sys.argv
    logging.disable(logging.CRITICAL)
    compared, skipped, differing = 0, [], []
    for name in sorted(os.listdir(CASES)):
        args = open(os.path.join(CASES, name, "args.txt"), encoding="utf-8").read().splitlines()
        args = without_output_flags(args)
        status, text, _ = launchc(args, "--agent-input")
        if status == 2 or not text:
            skipped.append((name, "no job to submit (a usage error or an unreadable input)"))
            continue
        agent_input = json.loads(text)
        if status != 0 and "{{" in json.dumps(agent_input["launch_spec"]["resource_args"]):
            skipped.append((name, "a template variable without a valid value: the W&B server refuses the run before any agent sees it"))
            continue
        resource = agent_input["launch_spec"]["resource"]
        shell = resource in ("local-container", "local-process")
        status, body, errors = launchc(args, "--format", "shell" if shell else "json")
        refusal = re.search(r"launchc: error: the agent refuses this config: (.*)", errors)
        ours = ("error", refusal.group(1)) if refusal else ("body", body.rstrip("\n") if shell else json.loads(body) if body else None)
        theirs = sdk(agent_input)
        if resource == "kubernetes" and theirs[0] == "body":
            placeholder = base64.b64encode(b"<WANDB_API_KEY>").decode()
            for item in theirs[1]:
                if item.get("kind") == "Secret" and item.get("data", {}).get("password") == placeholder:
                    item["data"]["password"] = "<WANDB_API_KEY as base64>"
                    EXPLAINED_SEEN.add("secret-placeholder")
        if ours[0] == "body" and theirs[0] == "body" and not shell:
            same = normalised(resource, ours[1]) == normalised(resource, theirs[1])
        else:
            same = ours == theirs
        compared += 1
        if not same:
            differing.append((name, ours, theirs))
        elif not quiet:
            print(f"same  {name} ({resource}: {'the agent refuses it' if ours[0] == 'error' else 'submission'})")
    for name, why in skipped:
        print(f"skip  {name}: {why}")
    for name, ours, theirs in differing:
        def text(side):
            return side[1] if isinstance(side[1], str) else json.dumps(side[1], indent=2, ensure_ascii=False)
        diff = difflib.unified_diff(text(theirs).splitlines(), text(ours).splitlines(), f"wandb ({theirs[0]})", f"launchc ({ours[0]})", lineterm="")
        print(f"DIFF  {name}\n" + "\n".join("  " + line for line in diff))
    print(f"\nparity: {compared} cases compared with wandb 0.31.0, {len(differing)} differing, {len(skipped)} skipped")
    for key in sorted(EXPLAINED_SEEN):
        print(f"  explained: {EXPLAINED[key]}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
